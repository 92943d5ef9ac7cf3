package certus.formulations;

import certus.formulations.miqp.MiqpSolver;
import certus.formulations.oa.OuterApproximation;

/**
 * The one place that maps an {@link ExactMethod} to its {@link ExactSolver} implementation. Callers (the
 * certifier, the CLI) never name implementation classes, so adding or swapping an engine is a one-line change
 * here.
 */
public final class ExactMethods {
    private ExactMethods() {}

    public static ExactSolver solverFor(ExactMethod method) {
        return switch (method) {
            case BIGM, PERSPECTIVE -> new MiqpSolver();
            case OA -> new OuterApproximation();
            case BNB -> new certus.formulations.bnb.SupportBranchAndBound();
        };
    }
}
