package certus.estimators.tenmtl;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * tenmtl.md §7.1: for random factors, the linear predictor computed from beta_i = U1 G^T u0_i equals each block's design
 * row times its vectorized block (plus the intercept), to 1e-12. This pins the Kronecker ordering of the U1 and core
 * blocks, which a wrong vec convention would silently break (the monotone acceptance rule would only reject updates).
 */
class DesignRowIdentityTest {

    @Property(tries = 200)
    void everyBlockReproducesTheLinearPredictor(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 1 + r.nextInt(5);
        int p = 1 + r.nextInt(6);
        int r0 = 1 + r.nextInt(3);
        int r1 = 1 + r.nextInt(3);
        TenMtlFitter.State s = new TenMtlFitter.State(random(r, p, r1), random(r, r0, r1), random(r, n, r0), random(r, 1, n)[0]);
        int i = r.nextInt(n);
        double[] x = random(r, 1, p)[0];
        double[] beta = TenMtlFitter.beta(s, i);
        double eta = s.b[i];
        for (int j = 0; j < p; j++) eta += x[j] * beta[j];

        double[] row = new double[p * r1];
        TenMtlFitter.u1Row(s, i, x, row);
        assertEquals(eta, s.b[i] + dot(row, TenMtlFitter.vecU1(s)), 1e-12 * (1 + Math.abs(eta)), "U1 block");
        double[] coreRow = new double[r0 * r1];
        TenMtlFitter.coreRow(s, i, x, coreRow);
        assertEquals(eta, s.b[i] + dot(coreRow, TenMtlFitter.vecCore(s)), 1e-12 * (1 + Math.abs(eta)), "core block");
        // task block: eta = b_i + sum_a u0_i[a] (G h)_a
        double[] h = new double[r1];
        for (int j = 0; j < p; j++) for (int q = 0; q < r1; q++) h[q] += s.u1[j][q] * x[j];
        double taskEta = s.b[i];
        for (int a = 0; a < r0; a++) {
            double gh = 0;
            for (int q = 0; q < r1; q++) gh += s.g[a][q] * h[q];
            taskEta += s.u0[i][a] * gh;
        }
        assertEquals(eta, taskEta, 1e-12 * (1 + Math.abs(eta)), "task block");
    }

    private static double[][] random(SplittableRandom r, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) for (int j = 0; j < cols; j++) row[j] = r.nextGaussian();
        return m;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) s += a[k] * b[k];
        return s;
    }
}
