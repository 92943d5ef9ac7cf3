package certus.formulations.cert;

import certus.formulations.ExactMethod;
import certus.formulations.ExactResult;
import certus.formulations.MKind;
import certus.smtl.BruteForceEnumerator;
import certus.smtl.ObjectiveEvaluator;
import certus.smtl.SmtlProblem;
import certus.smtl.SmtlSolution;
import certus.solver.Termination;

/** Scripted ExactResults around the brute-force optimum of a small problem, for status-logic tests. */
final class ScriptedResults {
    private ScriptedResults() {}

    static SmtlSolution optimum(SmtlProblem problem) {
        return BruteForceEnumerator.solve(problem).solution();
    }

    static ExactResult result(SmtlSolution sol, double objective, double bound, Termination t, MKind m) {
        return new ExactResult(sol, objective, bound, t, ExactMethod.OA, "fake", "1.0", m, m == MKind.NONE ? Double.NaN : 3.0, 0,
                0.5, 17, 4, 9);
    }

    static ExactResult optimal(SmtlProblem problem) {
        SmtlSolution sol = optimum(problem);
        double f = ObjectiveEvaluator.value(problem, sol);
        return result(sol, f, f, Termination.optimal("proved"), MKind.NONE);
    }

    static ExactResult timeLimit(SmtlProblem problem) {
        SmtlSolution sol = optimum(problem);
        double f = ObjectiveEvaluator.value(problem, sol);
        return result(sol, f, 0.9 * f, Termination.limit(Termination.Limit.TIME, true, "time"), MKind.NONE);
    }
}
