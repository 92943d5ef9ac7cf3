package certus.heuristics;

import certus.smtl.ObjectiveEvaluator;
import certus.smtl.RandomInstances;
import certus.smtl.SmtlProblem;
import certus.smtl.Variant;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A stop request ends a fit with a feasible best-so-far point and the stop reason INTERRUPTED. */
class StopRequestTest {
    @Test
    void aRequestBeforeTheStartStillReturnsAFeasiblePointMarkedInterrupted() {
        SmtlProblem problem = RandomInstances.problem(3, 40, 30, 4, 0.05, 0, 0.05, false, 11);
        HeuristicResult r = SmtlHeuristic.fit(problem, HeuristicOptions.defaults().withStopRequest(() -> true), null, HeuristicListener.NONE);
        assertEquals(HeuristicResult.StopReason.INTERRUPTED, r.stop());
        assertTrue(ObjectiveEvaluator.isFeasible(problem, r.solution()));
        assertEquals(ObjectiveEvaluator.value(problem, r.solution()), r.objective(), 1e-12);
    }

    @Test
    void aRequestMidFitStopsItAndNoRequestChangesNothing() {
        SmtlProblem problem = RandomInstances.problem(3, 40, 30, 4, 0.05, 0, 0.05, false, 12);
        HeuristicResult full = SmtlHeuristic.fit(problem, HeuristicOptions.defaults(), null, HeuristicListener.NONE);
        HeuristicResult never = SmtlHeuristic.fit(problem, HeuristicOptions.defaults().withStopRequest(HeuristicOptions.NEVER), null,
                HeuristicListener.NONE);
        assertEquals(full.objective(), never.objective(), 0.0);
        assertEquals(full.stop(), never.stop());

        // the request arrives with the first progress event (the warm start begins): the rest of the fit is skipped
        boolean[] stop = {false};
        HeuristicResult cut = SmtlHeuristic.fit(problem, HeuristicOptions.defaults().withStopRequest(() -> stop[0]), null,
                (stage, iteration, objective, seconds) -> stop[0] = true);
        assertEquals(HeuristicResult.StopReason.INTERRUPTED, cut.stop());
        assertTrue(cut.objective() >= full.objective() - 1e-12 * Math.abs(full.objective()), "a cut fit is never better than the full one here");
        assertTrue(ObjectiveEvaluator.isFeasible(problem, cut.solution()));

        List<HeuristicResult> path = SmtlHeuristic.path(List.of(problem.withS(2), problem.withS(3), problem.withS(4)),
                HeuristicOptions.defaults().withStopRequest(() -> true), HeuristicListener.NONE);
        assertEquals(1, path.size(), "a path stops after the problem that was interrupted");
        assertEquals(HeuristicResult.StopReason.INTERRUPTED, path.get(0).stop());
    }
}
