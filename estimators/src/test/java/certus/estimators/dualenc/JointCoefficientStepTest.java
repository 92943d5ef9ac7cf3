package certus.estimators.dualenc;

import certus.tensor.DenseMatrix;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The joint coefficient-and-center step: monotone, and it escapes the all-fused state where block descent stalls. */
class JointCoefficientStepTest {

    private record Problem(DenseMatrix[] h, DenseMatrix[] z, double[][] y, Coefficients coef) {}

    private static Problem problem(long seed, int tasks, int n, int q, int p) {
        SplittableRandom r = new SplittableRandom(seed);
        DenseMatrix[] h = new DenseMatrix[tasks], z = new DenseMatrix[tasks];
        double[][] y = new double[tasks][n];
        double[] shared = new double[p];
        for (int k = 0; k < p; k++) shared[k] = 2 * r.nextGaussian();
        for (int t = 0; t < tasks; t++) {
            double[] hv = new double[n * q], zv = new double[n * p];
            for (int i = 0; i < hv.length; i++) hv[i] = r.nextGaussian();
            for (int i = 0; i < zv.length; i++) zv[i] = r.nextGaussian();
            h[t] = DenseMatrix.fromColumnMajor(n, q, hv);
            z[t] = DenseMatrix.fromColumnMajor(n, p, zv);
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < p; k++) y[t][i] += zv[k * n + i] * shared[k]; // a common beta the data want
                y[t][i] += 0.5 * r.nextGaussian();
            }
        }
        return new Problem(h, z, y, new Coefficients(tasks, q, p)); // all zero: every task fused at a zero center
    }

    private static CoefficientStep.Penalty[] penalties(int tasks, double la, double lb, boolean squared) {
        CoefficientStep.Penalty[] pen = new CoefficientStep.Penalty[tasks];
        java.util.Arrays.fill(pen, new CoefficientStep.Penalty(la, lb, squared));
        return pen;
    }

    @Property(tries = 100)
    void objectiveIsNonIncreasing(@ForAll @IntRange(min = 1, max = 4) int tasks, @ForAll @IntRange(min = 2, max = 30) int n,
                                  @ForAll @IntRange(min = 1, max = 3) int q, @ForAll @IntRange(min = 1, max = 4) int p,
                                  @ForAll @DoubleRange(min = 0, max = 3) double la, @ForAll @DoubleRange(min = 0, max = 3) double lb,
                                  @ForAll boolean squared, @ForAll long seed) {
        Problem pr = problem(seed, tasks, n, q, p);
        SplittableRandom r = new SplittableRandom(seed + 1);
        for (int t = 0; t < tasks; t++) { // start off the fused state too
            for (int k = 0; k < q; k++) pr.coef().alpha[t][k] = r.nextGaussian();
            for (int k = 0; k < p; k++) pr.coef().beta[t][k] = r.nextGaussian();
        }
        CoefficientStep.Penalty[] pen = penalties(tasks, la, lb, squared);
        double before = JointCoefficientStep.objective(pr.h(), pr.z(), pr.y(), pr.coef(), pen);
        for (int it = 0; it < 30; it++) {
            JointCoefficientStep.run(pr.h(), pr.z(), pr.y(), pr.coef(), pen, 1, true);
            double after = JointCoefficientStep.objective(pr.h(), pr.z(), pr.y(), pr.coef(), pen);
            assertTrue(after <= before + 1e-12 * (1 + Math.abs(before)), "iteration " + it + ": " + before + " -> " + after);
            before = after;
        }
    }

    @Property(tries = 50)
    void movesTheCenterWhereBlockDescentStalls(@ForAll @IntRange(min = 2, max = 4) int tasks, @ForAll long seed) {
        Problem pr = problem(seed, tasks, 40, 2, 3);
        // λ large enough that no task leaves the center on its own: ||loss gradient|| <= λ for every task at the start
        CoefficientStep.Penalty[] pen = penalties(tasks, 1e3, 1e3, false);
        Coefficients blockwise = pr.coef().copy();
        double start = JointCoefficientStep.objective(pr.h(), pr.z(), pr.y(), blockwise, pen);
        for (int epoch = 0; epoch < 5; epoch++) { // the spec's alternation: per-task prox steps, then the median
            for (int r = 0; r < tasks; r++) CoefficientStep.run(pr.h()[r], pr.z()[r], pr.y()[r], blockwise, r, pen[r], 20);
            double[] w = new double[tasks];
            java.util.Arrays.fill(w, 1e3);
            blockwise.betaBar = CenterUpdate.center(blockwise.beta, w, CenterUpdate.Mode.GEOMETRIC_MEDIAN);
        }
        double stalled = JointCoefficientStep.objective(pr.h(), pr.z(), pr.y(), blockwise, pen);
        // only the (unpenalized) intercepts move; the center and every fused beta stay at the zero start
        for (double b : blockwise.betaBar) assertTrue(b == 0, "block descent moved the center: " + java.util.Arrays.toString(blockwise.betaBar));
        Coefficients joint = pr.coef().copy();
        JointCoefficientStep.run(pr.h(), pr.z(), pr.y(), joint, pen, 100, true);
        double moved = JointCoefficientStep.objective(pr.h(), pr.z(), pr.y(), joint, pen);
        // the data share beta ~ N(0, 4 I) (signal variance ~4p = 12 per row), so refitting the common center must
        // remove a large part of the loss: require a 10% drop
        assertTrue(moved < 0.9 * stalled, "joint step: " + moved + " vs block descent " + stalled + " (start " + start + ")");
        for (int r = 0; r < tasks; r++) assertTrue(java.util.Arrays.equals(joint.beta[r], joint.betaBar), "task " + r + " left the center");
    }
}
