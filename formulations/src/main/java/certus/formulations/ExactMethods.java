package certus.formulations;

import certus.solver.SolverUnavailableException;

/**
 * The one place that maps an {@link ExactMethod} to its {@link ExactSolver} implementation. Callers (the
 * certifier, the CLI) never name implementation classes, so adding or swapping an engine is a one-line change
 * here. Engines that are not in this build yet throw {@link SolverUnavailableException} with a hint.
 */
public final class ExactMethods {
    private ExactMethods() {}

    public static ExactSolver solverFor(ExactMethod method) {
        switch (method) {
            // Filled at merge: BIGM and PERSPECTIVE by the Big-M/perspective MIQP engine, OA by the outer-approximation engine.
            case BIGM, PERSPECTIVE, OA:
            default:
                throw notYet(method);
        }
    }

    private static SolverUnavailableException notYet(ExactMethod method) {
        return new SolverUnavailableException("exact method " + method.cliName() + " is not available in this build yet. "
                + "Maybe use 'certus fit' for a heuristic solution, or another --method.");
    }
}
