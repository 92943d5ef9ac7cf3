package certus.heuristics;

import certus.smtl.RandomInstances;
import certus.smtl.SmtlProblem;
import certus.smtl.SmtlSolution;
import certus.smtl.Variant;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FullGradientPassTest {
    @Test
    void selectsAtMostSPerBlockAndLeavesThePointUnchanged() {
        for (Variant v : Variant.values()) {
            SmtlProblem problem = RandomInstances.small(v, 11);
            SmtlSolution point = SmtlHeuristic.fit(problem, HeuristicOptions.defaults(), null, HeuristicListener.NONE).solution();
            FullGradientPass pass = FullGradientPass.at(problem, point);
            int blocks = v.commonSupport() ? 1 : problem.taskCount();
            int first = pass.run();
            assertTrue(first >= 1 && first <= blocks * problem.s(), v + ": selected " + first);
            assertEquals(first, pass.run(), v + ": a pass must not move the point");
        }
    }
}
