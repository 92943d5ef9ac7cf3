package certus.solver.gurobi;

import certus.solver.Termination;
import certus.solver.Termination.Limit;
import certus.solver.Termination.Reason;

/**
 * Gurobi's {@code GRB.Status} codes to our termination. Written over the int codes (values from the Gurobi 12
 * reference, checked against {@code GRB$Status} in gurobi-12.0.3.jar) so it loads and is tested without Gurobi.
 * OPTIMAL only for code 2; every unknown code is OTHER_ERROR.
 */
final class GurobiStatus {
    static final int LOADED = 1, OPTIMAL = 2, INFEASIBLE = 3, INF_OR_UNBD = 4, UNBOUNDED = 5, CUTOFF = 6,
            ITERATION_LIMIT = 7, NODE_LIMIT = 8, TIME_LIMIT = 9, SOLUTION_LIMIT = 10, INTERRUPTED = 11, NUMERIC = 12,
            SUBOPTIMAL = 13, INPROGRESS = 14, USER_OBJ_LIMIT = 15, WORK_LIMIT = 16, MEM_LIMIT = 17;

    private GurobiStatus() {}

    /** @param haveIncumbent Gurobi's SolCount &gt; 0 */
    static Termination map(int status, boolean haveIncumbent) {
        String d = "Gurobi status " + status;
        return switch (status) {
            case OPTIMAL -> haveIncumbent ? Termination.optimal(d) : Termination.error(Reason.OTHER_ERROR, d + " without a solution");
            case INFEASIBLE -> Termination.error(Reason.INFEASIBLE, d);
            case INF_OR_UNBD -> Termination.error(Reason.INFEASIBLE_OR_UNBOUNDED, d);
            case UNBOUNDED -> Termination.error(Reason.UNBOUNDED, d);
            case TIME_LIMIT -> Termination.limit(Limit.TIME, haveIncumbent, d);
            case NODE_LIMIT -> Termination.limit(Limit.NODE, haveIncumbent, d);
            case ITERATION_LIMIT -> Termination.limit(Limit.ITERATION, haveIncumbent, d);
            case SOLUTION_LIMIT -> Termination.limit(Limit.SOLUTION, haveIncumbent, d);
            case INTERRUPTED -> Termination.limit(Limit.INTERRUPTED, haveIncumbent, d);
            case MEM_LIMIT -> Termination.limit(Limit.MEMORY, haveIncumbent, d);
            case CUTOFF, USER_OBJ_LIMIT, WORK_LIMIT -> Termination.limit(Limit.OTHER, haveIncumbent, d);
            case NUMERIC -> Termination.error(Reason.NUMERICAL_ERROR, d);
            // SUBOPTIMAL (13): Gurobi gave up on optimality; LOADED/INPROGRESS are not final: never OPTIMAL.
            default -> Termination.error(Reason.OTHER_ERROR, d + (status == SUBOPTIMAL ? " (suboptimal)" : " (unrecognized)"));
        };
    }
}
