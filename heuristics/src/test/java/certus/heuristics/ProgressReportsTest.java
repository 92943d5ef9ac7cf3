package certus.heuristics;

import certus.smtl.RandomInstances;
import certus.smtl.SmtlProblem;
import certus.smtl.Variant;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressReportsTest {
    record Event(String stage, double objective) {}

    @Test
    void reportedObjectiveIsTheBestSoFarOfTheFittedProblemAndNeverRises() {
        SmtlProblem problem = RandomInstances.small(Variant.ZBAR_L2, 5);
        List<Event> events = new ArrayList<>();
        HeuristicResult r = SmtlHeuristic.fit(problem, HeuristicOptions.defaults(), null,
                (stage, iteration, objective, seconds) -> events.add(new Event(stage, objective)));
        assertFalse(events.isEmpty());
        double previous = Double.POSITIVE_INFINITY;
        for (Event e : events) {
            if (e.stage().equals("warm-start")) {
                assertTrue(Double.isNaN(e.objective()), "the warm start solves an auxiliary problem: " + e);
                continue;
            }
            assertFalse(Double.isNaN(e.objective()), e.toString());
            assertTrue(e.objective() <= previous, "best-so-far rose: " + events);
            previous = e.objective();
        }
        assertEquals(r.objective(), events.get(events.size() - 1).objective(), 0.0);
    }
}
