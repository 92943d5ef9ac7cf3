package certus.solver;

import java.util.Map;

/**
 * Typed common parameters (after OR-Tools MathOpt) plus one backend-specific escape hatch. Precedence: the
 * typed fields are applied first, then {@code backendOptions} (raw key/value strings in the backend's own
 * syntax, e.g. SCIP's {@code "limits/nodes" -> "1000"}), so an explicit backend option wins.
 *
 * @param timeLimitSeconds wall-clock limit, may be infinite
 * @param relativeGap      stop when (primal - bound)/max(|primal|, 1e-12) &lt;= this
 * @param absoluteGap      or when primal - bound &lt;= this
 * @param threads          worker threads the backend may use (&gt;= 1)
 * @param seed             random seed, for reproducible runs
 * @param backendOptions   raw backend parameters, applied last
 */
public record SolveParameters(double timeLimitSeconds, double relativeGap, double absoluteGap, int threads, long seed,
                              Map<String, String> backendOptions) {
    public SolveParameters {
        if (!(timeLimitSeconds > 0)) throw new IllegalArgumentException("time limit must be > 0 seconds, got " + timeLimitSeconds);
        if (!(relativeGap >= 0)) throw new IllegalArgumentException("relative gap must be >= 0, got " + relativeGap);
        if (!(absoluteGap >= 0)) throw new IllegalArgumentException("absolute gap must be >= 0, got " + absoluteGap);
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        backendOptions = Map.copyOf(backendOptions);
    }

    /** No time limit, relative gap 1e-4 (the default), absolute gap 1e-9, one thread, seed 0. */
    public static SolveParameters defaults() {
        return new SolveParameters(Double.POSITIVE_INFINITY, 1e-4, 1e-9, 1, 0L, Map.of());
    }

    public SolveParameters withTimeLimitSeconds(double s) {
        return new SolveParameters(s, relativeGap, absoluteGap, threads, seed, backendOptions);
    }

    public SolveParameters withRelativeGap(double g) {
        return new SolveParameters(timeLimitSeconds, g, absoluteGap, threads, seed, backendOptions);
    }

    public SolveParameters withThreads(int t) {
        return new SolveParameters(timeLimitSeconds, relativeGap, absoluteGap, t, seed, backendOptions);
    }

    public SolveParameters withBackendOptions(Map<String, String> options) {
        return new SolveParameters(timeLimitSeconds, relativeGap, absoluteGap, threads, seed, options);
    }
}
