package certus.estimators.dualenc;

import certus.tensor.DenseMatrix;
import certus.tensor.SymmetricSolver;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** dualencoder.md §7.6 and §7.2 (λ -> 0): the coefficient step with frozen latents. */
class CoefficientStepTest {

    private record Problem(DenseMatrix h, DenseMatrix z, double[] y, Coefficients coef) {}

    private static Problem problem(long seed, int n, int q, int p) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] hv = new double[n * q], zv = new double[n * p], y = new double[n];
        for (int i = 0; i < hv.length; i++) hv[i] = r.nextGaussian() + 0.3;
        for (int i = 0; i < zv.length; i++) zv[i] = r.nextGaussian() - 0.2;
        for (int i = 0; i < n; i++) y[i] = 2 * r.nextGaussian();
        Coefficients c = new Coefficients(2, q, p); // task 1 only; task 0 is there to check it is left alone
        for (int k = 0; k < q; k++) { c.alpha[1][k] = r.nextGaussian(); c.alphaBar[k] = r.nextGaussian(); c.alpha[0][k] = 7; }
        for (int k = 0; k < p; k++) { c.beta[1][k] = r.nextGaussian(); c.betaBar[k] = r.nextGaussian(); c.beta[0][k] = 7; }
        return new Problem(DenseMatrix.fromColumnMajor(n, q, hv), DenseMatrix.fromColumnMajor(n, p, zv), y, c);
    }

    @Property(tries = 200)
    void objectiveIsNonIncreasingOverProxIterations(@ForAll @IntRange(min = 2, max = 40) int n, @ForAll @IntRange(min = 1, max = 4) int q,
                                                    @ForAll @IntRange(min = 1, max = 6) int p, @ForAll @DoubleRange(min = 0, max = 2) double lamA,
                                                    @ForAll @DoubleRange(min = 0, max = 2) double lamB, @ForAll boolean squared, @ForAll long seed) {
        Problem pr = problem(seed, n, q, p);
        CoefficientStep.Penalty pen = new CoefficientStep.Penalty(lamA, lamB, squared);
        double before = CoefficientStep.objective(pr.h(), pr.z(), pr.y(), pr.coef(), 1, pen);
        for (int it = 0; it < 30; it++) {
            CoefficientStep.run(pr.h(), pr.z(), pr.y(), pr.coef(), 1, pen, 1);
            double after = CoefficientStep.objective(pr.h(), pr.z(), pr.y(), pr.coef(), 1, pen);
            assertTrue(after <= before + 1e-12 * (1 + Math.abs(before)), "iteration " + it + ": " + before + " -> " + after);
            before = after;
        }
        assertEquals(7.0, pr.coef().alpha[0][0], 0.0);
        assertEquals(7.0, pr.coef().beta[0][0], 0.0);
    }

    @Property(tries = 50)
    void withoutPenaltyItConvergesToPerTaskLeastSquares(@ForAll @IntRange(min = 15, max = 40) int n, @ForAll @IntRange(min = 1, max = 3) int q,
                                                        @ForAll @IntRange(min = 1, max = 4) int p, @ForAll long seed) {
        Problem pr = problem(seed, n, q, p);
        int m = 1 + q + p;
        // direct solve of the normal equations [1 H Z]ᵀ[1 H Z] θ = [1 H Z]ᵀ y
        double[] g = CoefficientStep.gram(pr.h(), pr.z());
        double[] rhs = new double[m];
        for (double v : pr.y()) rhs[0] += v;
        for (int k = 0; k < q; k++) rhs[1 + k] = pr.h().columnDot(k, pr.y());
        for (int k = 0; k < p; k++) rhs[1 + q + k] = pr.z().columnDot(k, pr.y());
        double[] theta = SymmetricSolver.solvePsd(g, rhs, m);
        CoefficientStep.run(pr.h(), pr.z(), pr.y(), pr.coef(), 1, new CoefficientStep.Penalty(0, 0, false), 20_000);
        // gradient descent converges linearly at rate 1 - 1/cond; n >= 15 >= 2m random rows keeps cond moderate
        assertEquals(theta[0], pr.coef().intercept[1], 1e-6);
        for (int k = 0; k < q; k++) assertEquals(theta[1 + k], pr.coef().alpha[1][k], 1e-6);
        for (int k = 0; k < p; k++) assertEquals(theta[1 + q + k], pr.coef().beta[1][k], 1e-6);
    }

    @Property(tries = 100)
    void powerIterationFindsTheLargestGramEigenvalue(@ForAll @IntRange(min = 2, max = 30) int n, @ForAll @IntRange(min = 1, max = 4) int q,
                                                     @ForAll @IntRange(min = 1, max = 6) int p, @ForAll long seed) {
        Problem pr = problem(seed, n, q, p);
        double lambda = CoefficientStep.largestGramEigenvalue(pr.h(), pr.z());
        double[] g = CoefficientStep.gram(pr.h(), pr.z());
        int m = 1 + q + p;
        // an upper bound that needs no eigen-solver: the largest eigenvalue is at most the max absolute row sum
        double rowSum = 0;
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int j = 0; j < m; j++) s += Math.abs(g[j * m + i]);
            rowSum = Math.max(rowSum, s);
        }
        assertTrue(lambda <= rowSum * (1 + 1e-12));
        // and a lower bound: the Rayleigh quotient of every unit coordinate vector (the diagonal)
        for (int i = 0; i < m; i++) assertTrue(lambda >= g[i * m + i] * (1 - 1e-9), "below diagonal entry " + i);
    }

    /**
     * Spec §7.3 with frozen latents: the coefficient step solves a convex group-fused regression, so its limit must
     * satisfy the KKT conditions, checked here independently of the algorithm: the loss gradient is 0 for the
     * intercept, and for each group u = alpha - alphabar either u != 0 and g_alpha + λ u/||u|| = 0, or u = 0 and
     * ||g_alpha|| <= λ. On this distribution about 15% of the groups end fused (counted over 200 draws), so both
     * branches are exercised.
     */
    @Property(tries = 50)
    void groupPenaltyLimitSatisfiesKkt(@ForAll @IntRange(min = 15, max = 40) int n, @ForAll @IntRange(min = 1, max = 3) int q,
                                       @ForAll @IntRange(min = 1, max = 4) int p, @ForAll @DoubleRange(min = 0.01, max = 1.5) double lamA,
                                       @ForAll @DoubleRange(min = 0.01, max = 1.5) double lamB, @ForAll long seed) {
        Problem pr = problem(seed, n, q, p);
        Coefficients c = pr.coef();
        CoefficientStep.run(pr.h(), pr.z(), pr.y(), c, 1, new CoefficientStep.Penalty(lamA, lamB, false), 20_000);
        double[] f = c.predict(1, pr.h(), pr.z());
        double[] e = new double[n];
        double gc = 0;
        for (int i = 0; i < n; i++) { e[i] = pr.y()[i] - f[i]; gc += -2.0 / n * e[i]; }
        assertEquals(0.0, gc, 1e-7);
        double[] ga = new double[q], gb = new double[p];
        pr.h().transposeTimesInto(e, ga);
        pr.z().transposeTimesInto(e, gb);
        for (int k = 0; k < q; k++) ga[k] *= -2.0 / n;
        for (int k = 0; k < p; k++) gb[k] *= -2.0 / n;
        assertGroupKkt(ga, c.alpha[1], c.alphaBar, lamA);
        assertGroupKkt(gb, c.beta[1], c.betaBar, lamB);
    }

    private static void assertGroupKkt(double[] g, double[] coef, double[] center, double lambda) {
        double[] u = new double[g.length];
        for (int k = 0; k < u.length; k++) u[k] = coef[k] - center[k];
        double nu = GroupProx.norm(u);
        if (nu == 0) {
            assertTrue(GroupProx.norm(g) <= lambda * (1 + 1e-9), "fused group: ||g|| = " + GroupProx.norm(g) + " > λ = " + lambda);
        } else {
            // linear convergence (rate 1 - 1/cond per step) leaves far less than 1e-6 after 20,000 steps at these sizes
            for (int k = 0; k < u.length; k++) assertEquals(0.0, g[k] + lambda * u[k] / nu, 1e-6, "stationarity, coordinate " + k);
        }
    }
}
