package certus.formulations.oa;

import certus.data.TaskData;
import certus.smtl.ObjectiveEvaluator;
import certus.smtl.ObjectiveValue;
import certus.smtl.SmtlProblem;
import certus.smtl.SmtlSolution;
import certus.smtl.SupportRefitter;
import certus.tensor.DenseMatrix;

/**
 * Solves the inner problem of outer approximation exactly for a fixed binary Z (exact.md §4.1).
 *
 * <p>Why it reuses {@link SupportRefitter} and {@link ObjectiveEvaluator}: the heuristics, the brute-force oracle
 * and OA must agree on the continuous part to the last digit, otherwise a cut value c(Z0) could disagree with the
 * objective reported for the same support and the bound would not refer to the reported problem. So
 * c(Z) is F(refit(Z)) minus its Zbar term, never a separate formula.
 *
 * <p>The gradient quantities w_kj are formed from centered columns and the residual of the refit; with the
 * intercept profiled out, {@code r_k = yc_k - Xc_k beta_k} equals the raw residual {@code y_k - b_k - X_k beta_k}.
 */
public final class InnerProblem {
    private InnerProblem() {}

    /** The inner solution at {@code z} (a K x p binary matrix; not modified). */
    public static InnerPoint solve(SmtlProblem problem, boolean[][] z) {
        int kCount = problem.taskCount();
        boolean[][] point = new boolean[kCount][];
        for (int k = 0; k < kCount; k++) point[k] = z[k].clone();
        SmtlSolution sol = SupportRefitter.refit(problem, point);
        ObjectiveValue ov = ObjectiveEvaluator.evaluate(problem, sol);
        double maxAbs = 0;
        for (int k = 0; k < kCount; k++) for (double b : sol.coefficients(k)) maxAbs = Math.max(maxAbs, Math.abs(b));
        InnerPoint.TaskSplit own = taskParts(problem, sol);
        InnerPoint.TaskSplit split;
        if (!CutGenerator.aggregatedFor(problem)) {
            split = own; // c = sum_k c_k exactly
        } else if (problem.ridge() > 0) {
            // Coupled: the per-task etas bound the tasks' own ridge problems (Bbar term dropped), refitted separately.
            SmtlProblem decoupled = problem.with(problem.s(), problem.ridge(), 0.0, problem.zbar(), problem.commonSupport());
            InnerPoint.TaskSplit d = taskParts(decoupled, SupportRefitter.refit(decoupled, point));
            split = new InnerPoint.TaskSplit(d.values(), d.w(), false);
        } else {
            split = null; // big-M cuts of the ridge-free task problems would need their own M checks: not used
        }
        double value = ov.loss() + ov.ridge() + ov.bbar();
        return new InnerPoint(point, sol, value, own.values(), ov.zbar(), ov.total(), own.w(), maxAbs, split);
    }

    /** Per-task loss + ridge and w_kj (with the Bbar term of the gradient when the problem has one) at {@code sol}. */
    private static InnerPoint.TaskSplit taskParts(SmtlProblem problem, SmtlSolution sol) {
        int kCount = problem.taskCount();
        int p = problem.featureCount();
        boolean coupled = CutGenerator.aggregatedFor(problem);
        double[] betaBar = new double[p];
        for (int k = 0; k < kCount; k++) for (int j = 0; j < p; j++) betaBar[j] += sol.coefficient(k, j) / kCount;
        double[][] w = new double[kCount][p];
        double[] taskValues = new double[kCount];
        for (int k = 0; k < kCount; k++) {
            TaskData t = problem.data().task(k);
            int n = t.rows();
            double[] beta = sol.coefficients(k);
            double[] fitted = new double[n];
            t.x().timesInto(beta, fitted);
            double[] r = new double[n];
            double ss = 0;
            double rsum = 0;
            for (int i = 0; i < n; i++) {
                r[i] = t.y(i) - sol.intercept(k) - fitted[i];
                ss += r[i] * r[i];
                rsum += r[i];
            }
            double ridgeSq = 0;
            for (double b : beta) ridgeSq += b * b;
            taskValues[k] = ss / (2.0 * n) + 0.5 * problem.ridge() * ridgeSq;
            DenseMatrix x = t.x();
            for (int j = 0; j < p; j++) {
                // xc_j^T r = x_j^T r - mean_j * sum(r); sum(r) is ~0 at the optimal intercept but kept for exactness.
                double g = (x.columnDot(j, r) - x.columnMean(j) * rsum) / n;
                if (coupled) g -= problem.bbar() * (beta[j] - betaBar[j]);
                w[k][j] = g;
            }
        }
        return new InnerPoint.TaskSplit(taskValues, w, true);
    }
}
