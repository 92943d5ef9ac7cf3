package certus.solver;

import java.util.Set;

/**
 * A MIP backend, found with {@link java.util.ServiceLoader} (list implementations in
 * {@code META-INF/services/certus.solver.SolverBackend}). Implementations must be cheap to construct (no native
 * loading in the constructor: do it lazily, and report failures through {@link #availability()}), thread-safe for
 * concurrent {@code solve} calls on different models, and must:
 * <ul>
 *   <li>reject a model needing a capability they lack with a {@link ModelException} before solving
 *       ({@link Backends#checkCapabilities} does it);</li>
 *   <li>map every native status code explicitly, unknown codes to OTHER_ERROR, never to OPTIMAL;</li>
 *   <li>report OPTIMAL only when the native solver proved optimality within the requested gap, and a limit
 *       (TIME, NODE, INTERRUPTED, ...) whenever one stopped the solve;</li>
 *   <li>never throw for a solver failure during solve: return a result whose termination says what happened.</li>
 * </ul>
 */
public interface SolverBackend {
    /** Short lowercase name used on the command line, e.g. "scip", "cbc", "ojalgo". */
    String name();

    /** Version of the underlying solver library. */
    String version();

    Set<Capability> capabilities();

    Availability availability();

    SolveResult solve(Model model, SolveParameters parameters, SolveListener listener, CancellationToken cancellation);

    default boolean supports(Set<Capability> needed) {
        return capabilities().containsAll(needed);
    }
}
