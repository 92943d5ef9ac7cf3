package certus.solver.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certus.solver.CancellationToken;
import certus.solver.Capability;
import certus.solver.Model;
import certus.solver.ModelException;
import certus.solver.SolveListener;
import certus.solver.SolveParameters;
import certus.solver.SolveResult;
import certus.solver.Termination.Limit;
import certus.solver.Termination.Reason;
import certus.solver.Availability;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ScriptedBackendTest {
    private final Model knapsack = TestModels.knapsack(new double[] {1, 2}, new double[] {1, 1}, 1, 0);
    private final Model miqp = TestModels.selectionMiqp(new double[] {1, 2}, 1, 5);

    @Test
    void returnsTheScriptInOrderAndRecordsEveryCall() {
        SolveResult limit = ScriptedBackend.timeLimit(new double[] {0, 1}, -2, -2.5);
        ScriptedBackend b = ScriptedBackend.available("fake").then(limit, ScriptedBackend.infeasible(), ScriptedBackend.error("boom"));
        SolveParameters p1 = SolveParameters.defaults().withTimeLimitSeconds(3);
        SolveParameters p2 = SolveParameters.defaults().withThreads(2);

        SolveResult r1 = b.solve(knapsack, p1, SolveListener.NONE, CancellationToken.none());
        assertSame(limit, r1);
        assertEquals(Reason.FEASIBLE, r1.termination().reason());
        assertEquals(Limit.TIME, r1.termination().limit());
        assertEquals(0.25, r1.relativeGap(), 1e-12);
        assertEquals(Reason.INFEASIBLE, b.solve(miqp, p2, SolveListener.NONE, CancellationToken.none()).termination().reason());
        SolveResult r3 = b.solve(knapsack, p1, SolveListener.NONE, CancellationToken.none());
        assertEquals(Reason.OTHER_ERROR, r3.termination().reason());
        assertEquals("boom", r3.termination().detail());

        assertEquals(3, b.calls().size());
        assertSame(miqp, b.calls().get(1).model());
        assertSame(p2, b.calls().get(1).parameters());
        assertEquals(0, b.remaining());
        assertThrows(IllegalStateException.class, () -> b.solve(knapsack, p1, SolveListener.NONE, CancellationToken.none()));
    }

    @Test
    void limitWithoutIncumbentHasNoPointAndInfiniteGap() {
        SolveResult r = ScriptedBackend.timeLimitNoSolution(-1.0);
        assertEquals(Reason.NO_SOLUTION_FOUND, r.termination().reason());
        assertFalse(r.hasSolution());
        assertEquals(Double.POSITIVE_INFINITY, r.relativeGap());
    }

    @Test
    void enforcesDeclaredCapabilitiesLikeARealBackend() {
        ScriptedBackend milpOnly = new ScriptedBackend("milp", EnumSet.of(Capability.MILP), Availability.yes())
                .then(ScriptedBackend.optimal(new double[] {0, 1}, -2));
        assertThrows(ModelException.class, () -> milpOnly.solve(miqp, SolveParameters.defaults(), SolveListener.NONE, CancellationToken.none()));
        assertTrue(milpOnly.calls().isEmpty());
        assertEquals(Reason.OPTIMAL, milpOnly.solve(knapsack, SolveParameters.defaults(), SolveListener.NONE, CancellationToken.none()).termination().reason());
    }

    @Test
    void unavailableBackendSaysWhyAndRefusesToSolve() {
        ScriptedBackend b = ScriptedBackend.unavailable("gurobi", "no licence");
        assertFalse(b.availability().available());
        assertEquals("no licence", b.availability().reason());
        assertThrows(IllegalStateException.class, () -> b.solve(knapsack, SolveParameters.defaults(), SolveListener.NONE, CancellationToken.none()));
    }
}
