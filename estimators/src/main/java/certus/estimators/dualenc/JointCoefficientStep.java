package certus.estimators.dualenc;

import certus.tensor.DenseMatrix;

/**
 * A coefficient step that moves the centers together with the task coefficients [RECON, beyond the spec; option
 * {@link DualEncoderOptions#jointCenterStep()}].
 *
 * <p><b>Why.</b> The spec alternates per-task prox steps with a center step that only looks at the penalty. Once every
 * task is fused (alpha_r = alphabar for all r) neither block can move: a prox step keeps a task fused while its loss
 * gradient is below λ_r, and the median of coincident points is that point. The common coefficient then stays at its
 * initial value even though the pooled loss would prefer another one (seen with large λ: the center never leaves the
 * mean of the ridge start). Block descent stalls because the penalty couples the blocks.
 *
 * <p><b>How.</b> Write alpha_r = alphabar + a_r, beta_r = betabar + b_r. The loss is smooth in (c_r, a_r, b_r, alphabar,
 * betabar) and the penalty λ||a_r|| is separable, so one proximal-gradient method covers all of them. Its Hessian is
 * bounded by the "arrow" matrix with task blocks L_r I, center block (Σ L_r) I and coupling L_r I (L_r = 2σ_max([1, H_r,
 * Z_r])^2/n_r, as in {@link CoefficientStep}); the diagonal metric D = diag(2 L_r I, 2 Σ L_r I) dominates it (D minus
 * the arrow matrix is diagonally dominant), so prox-gradient in the metric D, i.e. step 1/(2 L_r) for task r and
 * 1/(2 Σ L_r) for the centers, decreases the objective monotonically. The prox stays group soft-thresholding because
 * D is a scalar on each task's block.
 */
final class JointCoefficientStep {
    private JointCoefficientStep() {}

    /**
     * Runs {@code steps} iterations over all tasks at once. Modified: every coefficient in {@code coef}, and the centers
     * (alphabar only when {@code moveAlphaCenter}).
     */
    static void run(DenseMatrix[] h, DenseMatrix[] z, double[][] y, Coefficients coef, CoefficientStep.Penalty[] pen, int steps,
                    boolean moveAlphaCenter) {
        if (steps == 0) return;
        int tasks = coef.tasks(), q = coef.q(), p = coef.p();
        double[] lip = new double[tasks];
        double lipSum = 0;
        for (int r = 0; r < tasks; r++) {
            lip[r] = 2 * CoefficientStep.largestGramEigenvalue(h[r], z[r]) / y[r].length;
            lipSum += lip[r];
        }
        double centerStep = 1.0 / (2 * lipSum);
        double[] hg = new double[q], zg = new double[p];
        double[][] ga = new double[tasks][q], gb = new double[tasks][p];
        double[] gc = new double[tasks];
        for (int it = 0; it < steps; it++) {
            for (int r = 0; r < tasks; r++) { // gradients at the current point, before anything moves
                int n = y[r].length;
                double[] e = coef.predict(r, h[r], z[r]);
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    e[i] = y[r][i] - e[i];
                    sum += e[i];
                }
                h[r].transposeTimesInto(e, hg);
                z[r].transposeTimesInto(e, zg);
                gc[r] = -2.0 / n * sum;
                for (int k = 0; k < q; k++) ga[r][k] = -2.0 / n * hg[k];
                for (int k = 0; k < p; k++) gb[r][k] = -2.0 / n * zg[k];
            }
            double[] newAlphaBar = coef.alphaBar.clone(), newBetaBar = coef.betaBar.clone();
            for (int r = 0; r < tasks; r++) {
                if (moveAlphaCenter) for (int k = 0; k < q; k++) newAlphaBar[k] -= centerStep * ga[r][k];
                for (int k = 0; k < p; k++) newBetaBar[k] -= centerStep * gb[r][k];
            }
            double[] ua = new double[q], ub = new double[p];
            for (int r = 0; r < tasks; r++) {
                double t = 1.0 / (2 * lip[r]);
                coef.intercept[r] -= t * gc[r];
                for (int k = 0; k < q; k++) ua[k] = coef.alpha[r][k] - coef.alphaBar[k] - t * ga[r][k];
                for (int k = 0; k < p; k++) ub[k] = coef.beta[r][k] - coef.betaBar[k] - t * gb[r][k];
                double[] da = GroupProx.prox(ua, t * pen[r].alphaWeight(), pen[r].squared());
                double[] db = GroupProx.prox(ub, t * pen[r].betaWeight(), pen[r].squared());
                for (int k = 0; k < q; k++) coef.alpha[r][k] = newAlphaBar[k] + da[k];
                for (int k = 0; k < p; k++) coef.beta[r][k] = newBetaBar[k] + db[k];
            }
            coef.alphaBar = newAlphaBar;
            coef.betaBar = newBetaBar;
        }
    }

    /** Σ_r of {@link CoefficientStep#objective}: the whole coefficient-block objective. */
    static double objective(DenseMatrix[] h, DenseMatrix[] z, double[][] y, Coefficients coef, CoefficientStep.Penalty[] pen) {
        double s = 0;
        for (int r = 0; r < coef.tasks(); r++) s += CoefficientStep.objective(h[r], z[r], y[r], coef, r, pen[r]);
        return s;
    }
}
