package certus.heuristics;

import certus.smtl.SmtlSolution;

/**
 * Outcome of one heuristic fit. A heuristic never proves optimality: callers report its solution as
 * "feasible". {@code objective} is always {@link certus.smtl.ObjectiveEvaluator}'s value of {@code solution}.
 *
 * @param solution   best point found (feasible for the problem)
 * @param objective  F(solution) from the ObjectiveEvaluator
 * @param stop       why the search stopped
 * @param iterations gradient iterations used (all starts)
 * @param swaps      accepted local-search moves
 * @param seconds    wall-clock time
 */
public record HeuristicResult(SmtlSolution solution, double objective, StopReason stop, int iterations, int swaps,
                              double seconds) {
    /** Why a heuristic stopped. Only CONVERGED means it ran to its own stopping rule. */
    public enum StopReason {
        /** Reached a local optimum of the swap neighbourhood (or converged IHT without local search). */
        CONVERGED,
        /** Iteration cap hit before convergence. */
        ITERATION_LIMIT,
        /** Time limit hit; the best solution so far is returned. */
        TIME_LIMIT,
        /** Cancelled by the caller; the best solution so far is returned. */
        INTERRUPTED
    }
}
