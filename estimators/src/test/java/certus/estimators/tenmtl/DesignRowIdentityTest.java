package certus.estimators.tenmtl;

import certus.tensor.DenseMatrix;
import certus.tensor.DenseTensor;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * tenmtl.md §7.1: for random factors, the linear predictor b_i + &lt;X, B_i&gt; with B_i computed from the Tucker model
 * by the tensor module's mode products (independently of {@link TuckerState}'s kernels) equals each block's design row
 * times its vectorized block (plus the intercept), to 1e-12 — for vector predictors (order 1) and matrix and order-3
 * tensor predictors. This pins the vec conventions, which a mistake would silently break (the monotone acceptance
 * rule would only reject updates).
 */
class DesignRowIdentityTest {

    @Property(tries = 300)
    void everyBlockReproducesTheLinearPredictor(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                @ForAll @IntRange(min = 1, max = 3) int order) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 1 + r.nextInt(5);
        int r0 = 1 + r.nextInt(3);
        int[] dims = new int[order];
        int[] ranks = new int[order];
        double[][][] factors = new double[order][][];
        int width = 1;
        int p = 1;
        for (int m = 0; m < order; m++) {
            dims[m] = 1 + r.nextInt(5);
            ranks[m] = 1 + r.nextInt(3);
            factors[m] = random(r, dims[m], ranks[m]);
            width *= ranks[m];
            p *= dims[m];
        }
        TuckerState s = new TuckerState(dims, ranks, factors, random(r, r0, width), random(r, n, r0), random(r, 1, n)[0]);
        int i = r.nextInt(n);
        double[] x = random(r, 1, p)[0];
        double eta = s.b[i] + dot(x, reference(s, i));

        assertEquals(eta, s.b[i] + dot(x, s.beta(i)), tolerance(eta), "beta");
        for (int m = 0; m < order; m++) {
            double[] row = new double[dims[m] * ranks[m]];
            s.factorRow(m, i, x, row);
            assertEquals(eta, s.b[i] + dot(row, s.vecFactor(m)), tolerance(eta), "factor block " + m);
        }
        double[] coreRow = new double[r0 * width];
        s.coreRow(i, x, coreRow);
        assertEquals(eta, s.b[i] + dot(coreRow, s.vecCore()), tolerance(eta), "core block");
        assertEquals(eta, s.b[i] + dot(s.u0[i], s.taskRow(s.project(x))), tolerance(eta), "task block");
    }

    /** B_i = [[G; u0_i^T, U_1, ..., U_M]] by DenseTensor mode products, flattened row-major. */
    private static double[] reference(TuckerState s, int i) {
        int[] coreShape = new int[s.order() + 1];
        coreShape[0] = s.taskRank();
        System.arraycopy(s.featureRanks, 0, coreShape, 1, s.order());
        DenseTensor t = DenseTensor.of(coreShape, s.vecCore()).modeProduct(0, DenseMatrix.fromRows(new double[][]{s.u0[i]}));
        for (int m = 0; m < s.order(); m++) t = t.modeProduct(m + 1, DenseMatrix.fromRows(s.factors[m]));
        return t.toRowMajor(); // leading mode has dimension 1, so this is B_i's row-major flattening
    }

    private static double tolerance(double eta) {
        return 1e-12 * (1 + Math.abs(eta)) * 10;
    }

    static double[][] random(SplittableRandom r, int rows, int cols) {
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
