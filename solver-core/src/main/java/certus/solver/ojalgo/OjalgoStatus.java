package certus.solver.ojalgo;

import certus.solver.Termination;
import certus.solver.Termination.Limit;
import certus.solver.Termination.Reason;
import org.ojalgo.optimisation.Optimisation.State;

/**
 * The explicit, unit-tested map from ojAlgo's {@link State} to our two axes. A pure function of the state, whether
 * the returned point passed our own feasibility check, and how the solve stopped, so every row is testable
 * without running ojAlgo.
 *
 * <table>
 *   <caption>ojAlgo state to termination (point = returned point passes {@code Model.maxViolation})</caption>
 *   <tr><th>State</th><th>Termination</th><th>Point kept</th></tr>
 *   <tr><td>OPTIMAL, DISTINCT + point</td><td>OPTIMAL</td><td>yes</td></tr>
 *   <tr><td>OPTIMAL, DISTINCT, no point</td><td>NUMERICAL_ERROR (claimed optimal, point infeasible)</td><td>no</td></tr>
 *   <tr><td>FEASIBLE, APPROXIMATE</td><td>FEASIBLE (point) / NO_SOLUTION_FOUND, limit INTERRUPTED if cancelled,
 *       else TIME if the time limit elapsed, else OTHER</td><td>if feasible</td></tr>
 *   <tr><td>INFEASIBLE</td><td>INFEASIBLE if every variable is bounded, else INFEASIBLE_OR_UNBOUNDED; NO_SOLUTION_FOUND
 *       with the limit when cancelled / out of time</td><td>no</td></tr>
 *   <tr><td>UNBOUNDED</td><td>UNBOUNDED</td><td>no</td></tr>
 *   <tr><td>INVALID</td><td>INVALID_MODEL</td><td>no</td></tr>
 *   <tr><td>FAILED</td><td>NO_SOLUTION_FOUND + INTERRUPTED / TIME when cancelled / out of time, else OTHER_ERROR</td><td>no</td></tr>
 *   <tr><td>VALID, UNEXPLORED, null, anything new</td><td>OTHER_ERROR</td><td>no</td></tr>
 * </table>
 *
 * <p>Why FEASIBLE is never OPTIMAL: ojAlgo's IntegerSolver returns FEASIBLE exactly when its search stopped
 * abnormally (time or iteration abort, interruption, a failed node) while holding an incumbent, and OPTIMAL only
 * after a normal exit, i.e. every open node was pruned within the gap tolerance. Why FAILED can be a limit: the
 * same solver returns FAILED for an abnormal stop without an incumbent, which is what a time limit hit before
 * the first integer solution looks like. Why INFEASIBLE is distrusted under a limit: an aborted search proves
 * nothing, and we would rather say "no solution found" than claim infeasibility. Why INFEASIBLE can mean
 * unbounded: ojAlgo's own docs say so, and its IntegerSolver returns INFEASIBLE for an unbounded MIP (tested);
 * only a model whose variables are all bounded cannot be unbounded.
 */
final class OjalgoStatus {
    private OjalgoStatus() {}

    /** How the solve stopped, as seen from outside ojAlgo. */
    record Stop(boolean cancelled, boolean timeLimitReached) {
        Limit limit() {
            return cancelled ? Limit.INTERRUPTED : timeLimitReached ? Limit.TIME : Limit.OTHER;
        }

        boolean anyLimit() {
            return cancelled || timeLimitReached;
        }
    }

    /** A termination and whether the backend's point may be reported. */
    record Outcome(Termination termination, boolean keepPoint) {}

    /**
     * @param feasiblePoint  ojAlgo's point passed our feasibility check
     * @param stop           whether a cancel or the time limit stopped the solve
     * @param boundedDomain  every variable has finite bounds, so the model cannot be unbounded
     */
    static Outcome map(State state, boolean feasiblePoint, Stop stop, boolean boundedDomain) {
        String name = state == null ? "null" : state.name();
        String detail = "ojAlgo state " + name;
        if (state == null) return error(Reason.OTHER_ERROR, detail + " (no state returned)");
        switch (state) {
            case OPTIMAL:
            case DISTINCT:
                if (feasiblePoint) return new Outcome(Termination.optimal(detail), true);
                return error(Reason.NUMERICAL_ERROR, detail + " but its point violates the model beyond tolerance");
            case FEASIBLE:
            case APPROXIMATE:
                return new Outcome(Termination.limit(stop.limit(), feasiblePoint, detail), feasiblePoint);
            case INFEASIBLE:
                if (stop.anyLimit()) return new Outcome(Termination.limit(stop.limit(), false, detail + " after a limit: not a proof"), false);
                if (!boundedDomain) return error(Reason.INFEASIBLE_OR_UNBOUNDED, detail + " (ojAlgo also says so for unbounded MIPs)");
                return error(Reason.INFEASIBLE, detail);
            case UNBOUNDED:
                return error(Reason.UNBOUNDED, detail);
            case INVALID:
                return error(Reason.INVALID_MODEL, detail);
            case FAILED:
                if (stop.anyLimit()) return new Outcome(Termination.limit(stop.limit(), false, detail + " (search stopped without an incumbent)"), false);
                return error(Reason.OTHER_ERROR, detail);
            default: // VALID and UNEXPLORED are not end states of a solve; anything newer is unknown to us.
                return error(Reason.OTHER_ERROR, detail + " (not a final state)");
        }
    }

    private static Outcome error(Reason reason, String detail) {
        return new Outcome(Termination.error(reason, detail), false);
    }
}
