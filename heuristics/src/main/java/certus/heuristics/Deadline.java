package certus.heuristics;

/**
 * Wall-clock budget shared by every loop of one fit or path, plus the caller's stop request (polled at the same
 * places, so a cancelled fit stops as promptly as a timed-out one). Checked with System.nanoTime, which is monotonic,
 * so a clock change cannot stop or extend a fit.
 */
final class Deadline {
    private final long start = System.nanoTime();
    private final long end;
    private final java.util.function.BooleanSupplier stopRequest;

    Deadline(double seconds) {
        this(seconds, HeuristicOptions.NEVER);
    }

    Deadline(double seconds, java.util.function.BooleanSupplier stopRequest) {
        long budget = Double.isInfinite(seconds) || seconds > 1e9 ? Long.MAX_VALUE / 4 : (long) (seconds * 1e9);
        this.end = start + budget;
        this.stopRequest = stopRequest;
    }

    /** Time is up or a stop was requested. */
    boolean expired() {
        return System.nanoTime() - end >= 0 || stopRequest.getAsBoolean();
    }

    /** A stop was requested (distinguishes INTERRUPTED from TIME_LIMIT). */
    boolean interrupted() {
        return stopRequest.getAsBoolean();
    }

    double elapsedSeconds() {
        return (System.nanoTime() - start) * 1e-9;
    }
}
