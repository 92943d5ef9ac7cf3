package certus.heuristics;

/**
 * Throttles listener calls to a few per second: the heuristic's loops are far faster than any consumer (CLI
 * line, service poll), and calling back on every iteration would cost more than the iteration itself.
 *
 * <p>Solvers report the objective of their current iterate; the listener is promised the best objective of the
 * problem being fitted, so this class keeps the running minimum. The warm-start fit works on an auxiliary
 * problem (3s features, no sharing penalties) whose values are not comparable: it reports through
 * {@link #auxiliary}, which passes NaN ("no objective of this problem yet") instead.
 */
final class Progress {
    private static final long MIN_INTERVAL_NANOS = 250_000_000L;

    private final HeuristicListener listener;
    private final Deadline deadline;
    private final String auxiliaryStage;
    private long last = Long.MIN_VALUE;
    private double best = Double.NaN;

    Progress(HeuristicListener listener, Deadline deadline) {
        this(listener, deadline, null);
    }

    private Progress(HeuristicListener listener, Deadline deadline, String auxiliaryStage) {
        this.listener = listener == null ? HeuristicListener.NONE : listener;
        this.deadline = deadline;
        this.auxiliaryStage = auxiliaryStage;
    }

    /** Forget the best value: the next reports belong to another problem (the next point of a path). */
    void startProblem() {
        best = Double.NaN;
    }

    /** A reporter for work on an auxiliary problem: every report is labelled {@code stage} with objective NaN. */
    Progress auxiliary(String stage) {
        return new Progress(listener, deadline, stage);
    }

    void report(String stage, int iteration, double objective) {
        record(objective);
        long now = System.nanoTime();
        if (last != Long.MIN_VALUE && now - last < MIN_INTERVAL_NANOS) return;
        last = now;
        emit(stage, iteration);
    }

    /** Unthrottled, for stage ends (e.g. every path point). */
    void force(String stage, int iteration, double objective) {
        record(objective);
        last = System.nanoTime();
        emit(stage, iteration);
    }

    private void record(double objective) {
        if (auxiliaryStage == null && !Double.isNaN(objective) && !(objective >= best)) best = objective;
    }

    private void emit(String stage, int iteration) {
        listener.onProgress(auxiliaryStage == null ? stage : auxiliaryStage, iteration, best, deadline.elapsedSeconds());
    }

    Deadline deadline() {
        return deadline;
    }
}
