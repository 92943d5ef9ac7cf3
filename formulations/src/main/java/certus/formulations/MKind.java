package certus.formulations;

/**
 * How coefficient bounds entered a formulation, which decides whether optimality is unconditional
 * (exact.md §1.1). A certificate always states it.
 */
public enum MKind {
    /** No big-M at all (indicators, perspective cones without big-M rows, OA with perspective cuts). */
    NONE,
    /** M proven from the ridge term or the per-task bound: optimality is unconditional. */
    PROVEN,
    /**
     * A heuristic M that was not binding at the solution. Optimal only among |beta| &lt;= M: never reported as
     * "optimal" (status feasible, {@code optimalityConditional = true}).
     */
    CHECKED
}
