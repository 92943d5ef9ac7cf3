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
    private final List<Runnable> callbacks = new ArrayList<>();
    private volatile boolean cancelled;

    /** A token nobody cancels. */
    public static CancellationToken none() {
        return new CancellationToken();
    }

    public void cancel() {
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

    public void onCancel(Runnable callback) {
        synchronized (callbacks) {
            if (!cancelled) {
                callbacks.add(callback);
                return;
            }
        }
        callback.run();
    }
}
