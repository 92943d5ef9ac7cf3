package certus.estimators;

import certus.data.StandardizedData;
import certus.data.Standardizer;
import certus.heuristics.HeuristicOptions;
import certus.heuristics.HeuristicResult;
import certus.smtl.ObjectiveEvaluator;
import certus.smtl.SmtlProblem;
import certus.smtl.SmtlSolution;

import java.util.List;

/** Turns engine results into {@link SmtlModel}s, so the status rules live in one place. */
final class ModelFactory {
    private ModelFactory() {}

    static String method(HeuristicOptions options) {
        return options.localSearch() ? "heuristic:bcd+local-search" : "heuristic:bcd";
    }

    /**
     * A heuristic result is FEASIBLE at best: it proves nothing, so it never says optimal, and bound and gap stay
     * null. {@code wallSeconds} is the caller's wall-clock measurement (it includes the engine's warm start); the
     * larger of it and the engine's own figure is reported. The objective is recomputed by the ObjectiveEvaluator rather than taken from the engine, and an
     * infeasible point (a bug in the engine) is an error, never reported as a fit.
     */
    static SmtlModel fromHeuristic(SmtlProblem problem, HeuristicResult result, HeuristicOptions options, double wallSeconds) {
        return fromHeuristic(problem, result, options, wallSeconds, null);
    }

    /**
     * As above for a problem fitted on standardized data ({@code scaling} null when the data were used as given):
     * the objective is F of the problem that was solved, the reported solution is mapped back to the raw scale.
     */
    static SmtlModel fromHeuristic(SmtlProblem problem, HeuristicResult result, HeuristicOptions options, double wallSeconds,
                                   StandardizedData scaling) {
        Standardizer mode = scaling == null ? Standardizer.NONE : scaling.mode();
        List<String> features = problem.data().featureNames();
        List<String> tasks = problem.data().taskLabels();
        SmtlParams params = SmtlParams.of(problem);
        if (result == null || result.solution() == null) {
            boolean timedOut = result != null && result.stop() == HeuristicResult.StopReason.TIME_LIMIT;
            Termination t = new Termination(Termination.Reason.NO_SOLUTION_FOUND,
                    timedOut ? Termination.Limit.TIME : Termination.Limit.NONE, "no solution returned");
            return new SmtlModel(FitStatus.NO_SOLUTION, t, null, null, null, Math.max(wallSeconds, result == null ? 0 : result.seconds()),
                    method(options), null, params, mode, features, tasks, null);
        }
        List<String> violations = ObjectiveEvaluator.violations(problem, result.solution());
        if (!violations.isEmpty()) {
            throw new SolverException("the heuristic returned an infeasible point: " + violations.get(0)
                    + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""));
        }
        double objective = ObjectiveEvaluator.value(problem, result.solution());
        SmtlSolution reported = scaling == null ? result.solution() : scaling.toRaw(result.solution());
        return new SmtlModel(FitStatus.FEASIBLE, Termination.of(result.stop()), objective, null, null, Math.max(wallSeconds, result.seconds()),
                method(options), null, params, mode, features, tasks, reported);
    }
}
