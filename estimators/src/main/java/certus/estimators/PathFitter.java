package certus.estimators;

import certus.heuristics.HeuristicListener;
import certus.heuristics.HeuristicOptions;
import certus.heuristics.HeuristicResult;
import certus.heuristics.SmtlHeuristic;
import certus.smtl.SmtlProblem;

import java.util.List;

/**
 * The engine behind {@link Smtl} and cross-validation: fits problems on one data set in order, each
 * warm-started from the previous one. Production code uses {@link #heuristic()}; the seam exists so the exact
 * engine can slot in later and so plumbing tests can run with a tiny oracle instead of the real heuristic.
 */
@FunctionalInterface
public interface PathFitter {
    List<HeuristicResult> fitPath(List<SmtlProblem> problems, HeuristicOptions options, HeuristicListener listener);

    /** The sMTL heuristic ({@link SmtlHeuristic#path}). */
    static PathFitter heuristic() {
        return SmtlHeuristic::path;
    }
}
