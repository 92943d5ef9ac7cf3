package certus.formulations.bnb;

import certus.formulations.ExactMethod;
import certus.formulations.ExactResult;
import certus.formulations.MKind;
import certus.smtl.ObjectiveEvaluator;
import certus.smtl.SmtlProblem;
import certus.smtl.SmtlSolution;
import certus.smtl.SupportRefitter;
import certus.solver.SolveListener;
import certus.solver.SolveResult;
import certus.solver.Termination;

/**
 * Turns a finished search into an {@link ExactResult}: the incumbent support refitted and valued by the
 * ObjectiveEvaluator, which must agree with the value the search pruned against; if not, no bound is claimed.
 */
final class BranchAndBoundResult {
    /** Relative disagreement between the search's value and the evaluator's beyond which the run is a numerical failure. */
    static final double VALUE_AGREEMENT = 1e-8;

    private BranchAndBoundResult() {}

    static ExactResult of(SmtlProblem problem, boolean[][] supports, double searchValue, BestFirstSearch.Outcome outcome,
                          double seconds, long iterations, SolveListener listener) {
        SmtlSolution sol = SupportRefitter.refit(problem, supports);
        double objective = ObjectiveEvaluator.value(problem, sol);
        String engine = SupportBranchAndBound.ENGINE;
        String version = SupportBranchAndBound.VERSION;
        if (Math.abs(objective - searchValue) > VALUE_AGREEMENT * (1 + Math.abs(searchValue))) {
            Termination t = Termination.error(Termination.Reason.NUMERICAL_ERROR, "branch-and-bound value " + searchValue
                    + " of its incumbent disagrees with the objective " + objective + "; no bound is claimed");
            return new ExactResult(sol, objective, Double.NEGATIVE_INFINITY, t, ExactMethod.BNB, engine, version, MKind.NONE,
                    Double.NaN, 0, seconds, outcome.nodes(), 1, 0);
        }
        double bound = Math.min(outcome.bound(), objective);
        listener.onLog("branch and bound " + outcome.termination().reason() + " after " + outcome.nodes() + " nodes, " + iterations
                + " relaxation iterations: UB " + objective + ", LB " + bound + ", gap " + SolveResult.relativeGap(objective, bound));
        return new ExactResult(sol, objective, bound, outcome.termination(), ExactMethod.BNB, engine, version, MKind.NONE, Double.NaN, 0,
                seconds, outcome.nodes(), 1, 0);
    }
}
