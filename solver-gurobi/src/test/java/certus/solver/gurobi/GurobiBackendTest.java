package certus.solver.gurobi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import certus.solver.Availability;
import certus.solver.Backends;
import certus.solver.CancellationToken;
import certus.solver.Model;
import certus.solver.SolveListener;
import certus.solver.SolveParameters;
import certus.solver.SolveResult;
import certus.solver.SolverUnavailableException;
import certus.solver.Termination.Reason;
import certus.solver.testing.TestModels;
import java.util.List;
import org.junit.jupiter.api.Test;

class GurobiBackendTest {
    @Test
    void withoutTheJarTheBackendIsUnavailableAndSaysWhatToAdd() {
        GurobiBackend b = new GurobiBackend(className -> false);
        Availability a = b.availability();
        assertFalse(a.available());
        assertEquals(GurobiBackend.NO_JAR, a.reason());
        assertTrue(a.reason().contains("Maybe add com.gurobi:gurobi"));
        assertEquals("absent", b.version());
        SolverUnavailableException e = assertThrows(SolverUnavailableException.class,
                () -> Backends.of(List.of(b)).require("gurobi"));
        assertTrue(e.getMessage().contains("not on the classpath"), e.getMessage());
        Model m = TestModels.knapsack(new double[] {1}, new double[] {1}, 1, 0);
        assertThrows(SolverUnavailableException.class, () -> b.solve(m, SolveParameters.defaults(), SolveListener.NONE, CancellationToken.none()));
    }

    @Test
    void missingLicenceMapsToTheGrbgetkeyHint() {
        Availability a = GurobiSolve.unavailable(10009, "No Gurobi license found");
        assertFalse(a.available());
        assertEquals("no Gurobi licence found (GRBException 10009). Maybe set GRB_LICENSE_FILE or run grbgetkey.", a.reason());
        assertTrue(GurobiSolve.unavailable(10022, "expired").reason().contains("10022"));
    }

    @Test
    void serviceLoaderFindsTheBackendAndAvailabilityNeverThrows() {
        GurobiBackend b = (GurobiBackend) Backends.discover().find("gurobi").orElseThrow();
        Availability a = b.availability(); // here: jar present, probably no licence
        assertTrue(a.available() || !a.reason().isEmpty());
        assertEquals(a, b.availability(), "cached");
    }

    @Test
    void realSolvesMatchEnumerationWhenGurobiIsUsable() {
        GurobiBackend b = new GurobiBackend();
        assumeTrue(b.availability().available(), () -> "skipped: " + b.availability().reason());
        double[] v = {10, 13, 7, 8, 9, 4};
        double[] w = {5, 6, 3, 4, 5, 2};
        SolveResult k = b.solve(TestModels.knapsack(v, w, 13, 5.0), SolveParameters.defaults(), SolveListener.NONE, CancellationToken.none());
        assertEquals(Reason.OPTIMAL, k.termination().reason());
        assertEquals(TestModels.knapsackByEnumeration(v, w, 13, 5.0), k.objectiveValue(), 1e-6);
        assertTrue(k.bestBound() <= k.objectiveValue() + 1e-9);
        double[] a = {0.5, -2.0, 1.2, 3.0, -0.7, 1.9};
        SolveResult q = b.solve(TestModels.selectionMiqp(a, 2, 5), SolveParameters.defaults(), SolveListener.NONE, CancellationToken.none());
        assertEquals(Reason.OPTIMAL, q.termination().reason());
        assertEquals(TestModels.selectionByEnumeration(a, 2), q.objectiveValue(), 1e-5);
    }
}
