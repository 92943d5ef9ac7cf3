package certus.solver;

import java.util.Objects;

/**
 * Why a solve stopped — one of the two axes of a result (the other is {@link PrimalStatus}), as in
 * MathOptInterface and OR-Tools MathOpt. The record enforces the combinations that make sense: OPTIMAL has no
 * limit; FEASIBLE and NO_SOLUTION_FOUND always name the limit that stopped the solve.
 */
public record Termination(Reason reason, Limit limit, String detail) {
    public enum Reason {
        /** Proven optimal within the requested gap. */
        OPTIMAL,
        INFEASIBLE,
        UNBOUNDED,
        INFEASIBLE_OR_UNBOUNDED,
        /** A limit was hit with an incumbent in hand. */
        FEASIBLE,
        /** A limit was hit without any incumbent. */
        NO_SOLUTION_FOUND,
        NUMERICAL_ERROR,
        /** The backend rejected the model. */
        INVALID_MODEL,
        /** Anything else, including every native status we do not recognize (never mapped to OPTIMAL). */
        OTHER_ERROR
    }

    public enum Limit { NONE, TIME, NODE, SOLUTION, ITERATION, MEMORY, INTERRUPTED, OTHER }

    public Termination {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(limit, "limit");
        detail = detail == null ? "" : detail;
        if (reason == Reason.OPTIMAL && limit != Limit.NONE) throw new IllegalArgumentException("OPTIMAL cannot carry limit " + limit);
        if ((reason == Reason.FEASIBLE || reason == Reason.NO_SOLUTION_FOUND) && limit == Limit.NONE) {
            throw new IllegalArgumentException(reason + " must name the limit that was hit");
        }
    }

    public static Termination optimal(String detail) {
        return new Termination(Reason.OPTIMAL, Limit.NONE, detail);
    }

    /** A limit stopped the solve; FEASIBLE if an incumbent exists, otherwise NO_SOLUTION_FOUND. */
    public static Termination limit(Limit limit, boolean haveIncumbent, String detail) {
        return new Termination(haveIncumbent ? Reason.FEASIBLE : Reason.NO_SOLUTION_FOUND, limit, detail);
    }

    public static Termination error(Reason reason, String detail) {
        return new Termination(reason, Limit.NONE, detail);
    }
}
