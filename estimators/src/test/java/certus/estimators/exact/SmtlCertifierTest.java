package certus.estimators.exact;

import certus.data.Standardizer;
import certus.estimators.FitStatus;
import certus.estimators.ScreeningFitter;
import certus.estimators.SmtlModel;
import certus.estimators.SmtlParams;
import certus.estimators.sim.Simulation;
import certus.estimators.sim.SimulationDesign;
import certus.estimators.sim.Simulator;
import certus.formulations.ExactMethod;
import certus.formulations.ExactResult;
import certus.formulations.ExactSolver;
import certus.formulations.MKind;
import certus.formulations.cert.Certificate;
import certus.formulations.cert.CertificateStatus;
import certus.formulations.cert.CertificateVerifier;
import certus.smtl.ObjectiveEvaluator;
import certus.solver.Availability;
import certus.solver.Backends;
import certus.solver.CancellationToken;
import certus.solver.Capability;
import certus.solver.Model;
import certus.solver.SolveListener;
import certus.solver.SolveParameters;
import certus.solver.SolveResult;
import certus.solver.SolverBackend;
import certus.solver.SolverUnavailableException;
import certus.solver.Termination;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmtlCertifierTest {
    static final Simulation SIM = Simulator.simulate(new SimulationDesign(8, 2, 30, 0, 2, 1, 0.5, 0, null, 5.0, 3));

    record Fake(String name, boolean available) implements SolverBackend {
        public String version() { return "9.9"; }
        public Set<Capability> capabilities() { return EnumSet.of(Capability.MILP); }
        public Availability availability() { return available ? Availability.yes() : Availability.no("no licence. Maybe add one."); }
        public SolveResult solve(Model m, SolveParameters p, SolveListener l, CancellationToken c) { throw new UnsupportedOperationException(); }
    }

    private static SmtlCertifier.Builder builder(ExactSolver solver) {
        return SmtlCertifier.builder().params(new SmtlParams(2, 0.05, 0, 0.1, false)).method(ExactMethod.BIGM).backend("fake")
                .backends(() -> Backends.of(List.of(new Fake("fake", true)))).solvers(m -> solver).warmStartFitter(new ScreeningFitter());
    }

    /** Proves the warm start optimal: bound = objective. */
    static final ExactSolver PROVER = (problem, warm, o, b, l, c) -> {
        double f = ObjectiveEvaluator.value(problem, warm);
        return new ExactResult(warm, f, f, Termination.optimal(""), o.method(), o.backend(), "9.9", MKind.PROVEN, 4.0, 0, 0.1, 3, 1, 0);
    };

    @Test
    void provenRunIsOptimalAndItsModelSaysSo() {
        Certificate c = builder(PROVER).build().certify(SIM.train());
        assertEquals(CertificateStatus.OPTIMAL, c.status());
        assertTrue(CertificateVerifier.verify(c, SIM.train()).passed());
        SmtlModel m = SmtlCertifier.toModel(c);
        assertEquals(FitStatus.OPTIMAL, m.status());
        assertEquals(0.0, m.gap());
        assertEquals("bigm", m.method());
        assertEquals("fake", m.backend());
    }

    @Test
    void solverWithoutAPointAfterALimitFallsBackToTheWarmStartAsFeasible() {
        ExactSolver nothing = (problem, warm, o, b, l, c) -> new ExactResult(null, Double.NaN, 0.01,
                Termination.limit(Termination.Limit.TIME, false, "t"), o.method(), o.backend(), "9.9", MKind.NONE, Double.NaN, 0, 1, 0, 1, 0);
        Certificate c = builder(nothing).build().certify(SIM.train());
        assertEquals(CertificateStatus.FEASIBLE, c.status());
        assertEquals(Termination.Limit.TIME, c.termination().limit());
        assertEquals(0.01, c.bound());
    }

    @Test
    void cancelledBeforeStartingCertifiesNothingAndNeverCallsTheSolver() {
        CancellationToken token = new CancellationToken();
        token.cancel();
        Certificate c = builder((p, w, o, b, l, t) -> { throw new AssertionError("solver called"); }).cancellation(token).build()
                .certify(SIM.train());
        assertEquals(CertificateStatus.NO_SOLUTION, c.status());
        assertEquals(Termination.Limit.INTERRUPTED, c.termination().limit());
        assertNull(c.solution());
    }

    @Test
    void cancellationDuringTheSolveKeepsTheIncumbentWithANonOptimalStatus() {
        CancellationToken token = new CancellationToken();
        AtomicReference<Boolean> sawCancel = new AtomicReference<>(false);
        ExactSolver interrupted = (problem, warm, o, b, l, c) -> {
            token.cancel(); // the user pressed Ctrl-C mid-solve
            sawCancel.set(c.isCancelled());
            double f = ObjectiveEvaluator.value(problem, warm);
            return new ExactResult(warm, f, f * 0.5, Termination.limit(Termination.Limit.INTERRUPTED, true, "interrupted"), o.method(),
                    o.backend(), "9.9", MKind.NONE, Double.NaN, 0, 0.1, 5, 1, 0);
        };
        Certificate c = builder(interrupted).cancellation(token).build().certify(SIM.train());
        assertTrue(sawCancel.get());
        assertEquals(CertificateStatus.FEASIBLE, c.status());
        assertEquals(Termination.Limit.INTERRUPTED, c.termination().limit());
        assertEquals(0.5, c.gap(), 1e-12);
    }

    @Test
    void unavailableBackendFailsBeforeAnyWork() {
        var e = assertThrows(SolverUnavailableException.class, () -> builder(PROVER)
                .backends(() -> Backends.of(List.of(new Fake("fake", false)))).build().certify(SIM.train()));
        assertTrue(e.getMessage().contains("no licence"), e.getMessage());
    }

    @Test
    void standardizedCertificateRecordsTheModeAndVerifiesOnRawData() {
        Certificate c = builder(PROVER).standardize(Standardizer.MLE).build().certify(SIM.train());
        assertEquals(Standardizer.MLE, c.problem().standardize());
        assertEquals(CertificateStatus.OPTIMAL, c.status());
        var r = CertificateVerifier.verify(c, SIM.train());
        assertTrue(r.passed(), r.toString());
    }
}
