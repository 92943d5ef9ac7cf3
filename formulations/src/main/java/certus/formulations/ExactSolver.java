package certus.formulations;

import certus.smtl.SmtlProblem;
import certus.smtl.SmtlSolution;
import certus.solver.Backends;
import certus.solver.CancellationToken;
import certus.solver.SolveListener;

/**
 * One exact method. Implementations build their model(s), warm start from {@code warmStart} (a feasible point,
 * normally the heuristic's; may be null), solve on the chosen backend, refit the final support exactly and
 * report through the ObjectiveEvaluator. They never report OPTIMAL when a limit stopped the solve.
 */
public interface ExactSolver {
    ExactResult solve(SmtlProblem problem, SmtlSolution warmStart, ExactOptions options, Backends backends,
                      SolveListener listener, CancellationToken cancellation);
}
