package certus.solver;

import java.util.ArrayList;
import java.util.List;

/**
 * Cooperative cancellation across threads: a caller cancels, a running solve notices (by polling
 * {@link #isCancelled} or through a registered callback, e.g. SCIP's interrupt) and returns its incumbent with
 * limit INTERRUPTED. Thread-safe; cancelling twice is harmless; a callback registered after cancellation runs at
 * once.
 */
public final class CancellationToken {
    private static final CancellationToken NONE = new CancellationToken(false);

    private final List<Runnable> callbacks = new ArrayList<>();
    private final boolean cancellable;
    private volatile boolean cancelled;

    public CancellationToken() {
        this(true);
    }

    private CancellationToken(boolean cancellable) {
        this.cancellable = cancellable;
    }

    /** The shared token nobody can cancel: solvers may skip the machinery that cancellation needs. */
    public static CancellationToken none() {
        return NONE;
    }

    /** False only for {@link #none()}. */
    public boolean canBeCancelled() {
        return cancellable;
    }

    /** @throws IllegalStateException on {@link #none()}, which is shared */
    public void cancel() {
        if (!cancellable) throw new IllegalStateException("CancellationToken.none() cannot be cancelled; create a new CancellationToken()");
        List<Runnable> toRun;
        synchronized (callbacks) {
            if (cancelled) return;
            cancelled = true;
            toRun = List.copyOf(callbacks);
        }
        toRun.forEach(Runnable::run);
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * Runs {@code callback} on cancellation (at once if already cancelled). Close the returned registration when the
     * work it guards has ended, so long-lived tokens do not collect callbacks.
     */
    public Registration onCancel(Runnable callback) {
        if (!cancellable) return () -> { };
        synchronized (callbacks) {
            if (!cancelled) {
                callbacks.add(callback);
                return () -> {
                    synchronized (callbacks) {
                        callbacks.remove(callback);
                    }
                };
            }
        }
        callback.run();
        return () -> { };
    }

    /** A callback registration; closing it twice is harmless. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
