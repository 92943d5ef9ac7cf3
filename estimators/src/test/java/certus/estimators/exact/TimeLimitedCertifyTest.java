package certus.estimators.exact;

import certus.estimators.SmtlParams;
import certus.estimators.sim.Simulation;
import certus.estimators.sim.SimulationDesign;
import certus.estimators.sim.Simulator;
import certus.formulations.ExactMethod;
import certus.formulations.cert.Certificate;
import certus.formulations.cert.CertificateStatus;
import certus.formulations.cert.CertificateVerifier;
import certus.solver.Termination;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A time-limited certify of a hard instance on the real default backends (no fakes): it must stop near the limit
 * with a FEASIBLE certificate whose termination names the TIME limit, whose bound is valid (finite or -inf, never
 * above the objective) and which the independent verifier accepts. Never OPTIMAL.
 */
class TimeLimitedCertifyTest {
    /** K=3, p=120, n_k=60, Zbar + tiny ridge: far beyond what any method proves in 4 s on this machine. */
    static final Simulation HARD = Simulator.simulate(new SimulationDesign(120, 3, 60, 0, 8, 4, 0.5, 0.0, null, 5.0, 5));

    @ParameterizedTest
    @EnumSource(value = ExactMethod.class, names = {"BIGM", "OA"})
    void aTimeLimitedCertifyIsFeasibleWithAValidBoundAndVerifies(ExactMethod method) {
        double limit = 4.0;
        long t0 = System.nanoTime();
        Certificate c = SmtlCertifier.builder().params(new SmtlParams(8, 1e-3, 0.0, 0.05, false)).method(method)
                .timeLimitSeconds(limit).build().certify(HARD.train());
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(CertificateStatus.FEASIBLE, c.status(), c.termination().toString());
        assertNotEquals(Termination.Reason.OPTIMAL, c.termination().reason());
        assertEquals(Termination.Limit.TIME, c.termination().limit(), c.termination().toString());
        assertTrue(c.bound() <= c.objective(), "bound " + c.bound() + " above objective " + c.objective());
        assertTrue(c.gap() > 1e-4, "a hard instance certified at gap " + c.gap() + " in " + limit + " s");
        assertTrue(CertificateVerifier.verify(c, HARD.train()).passed(), () -> CertificateVerifier.verify(c, HARD.train()).toString());
        // Stops near the limit: SCIP honours its own limit; setup (JIT, natives) and the final refit add a little.
        assertTrue(seconds < limit + 10, "took " + seconds + " s for a " + limit + " s limit");
    }
}
