package certus.heuristics;

/** Progress callback for long fits (CLI prints it to stderr, the service stores it). */
@FunctionalInterface
public interface HeuristicListener {
    HeuristicListener NONE = (stage, iteration, objective, seconds) -> { };

    /**
     * @param stage     short name of the phase ("warm-start", "iht", "local-search", "path 3/10", ...)
     * @param iteration iteration or sweep counter within the stage
     * @param objective best objective of the fitted problem so far; NaN while none exists yet (during the
     *                  warm-start fit, which solves an auxiliary problem)
     * @param seconds   elapsed wall-clock seconds
     */
    void onProgress(String stage, int iteration, double objective, double seconds);
}
