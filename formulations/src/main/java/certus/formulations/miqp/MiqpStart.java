package certus.formulations.miqp;

import certus.smtl.ObjectiveEvaluator;
import certus.smtl.SmtlProblem;
import certus.smtl.SmtlSolution;
import certus.smtl.SupportRefitter;

/**
 * What every Big-M/perspective model starts from: the centered tasks, the starting point (the warm start, or the
 * empty support's exact refit) and its objective, which the ridge rule for M uses as the upper bound. One place, so
 * that {@code certus export} writes exactly the model (and M) that {@link MiqpSolver} solves.
 */
record MiqpStart(CenteredTask[] tasks, SmtlSolution point, double value) {

    static MiqpStart of(SmtlProblem problem, SmtlSolution warmStart) {
        CenteredTask[] tasks = new CenteredTask[problem.taskCount()];
        for (int k = 0; k < tasks.length; k++) tasks[k] = CenteredTask.of(problem.data().task(k));
        SmtlSolution point = warmStart != null ? warmStart
                : SupportRefitter.refit(problem, new boolean[problem.taskCount()][problem.featureCount()]);
        return new MiqpStart(tasks, point, ObjectiveEvaluator.value(problem, point));
    }

    /** The M the start proves (ridge &gt; 0) or suggests (ridge = 0): {@link CoefficientBounds#choose}. */
    CoefficientBounds bounds(SmtlProblem problem) {
        return CoefficientBounds.choose(problem, tasks, value, point);
    }
}
