package certus.estimators;

import certus.heuristics.HeuristicResult;

import java.util.Locale;
import java.util.Objects;

/**
 * Why a fit stopped, kept apart from {@link FitStatus} (what it holds), as design.md asks: a time limit with an
 * incumbent is {@code (FEASIBLE, TIME)}, a heuristic that ran to its own rule is {@code (CONVERGED, NONE)}.
 *
 * @param reason why it stopped
 * @param limit  which limit stopped it, {@link Limit#NONE} when none did
 * @param detail free text for humans (may be empty, never null)
 */
public record Termination(Reason reason, Limit limit, String detail) {
    public Termination {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(limit, "limit");
        detail = detail == null ? "" : detail;
    }

    /** Reasons of design.md plus CONVERGED for heuristics, which stop by their own rule but prove nothing. */
    public enum Reason {
        OPTIMAL, INFEASIBLE, UNBOUNDED, INFEASIBLE_OR_UNBOUNDED, FEASIBLE, NO_SOLUTION_FOUND, CONVERGED, NUMERICAL_ERROR, INVALID_MODEL,
        OTHER_ERROR;

        public String jsonName() { return name().toLowerCase(Locale.ROOT); }
    }

    /** The limit that ended a solve early. */
    public enum Limit {
        NONE, TIME, ITERATIONS, NODE, INTERRUPTED, SOLUTION, MEMORY, OTHER;

        /** JSON spelling; NONE is written as null. */
        public String jsonName() { return this == NONE ? null : name().toLowerCase(Locale.ROOT); }
    }

    /** Maps a heuristic stop reason: converged, or a limit hit with an incumbent (reason FEASIBLE). */
    public static Termination of(HeuristicResult.StopReason stop) {
        return switch (stop) {
            case CONVERGED -> new Termination(Reason.CONVERGED, Limit.NONE, "heuristic stopping rule met");
            case ITERATION_LIMIT -> new Termination(Reason.FEASIBLE, Limit.ITERATIONS, "iteration cap hit");
            case TIME_LIMIT -> new Termination(Reason.FEASIBLE, Limit.TIME, "time limit hit");
            case INTERRUPTED -> new Termination(Reason.FEASIBLE, Limit.INTERRUPTED, "interrupted");
        };
    }

    /**
     * An exact solve's termination (solver-core's axis) in these terms: reasons by name (CONVERGED never comes
     * from a solver), solver-core's ITERATION limit as ITERATIONS. {@link #toSolver} is the inverse.
     */
    public static Termination of(certus.solver.Termination t) {
        Limit limit = t.limit() == certus.solver.Termination.Limit.ITERATION ? Limit.ITERATIONS : Limit.valueOf(t.limit().name());
        return new Termination(Reason.valueOf(t.reason().name()), limit, t.detail());
    }

    /** Inverse of {@link #of(certus.solver.Termination)}; throws IllegalArgumentException for CONVERGED and invalid pairs. */
    public certus.solver.Termination toSolver() {
        if (reason == Reason.CONVERGED) throw new IllegalArgumentException("reason 'converged' is a heuristic's, not an exact solve's");
        var l = limit == Limit.ITERATIONS ? certus.solver.Termination.Limit.ITERATION : certus.solver.Termination.Limit.valueOf(limit.name());
        return new certus.solver.Termination(certus.solver.Termination.Reason.valueOf(reason.name()), l, detail);
    }

    public static Reason reasonFromJson(String text) {
        for (Reason r : Reason.values()) if (r.jsonName().equals(text)) return r;
        return null;
    }

    public static Limit limitFromJson(String text) {
        if (text == null) return Limit.NONE;
        for (Limit l : Limit.values()) if (text.equals(l.jsonName())) return l;
        return null;
    }
}
