package certus.estimators.glm;

import certus.tensor.DenseMatrix;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Lasso-GLM block solver against closed forms and the optimality (KKT) conditions of tenmtl.md §7.6. */
class LassoGlmTest {

    private static LassoGlm.Problem random(long seed, Family family, double lambdaShare) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 30 + r.nextInt(40);
        int p = 2 + r.nextInt(8);
        double[][] x = new double[n][p];
        double[] y = new double[n];
        double[] beta = new double[p];
        for (int j = 0; j < p; j++) beta[j] = r.nextInt(2) == 0 ? 0 : r.nextGaussian();
        double[] offset = new double[n];
        for (int i = 0; i < n; i++) {
            double eta = 0.3;
            for (int j = 0; j < p; j++) {
                x[i][j] = r.nextGaussian();
                eta += x[i][j] * beta[j];
            }
            offset[i] = 0.2 * r.nextGaussian();
            eta += offset[i];
            y[i] = family == Family.GAUSSIAN ? eta + r.nextGaussian() : (r.nextDouble() < Family.BINOMIAL.mean(eta) ? 1 : 0);
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) w[i] = (0.5 + r.nextDouble()) / n;
        double[] pf = new double[p];
        for (int j = 0; j < p; j++) pf[j] = j == 0 ? 0 : 0.5 + r.nextDouble(); // one unpenalized coefficient
        LassoGlm.Problem base = new LassoGlm.Problem(DenseMatrix.fromRows(x), y, offset, w, family, 0, pf, 0, true);
        double lambda = lambdaShare * LassoGlm.lambdaMax(base);
        return new LassoGlm.Problem(base.x(), y, offset, w, family, lambda, pf, 0, true);
    }

    private static void assertKkt(LassoGlm.Problem pr, LassoGlm.Fit f, double tol) {
        double[] g = LassoGlm.gradient(pr, f.intercept(), f.beta());
        for (int j = 0; j < g.length; j++) {
            double t = pr.lambda() * (pr.penalty() == null ? 1 : pr.penalty()[j]);
            double b = f.beta()[j];
            if (b == 0) assertTrue(Math.abs(g[j]) <= t + tol, "zero coefficient " + j + ": |gradient| " + Math.abs(g[j]) + " > " + t);
            else assertEquals(-t * Math.signum(b), g[j] + pr.ridge() * b, tol, "nonzero coefficient " + j);
        }
        // intercept: the weighted residuals sum to zero
        double s = 0;
        double[] eta = new double[pr.y().length];
        pr.x().timesInto(f.beta(), eta);
        for (int i = 0; i < eta.length; i++) s += pr.weights()[i] * (pr.family().mean(eta[i] + f.intercept() + pr.offset()[i]) - pr.y()[i]);
        assertEquals(0.0, s, tol, "intercept stationarity");
    }

    @Property(tries = 60)
    void gaussianSolutionSatisfiesKkt(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        LassoGlm.Problem pr = random(seed, Family.GAUSSIAN, 0.3);
        LassoGlm.Fit f = LassoGlm.fit(pr, 1e-12, 100_000);
        assertTrue(f.converged());
        assertKkt(pr, f, 1e-8);
    }

    @Property(tries = 60)
    void logisticSolutionSatisfiesKkt(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        LassoGlm.Problem pr = random(seed, Family.BINOMIAL, 0.3);
        LassoGlm.Fit f = LassoGlm.fit(pr, 1e-12, 100_000);
        assertKkt(pr, f, 1e-6);
    }

    @Property(tries = 40)
    void atLambdaMaxEveryPenalizedCoefficientIsZero(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        for (Family family : Family.values()) {
            LassoGlm.Problem pr = random(seed, family, 1.0001);
            LassoGlm.Fit f = LassoGlm.fit(pr, 1e-12, 100_000);
            for (int j = 1; j < f.beta().length; j++) assertEquals(0.0, f.beta()[j], 0.0, family + " coefficient " + j);
        }
    }

    @Test
    void orthonormalGaussianDesignGivesSoftThresholding() {
        // X^T W X = I with W = I/n: columns orthogonal with squared norm n, no intercept: beta_j = S(x_j^T y / n, lambda)
        int n = 4;
        double[][] x = {{1, 1}, {1, -1}, {-1, 1}, {-1, -1}};
        double[] y = {3, 1, -1, 0.5};
        double lambda = 0.4;
        LassoGlm.Fit f = LassoGlm.fit(new LassoGlm.Problem(DenseMatrix.fromRows(x), y, null, null, Family.GAUSSIAN, lambda, null, 0, false),
                1e-14, 1000);
        double c0 = (3 + 1 + 1 - 0.5) / n;
        double c1 = (3 - 1 - 1 - 0.5) / n;
        assertEquals(Math.signum(c0) * Math.max(Math.abs(c0) - lambda, 0), f.beta()[0], 1e-12);
        assertEquals(Math.signum(c1) * Math.max(Math.abs(c1) - lambda, 0), f.beta()[1], 1e-12);
    }

    @Test
    void badInputIsAClearError() {
        DenseMatrix x = DenseMatrix.fromRows(new double[][]{{1}, {2}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LassoGlm.Problem(x, new double[]{0, 2}, null, null, Family.BINOMIAL, 0.1, null, 0, true));
        assertTrue(e.getMessage().contains("row 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LassoGlm.Problem(x, new double[]{0}, null, null, Family.GAUSSIAN, 0.1, null, 0, true));
        assertThrows(IllegalArgumentException.class, () -> new LassoGlm.Problem(x, new double[]{0, Double.NaN}, null, null, Family.GAUSSIAN, 0.1, null, 0, true));
    }
}
