package certus.estimators.exact;

import certus.formulations.cert.Certificate;
import certus.solver.SolveListener;

import java.util.function.Consumer;
import java.util.function.DoubleFunction;

/**
 * Turns an exact solve's progress into snapshot certificates: one when the solve starts, then one whenever the proven
 * bound has improved and {@link #INTERVAL_NANOS} has passed since the last. Forwards every event to the caller's own
 * listener. Snapshots are built on the solver's thread; they are cheap (one objective evaluation and the
 * certificate's re-checks), and throttled.
 */
final class Checkpoints implements SolveListener {
    /** At most one snapshot per this many nanoseconds (2 s). */
    static final long INTERVAL_NANOS = 2_000_000_000L;

    private final Consumer<Certificate> sink;
    private final DoubleFunction<Certificate> snapshot;
    private final SolveListener forward;
    private double lastBound = Double.NEGATIVE_INFINITY;
    private long lastNanos;

    Checkpoints(Consumer<Certificate> sink, DoubleFunction<Certificate> snapshot, SolveListener forward) {
        this.sink = sink;
        this.snapshot = snapshot;
        this.forward = forward;
    }

    /** Takes a snapshot with {@code bound} now. */
    void take(double bound) {
        lastBound = Math.max(lastBound, bound);
        lastNanos = System.nanoTime();
        sink.accept(snapshot.apply(lastBound));
    }

    @Override
    public void onProgress(SolveProgress event) {
        forward.onProgress(event);
        if (event.bound() > lastBound && System.nanoTime() - lastNanos >= INTERVAL_NANOS) take(event.bound());
    }

    @Override
    public void onLog(String line) {
        forward.onLog(line);
    }
}
