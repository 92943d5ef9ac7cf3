package certus.heuristics;

import certus.smtl.SmtlProblem;
import certus.smtl.SmtlSolution;

import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of the sMTL heuristics: block IHT with Zbar-aware selection and active sets, exact refit, and a
 * best-improvement swap local search, from several starting points (spec smtl.md §3-§5 with the [DESIGN]
 * corrections). The returned solution is always feasible and its objective is
 * {@link certus.smtl.ObjectiveEvaluator}'s value; a heuristic never claims optimality.
 */
public final class SmtlHeuristic {
    private SmtlHeuristic() {}

    /**
     * Fits one problem. {@code warmStart} may be null (then the spec's 3s warm-start fit is used); otherwise it
     * is projected onto the constraint set ({@link #project}) and the result is never worse than that
     * projection. Deterministic for a given {@link HeuristicOptions#seed()} (up to the time limit).
     */
    public static HeuristicResult fit(SmtlProblem problem, HeuristicOptions options, SmtlSolution warmStart,
                                      HeuristicListener listener) {
        Deadline deadline = new Deadline(options.timeLimitSeconds(), options.stopRequest());
        return new FitRunner(problem, options, deadline, new Progress(listener, deadline)).run(warmStart);
    }

    /**
     * Fits a sequence of problems on the same features in the given order, each warm-started from the previous
     * solution (a regularization path over s or the penalty weights). The time limit applies to the whole
     * path: the problem running when it expires is returned with {@link HeuristicResult.StopReason#TIME_LIMIT}
     * (its best feasible point so far) and the problems after it are omitted, so the list may be shorter than
     * {@code problems}; it always holds at least the first problem's result.
     */
    public static List<HeuristicResult> path(List<SmtlProblem> problems, HeuristicOptions options, HeuristicListener listener) {
        Deadline deadline = new Deadline(options.timeLimitSeconds(), options.stopRequest());
        Progress progress = new Progress(listener, deadline);
        List<HeuristicResult> out = new ArrayList<>();
        SmtlSolution previous = null;
        for (int i = 0; i < problems.size(); i++) {
            if (i > 0 && deadline.expired()) break;
            SmtlProblem problem = problems.get(i);
            if (previous != null && previous.featureCount() != problem.featureCount()) {
                throw new IllegalArgumentException("path problem " + i + " has " + problem.featureCount()
                        + " features, the previous one " + previous.featureCount() + "; a path must keep the features");
            }
            progress.startProblem();
            HeuristicResult r = new FitRunner(problem, options, deadline, progress).run(previous);
            progress.force("path " + (i + 1) + "/" + problems.size(), r.iterations(), r.objective());
            out.add(r);
            previous = r.solution();
            if (r.stop() == HeuristicResult.StopReason.TIME_LIMIT || r.stop() == HeuristicResult.StopReason.INTERRUPTED) break;
        }
        return out;
    }

    /**
     * The projection of a warm start used by {@link #fit}: per task the s largest |beta_kj| (or the s rows with
     * the largest sum_k beta_kj^2 under common support), coefficients kept, intercepts recomputed.
     */
    public static SmtlSolution project(SmtlProblem problem, SmtlSolution warmStart) {
        return FitRunner.projectWarmStart(problem, warmStart);
    }
}
