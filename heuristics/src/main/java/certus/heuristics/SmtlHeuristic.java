package certus.heuristics;

import certus.smtl.SmtlProblem;
import certus.smtl.SmtlSolution;

import java.util.List;

/**
 * Entry point of the sMTL heuristics (API placeholder: the implementation lands with the heuristics work of
 * issue 3; callers may already code against these signatures).
 */
public final class SmtlHeuristic {
    private SmtlHeuristic() {}

    /**
     * Fits one problem. {@code warmStart} may be null (then the spec's 3s warm-start fit is used).
     * Deterministic for a given {@link HeuristicOptions#seed()}.
     */
    public static HeuristicResult fit(SmtlProblem problem, HeuristicOptions options, SmtlSolution warmStart,
                                      HeuristicListener listener) {
        throw new UnsupportedOperationException("heuristics not implemented yet");
    }

    /**
     * Fits a sequence of problems on the same data in the given order, each warm-started from the previous
     * solution (a regularization path over s or the penalty weights). The time limit applies to the whole path.
     */
    public static List<HeuristicResult> path(List<SmtlProblem> problems, HeuristicOptions options, HeuristicListener listener) {
        throw new UnsupportedOperationException("heuristics not implemented yet");
    }
}
