package certus.estimators.exact;

import certus.estimators.SmtlParams;
import certus.estimators.sim.Simulation;
import certus.estimators.sim.SimulationDesign;
import certus.estimators.sim.Simulator;
import certus.formulations.cert.Certificate;
import certus.formulations.cert.CertificateStatus;
import certus.formulations.cert.CertificateVerifier;
import certus.solver.Termination;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checkpoints of a running certify (what the service keeps for a job whose process may die): each is a certificate of
 * the warm start that passes independent verification, is never optimal, and whose bound never decreases and never
 * exceeds the final bound.
 */
class CertifierCheckpointTest {
    @Test
    void checkpointsAreVerifiableFeasibleCertificatesWithNonDecreasingBounds() {
        Simulation sim = Simulator.simulate(new SimulationDesign(120, 3, 60, 0, 8, 4, 0.5, 0.0, null, 5.0, 5));
        List<Certificate> checkpoints = new ArrayList<>();
        Certificate last = SmtlCertifier.builder().params(new SmtlParams(8, 0.1, 0.0, 0.05, false)).timeLimitSeconds(7)
                .checkpoint(checkpoints::add).build().certify(sim.train());
        assertFalse(checkpoints.isEmpty(), "a checkpoint is taken when the exact solve starts");
        assertTrue(checkpoints.size() >= 2, "and again as the bound improves (every 2 s at most): " + checkpoints.size());
        double previous = Double.NEGATIVE_INFINITY;
        for (Certificate c : checkpoints) {
            assertEquals(CertificateStatus.FEASIBLE, c.status());
            assertEquals(Termination.Limit.INTERRUPTED, c.termination().limit());
            assertTrue(CertificateVerifier.verify(c, sim.train()).passed(), () -> CertificateVerifier.verify(c, sim.train()).toString());
            assertTrue(c.bound() >= previous, "bounds never decrease");
            assertTrue(c.bound() <= last.bound() + 1e-12, "a checkpoint's bound " + c.bound() + " above the final bound " + last.bound());
            assertTrue(c.objective() >= last.objective() - 1e-12, "the final point is at least as good as the warm start");
            previous = c.bound();
        }
        assertTrue(Double.isFinite(checkpoints.get(checkpoints.size() - 1).bound()), "a proven bound reaches the checkpoints");
    }
}
