package certus.solver;

/** Progress from a running solve: incumbent, bound and gap lines, and the backend's own log when asked. */
public interface SolveListener {
    SolveListener NONE = new SolveListener() { };

    /** @param event a snapshot; called at most a few times per second */
    default void onProgress(SolveProgress event) { }

    /** One line of the backend's log. */
    default void onLog(String line) { }

    /**
     * @param seconds   elapsed wall-clock seconds
     * @param incumbent best objective found so far (+Infinity when none)
     * @param bound     best proven lower bound (-Infinity when none)
     * @param nodes     branch-and-bound nodes so far (0 when unknown)
     */
    record SolveProgress(double seconds, double incumbent, double bound, long nodes) {
        public double relativeGap() {
            return SolveResult.relativeGap(incumbent, bound);
        }
    }
}
