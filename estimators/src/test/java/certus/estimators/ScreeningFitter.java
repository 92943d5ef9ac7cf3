package certus.estimators;

import certus.data.TaskData;
import certus.heuristics.HeuristicListener;
import certus.heuristics.HeuristicOptions;
import certus.heuristics.HeuristicResult;
import certus.smtl.ObjectiveEvaluator;
import certus.smtl.SmtlProblem;
import certus.smtl.SmtlSolution;
import certus.smtl.SupportRefitter;

import java.util.ArrayList;
import java.util.List;

/**
 * Test-only stand-in engine while the real heuristic is a placeholder: per task (or jointly under common support)
 * keep the s features with the largest |x_j^T (y - ybar)| / ||x_j - xbar_j|| and refit exactly on that support.
 * Feasible and deterministic, which is all the plumbing tests need; it makes no claim of quality.
 */
public final class ScreeningFitter implements PathFitter {
    @Override
    public List<HeuristicResult> fitPath(List<SmtlProblem> problems, HeuristicOptions options, HeuristicListener listener) {
        List<HeuristicResult> out = new ArrayList<>();
        for (SmtlProblem problem : problems) out.add(fit(problem));
        return out;
    }

    public static HeuristicResult fit(SmtlProblem problem) {
        int kCount = problem.taskCount();
        int p = problem.featureCount();
        double[][] score = new double[kCount][p];
        for (int k = 0; k < kCount; k++) {
            TaskData t = problem.data().task(k);
            double[] y = t.y();
            double ybar = t.responseMean();
            for (int i = 0; i < y.length; i++) y[i] -= ybar;
            for (int j = 0; j < p; j++) {
                if (problem.data().isConstant(k, j)) { score[k][j] = -1; continue; }
                double ss = t.x().columnCenteredSumOfSquares(j);
                score[k][j] = Math.abs(t.x().columnDot(j, y)) / Math.sqrt(ss);
            }
        }
        boolean[][] z = new boolean[kCount][p];
        if (problem.commonSupport()) {
            double[] total = new double[p];
            for (double[] row : score) for (int j = 0; j < p; j++) total[j] += row[j];
            boolean[] pick = top(total, problem.s());
            for (int k = 0; k < kCount; k++) z[k] = pick.clone();
        } else {
            for (int k = 0; k < kCount; k++) z[k] = top(score[k], problem.s());
        }
        SmtlSolution sol = SupportRefitter.refit(problem, z);
        return new HeuristicResult(sol, ObjectiveEvaluator.value(problem, sol), HeuristicResult.StopReason.CONVERGED, 1, 0, 0.0);
    }

    private static boolean[] top(double[] score, int s) {
        boolean[] pick = new boolean[score.length];
        for (int c = 0; c < s; c++) {
            int best = -1;
            for (int j = 0; j < score.length; j++) {
                if (!pick[j] && score[j] >= 0 && (best < 0 || score[j] > score[best])) best = j;
            }
            if (best < 0) break;
            pick[best] = true;
        }
        return pick;
    }
}
