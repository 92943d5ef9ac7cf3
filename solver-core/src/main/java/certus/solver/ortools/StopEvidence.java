package certus.solver.ortools;

import certus.solver.Termination.Limit;
import java.util.Locale;
import java.util.Map;

/**
 * What we know about a finished native solve besides its status code. OR-Tools reports a limit stop only as
 * {@code MPSOLVER_FEASIBLE} (or NOT_SOLVED) without saying which limit, so the limit is inferred here: the time
 * limit when the elapsed time reached it, otherwise the kind of limit the raw backend options set (nodes,
 * solutions, memory), otherwise OTHER.
 *
 * @param haveIncumbent    the response carries a point
 * @param timeLimitReached elapsed time reached the requested limit (within {@link #TIME_SLACK})
 * @param otherLimit       the non-time limit that may have stopped the solve
 * @param interrupted      a cancellation reached the running solver (only backends that can deliver one set it)
 */
record StopEvidence(boolean haveIncumbent, boolean timeLimitReached, Limit otherLimit, boolean interrupted) {
    StopEvidence(boolean haveIncumbent, boolean timeLimitReached, Limit otherLimit) {
        this(haveIncumbent, timeLimitReached, otherLimit, false);
    }

    /** Solvers check the clock between nodes and start their own clock after presolve setup: allow 5% early. */
    static final double TIME_SLACK = 0.95;

    static StopEvidence of(boolean haveIncumbent, double elapsedSeconds, double timeLimitSeconds, Map<String, String> options) {
        boolean timeUp = Double.isFinite(timeLimitSeconds) && elapsedSeconds >= TIME_SLACK * timeLimitSeconds;
        return new StopEvidence(haveIncumbent, timeUp, limitFromOptions(options));
    }

    StopEvidence withInterrupted(boolean delivered) {
        return new StopEvidence(haveIncumbent, timeLimitReached, otherLimit, delivered);
    }

    /** The limit the solve was stopped by: a delivered cancellation, then time (the one callers set), then others. */
    Limit stoppingLimit() {
        if (interrupted) return Limit.INTERRUPTED;
        return timeLimitReached ? Limit.TIME : otherLimit;
    }

    static Limit limitFromOptions(Map<String, String> options) {
        for (String key : options.keySet()) {
            String k = key.toLowerCase(Locale.ROOT);
            if (k.contains("node")) return Limit.NODE;
            if (k.contains("sol")) return Limit.SOLUTION;
            if (k.contains("mem")) return Limit.MEMORY;
            if (k.contains("iter")) return Limit.ITERATION;
        }
        return Limit.OTHER;
    }
}
