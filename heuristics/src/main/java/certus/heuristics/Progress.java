package certus.heuristics;

/**
 * Throttles listener calls to a few per second: the heuristic's loops are far faster than any consumer (CLI
 * line, service poll), and calling back on every iteration would cost more than the iteration itself.
 */
final class Progress {
    private static final long MIN_INTERVAL_NANOS = 250_000_000L;

    private final HeuristicListener listener;
    private final Deadline deadline;
    private long last = Long.MIN_VALUE;

    Progress(HeuristicListener listener, Deadline deadline) {
        this.listener = listener == null ? HeuristicListener.NONE : listener;
        this.deadline = deadline;
    }

    void report(String stage, int iteration, double objective) {
        long now = System.nanoTime();
        if (last != Long.MIN_VALUE && now - last < MIN_INTERVAL_NANOS) return;
        last = now;
        listener.onProgress(stage, iteration, objective, deadline.elapsedSeconds());
    }

    /** Unthrottled, for stage ends (e.g. every path point). */
    void force(String stage, int iteration, double objective) {
        last = System.nanoTime();
        listener.onProgress(stage, iteration, objective, deadline.elapsedSeconds());
    }

    Deadline deadline() {
        return deadline;
    }
}
