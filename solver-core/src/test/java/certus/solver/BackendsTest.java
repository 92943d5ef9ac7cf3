package certus.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certus.solver.testing.ScriptedBackend;
import certus.solver.testing.TestModels;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The registry's lookups and messages, driven by scripted backends. */
class BackendsTest {
    private final ScriptedBackend milp = new ScriptedBackend("milp", EnumSet.of(Capability.MILP), Availability.yes());
    private final ScriptedBackend full = ScriptedBackend.available("full");
    private final ScriptedBackend gurobi = ScriptedBackend.unavailable("gurobi", "no Gurobi licence found (GRBException 10009).");
    private final Backends registry = Backends.of(List.of(milp, full, gurobi));

    @Test
    void discoverFindsTheOjalgoBackendThroughServiceLoader() {
        SolverBackend ojalgo = Backends.discover().require("ojalgo");
        assertEquals("ojalgo", ojalgo.name());
        assertTrue(ojalgo.capabilities().containsAll(EnumSet.of(Capability.MILP, Capability.MIQP)));
    }

    @Test
    void findIsCaseInsensitiveAndEmptyForUnknownNames() {
        assertSame(full, registry.find("FULL").orElseThrow());
        assertTrue(registry.find("scip").isEmpty());
        assertEquals(List.of(milp, full, gurobi), registry.all());
    }

    @Test
    void requireOfAnUnknownNameListsTheKnownOnesAndAHint() {
        SolverUnavailableException e = assertThrows(SolverUnavailableException.class, () -> registry.require("scip"));
        assertTrue(e.getMessage().contains("unknown backend 'scip'"), e.getMessage());
        assertTrue(e.getMessage().contains("milp, full, gurobi"), e.getMessage());
        assertTrue(e.getMessage().contains("Maybe"), e.getMessage());
    }

    @Test
    void requireOfAnUnavailableBackendGivesItsReason() {
        SolverUnavailableException e = assertThrows(SolverUnavailableException.class, () -> registry.require("gurobi"));
        assertTrue(e.getMessage().contains("gurobi is unavailable") && e.getMessage().contains("10009"), e.getMessage());
        assertSame(milp, registry.require("milp"));
    }

    @Test
    void supportingKeepsOnlyAvailableBackendsWithEveryNeededCapability() {
        assertEquals(List.of(milp, full), registry.supporting(Set.of(Capability.MILP)));
        assertEquals(List.of(full), registry.supporting(Set.of(Capability.MIQP, Capability.INDICATORS)));
        assertEquals(List.of(), Backends.of(List.of(gurobi)).supporting(Set.of(Capability.MILP)));
    }

    @Test
    void checkCapabilitiesNamesTheMissingOnes() {
        Model miqp = TestModels.selectionMiqp(new double[] {1, 2}, 1, 5);
        Backends.checkCapabilities(full, miqp);
        ModelException e = assertThrows(ModelException.class, () -> Backends.checkCapabilities(milp, miqp));
        assertTrue(e.getMessage().contains("milp") && e.getMessage().contains("[MIQP]") && e.getMessage().contains(miqp.name()), e.getMessage());
        Backends.checkCapabilities(milp, TestModels.knapsack(new double[] {1}, new double[] {1}, 1, 0));
    }
}
