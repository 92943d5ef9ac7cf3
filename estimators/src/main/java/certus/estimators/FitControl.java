package certus.estimators;

import certus.solver.CancellationToken;

import java.util.Objects;

/**
 * When an iterative fit (dual encoder, TenMTL) must stop early: a wall-clock deadline and a cancellation token (Ctrl-C, a service
 * request). Both are polled once per epoch or sweep (tens of milliseconds on PDX-sized data), and the fit returns
 * its best state so far with the limit that stopped it.
 *
 * @param deadlineNanos {@link System#nanoTime()} after which the fit stops; {@link Long#MAX_VALUE} for none
 * @param token         cancelled by someone else to stop the fit
 */
public record FitControl(long deadlineNanos, CancellationToken token) {
    public FitControl {
        Objects.requireNonNull(token, "token");
    }

    /** No limit: the fit runs to its own stopping rule. */
    public static FitControl none() {
        return new FitControl(Long.MAX_VALUE, CancellationToken.none());
    }

    /** Stops {@code seconds} from now (or never, for null), or when {@code token} is cancelled. */
    public static FitControl of(Double seconds, CancellationToken token) {
        if (seconds == null) return new FitControl(Long.MAX_VALUE, token);
        if (!(seconds > 0) || !Double.isFinite(seconds)) throw new IllegalArgumentException("time limit must be > 0 seconds, got " + seconds);
        long now = System.nanoTime();
        long span = (long) Math.min(seconds * 1e9, (double) (Long.MAX_VALUE / 2));
        return new FitControl(now + span, token);
    }

    /** Which limit has been hit, if any: INTERRUPTED before TIME. */
    public certus.estimators.Termination.Limit hit() {
        if (token.isCancelled()) return certus.estimators.Termination.Limit.INTERRUPTED;
        if (deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos >= 0) return certus.estimators.Termination.Limit.TIME;
        return certus.estimators.Termination.Limit.NONE;
    }
}
