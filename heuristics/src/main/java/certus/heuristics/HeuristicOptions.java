package certus.heuristics;

/**
 * Knobs of the sMTL heuristic. Immutable; use {@link #defaults()} and the {@code with...} copies.
 *
 * @param seed                seed for every random choice (restart perturbations); same seed, same result
 * @param timeLimitSeconds    wall-clock budget; when hit, the best solution so far is returned (may be infinite)
 * @param maxIterations       cap on gradient (IHT/BCD) iterations per start
 * @param localSearch         run the swap local search after IHT
 * @param maxLocalSearchSweeps cap on local-search sweeps over the tasks
 * @param restarts            extra starting points tried besides the warm start (0 = warm start only)
 * @param stopRequest         polled with the time limit; true stops the fit with its best point so far and stop reason
 *                            INTERRUPTED (Ctrl-C, a service cancelling a job). A supplier, not solver-core's token:
 *                            the heuristics depend on no solver module.
 */
public record HeuristicOptions(long seed, double timeLimitSeconds, int maxIterations, boolean localSearch,
                               int maxLocalSearchSweeps, int restarts, java.util.function.BooleanSupplier stopRequest) {
    /** Never asks to stop. */
    public static final java.util.function.BooleanSupplier NEVER = () -> false;

    public HeuristicOptions(long seed, double timeLimitSeconds, int maxIterations, boolean localSearch, int maxLocalSearchSweeps, int restarts) {
        this(seed, timeLimitSeconds, maxIterations, localSearch, maxLocalSearchSweeps, restarts, NEVER);
    }

    public HeuristicOptions {
        if (!(timeLimitSeconds > 0)) throw new IllegalArgumentException("time limit must be > 0 seconds, got " + timeLimitSeconds);
        if (maxIterations < 1) throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        if (maxLocalSearchSweeps < 0) throw new IllegalArgumentException("maxLocalSearchSweeps must be >= 0");
        if (restarts < 0) throw new IllegalArgumentException("restarts must be >= 0");
        if (stopRequest == null) throw new IllegalArgumentException("stopRequest must not be null (use HeuristicOptions.NEVER)");
    }

    /**
     * Extra starts by default: marginal correlations, the common-support fit, then seeded perturbations of the
     * best point. Measured on the enumeration acceptance test: 2 left some 2-swap local optima unescaped.
     */
    public static final int DEFAULT_RESTARTS = 6;

    public static HeuristicOptions defaults() {
        return new HeuristicOptions(1L, Double.POSITIVE_INFINITY, 5000, true, 100, DEFAULT_RESTARTS, NEVER);
    }

    public HeuristicOptions withSeed(long newSeed) {
        return new HeuristicOptions(newSeed, timeLimitSeconds, maxIterations, localSearch, maxLocalSearchSweeps, restarts, stopRequest);
    }

    public HeuristicOptions withTimeLimitSeconds(double seconds) {
        return new HeuristicOptions(seed, seconds, maxIterations, localSearch, maxLocalSearchSweeps, restarts, stopRequest);
    }

    public HeuristicOptions withLocalSearch(boolean on) {
        return new HeuristicOptions(seed, timeLimitSeconds, maxIterations, on, maxLocalSearchSweeps, restarts, stopRequest);
    }

    public HeuristicOptions withRestarts(int n) {
        return new HeuristicOptions(seed, timeLimitSeconds, maxIterations, localSearch, maxLocalSearchSweeps, n, stopRequest);
    }

    public HeuristicOptions withStopRequest(java.util.function.BooleanSupplier stop) {
        return new HeuristicOptions(seed, timeLimitSeconds, maxIterations, localSearch, maxLocalSearchSweeps, restarts, stop);
    }

    public HeuristicOptions withMaxIterations(int n) {
        return new HeuristicOptions(seed, timeLimitSeconds, n, localSearch, maxLocalSearchSweeps, restarts, stopRequest);
    }
}
