package certus.solver.ortools;

import certus.solver.Termination;
import certus.solver.Termination.Limit;
import certus.solver.Termination.Reason;
import com.google.ortools.linearsolver.MPSolverResponseStatus;
import java.util.Locale;

/**
 * The explicit native-status tables, one per backend, keyed by the raw {@code MPSolverResponseStatus} number so
 * that a code this OR-Tools build does not know (a newer native library) still has a row: OTHER_ERROR, never
 * OPTIMAL. Each table is unit-tested code by code.
 *
 * <p>Common rows: OPTIMAL means proven within the requested gap (SCIP's gap limit and CBC's relative-gap stop
 * both report it); FEASIBLE means some limit stopped the solve with an incumbent, never optimal;
 * NOT_SOLVED is a limit without incumbent when a limit was reached, an error otherwise; invalid models and
 * invalid hints are INVALID_MODEL; bad parameters, unavailable solver types, incompatible options,
 * MODEL_IS_VALID (a validation-only answer) and UNKNOWN are OTHER_ERROR.
 */
final class StatusTables {
    private StatusTables() {}

    static Termination scip(int code, String detail, StopEvidence ev) {
        return common(code, detail, ev);
    }

    static Termination cbc(int code, String detail, StopEvidence ev) {
        return common(code, detail, ev);
    }

    /**
     * HiGHS through OR-Tools differs in two observed ways: an unbounded model comes back as INFEASIBLE with the
     * text "The model may actually be unbounded: HiGHS returned kUnboundedOrInfeasible", and a time limit comes
     * back as UNKNOWN_STATUS ("Warning HiGHS run()") with the incumbent dropped.
     */
    static Termination highs(int code, String detail, StopEvidence ev) {
        if (code == MPSolverResponseStatus.MPSOLVER_UNKNOWN_STATUS_VALUE && ev.timeLimitReached()) {
            return Termination.limit(Limit.TIME, false, "HiGHS stopped at the time limit; OR-Tools returns no incumbent then ("
                    + detail + ")");
        }
        return common(code, detail, ev);
    }

    private static Termination common(int code, String detail, StopEvidence ev) {
        MPSolverResponseStatus status = MPSolverResponseStatus.forNumber(code);
        String text = (status == null ? "native status " + code : status.name()) + (detail.isEmpty() ? "" : ": " + detail);
        if (status == null) return Termination.error(Reason.OTHER_ERROR, "unknown " + text);
        return switch (status) {
            case MPSOLVER_OPTIMAL -> ev.haveIncumbent() ? Termination.optimal(text)
                    : Termination.error(Reason.OTHER_ERROR, "optimal status without a solution, " + text);
            case MPSOLVER_FEASIBLE -> Termination.limit(ev.stoppingLimit(), ev.haveIncumbent(), text);
            case MPSOLVER_INFEASIBLE -> mentionsUnbounded(detail)
                    ? Termination.error(Reason.INFEASIBLE_OR_UNBOUNDED, text) : Termination.error(Reason.INFEASIBLE, text);
            case MPSOLVER_UNBOUNDED -> Termination.error(Reason.UNBOUNDED, text);
            case MPSOLVER_ABNORMAL -> Termination.error(
                    detail.toLowerCase(Locale.ROOT).contains("numeric") ? Reason.NUMERICAL_ERROR : Reason.OTHER_ERROR, text);
            case MPSOLVER_NOT_SOLVED -> ev.interrupted() || ev.timeLimitReached() ? Termination.limit(ev.stoppingLimit(), ev.haveIncumbent(), text)
                    : Termination.error(Reason.OTHER_ERROR, text);
            case MPSOLVER_CANCELLED_BY_USER -> Termination.limit(Limit.INTERRUPTED, ev.haveIncumbent(), text);
            case MPSOLVER_MODEL_INVALID, MPSOLVER_MODEL_INVALID_SOLUTION_HINT -> Termination.error(Reason.INVALID_MODEL, text);
            case MPSOLVER_MODEL_INVALID_SOLVER_PARAMETERS -> Termination.error(Reason.OTHER_ERROR,
                    text + ". Maybe check the backend options' names and values.");
            case MPSOLVER_MODEL_IS_VALID, MPSOLVER_SOLVER_TYPE_UNAVAILABLE, MPSOLVER_INCOMPATIBLE_OPTIONS,
                 MPSOLVER_UNKNOWN_STATUS -> Termination.error(Reason.OTHER_ERROR, text);
        };
    }

    private static boolean mentionsUnbounded(String detail) {
        return detail.toLowerCase(Locale.ROOT).contains("unbounded");
    }
}
