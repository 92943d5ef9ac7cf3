package certus.estimators.exact;

import certus.estimators.ScreeningFitter;
import certus.estimators.SmtlParams;
import certus.estimators.io.CertificateJson;
import certus.estimators.sim.Simulation;
import certus.estimators.sim.SimulationDesign;
import certus.estimators.sim.Simulator;
import certus.formulations.ExactMethod;
import certus.formulations.ExactResult;
import certus.formulations.MKind;
import certus.formulations.bnb.BnbProof;
import certus.formulations.cert.Certificate;
import certus.formulations.cert.CertificateStatus;
import certus.formulations.cert.CertificateVerifier;
import certus.smtl.ObjectiveEvaluator;
import certus.smtl.SmtlSolution;
import certus.smtl.SupportRefitter;
import certus.smtl.SmtlProblem;
import certus.solver.SolveListener;
import certus.solver.Termination;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** certify re-derives a bnb bound from the search's proof before reporting it, and withdraws a bound it cannot prove. */
class CertifierBoundProofTest {
    @TempDir
    Path dir;

    @Test
    void aBnbCertificateSaysItsBoundWasReDerivedAndKeepsItThroughJson() throws Exception {
        Simulation sim = Simulator.simulate(new SimulationDesign(10, 3, 40, 0, 3, 1, 0.5, 0, null, 5.0, 4));
        Certificate c = SmtlCertifier.builder().params(new SmtlParams(3, 0.05, 0, 0.05, false)).method(ExactMethod.BNB)
                .warmStartFitter(new ScreeningFitter()).build().certify(sim.train());
        assertEquals(CertificateStatus.OPTIMAL, c.status(), c.termination().toString());
        assertTrue(c.provenance().boundCheck().startsWith("bnb proof re-checked"), c.provenance().boundCheck());
        assertTrue(c.bound() <= c.objective());
        assertTrue(CertificateVerifier.verify(c, sim.train()).passed());
        Path file = dir.resolve("c.json");
        Files.writeString(file, CertificateJson.write(c));
        assertEquals(c.provenance().boundCheck(), CertificateJson.read(file).provenance().boundCheck());

        Certificate off = SmtlCertifier.builder().params(new SmtlParams(3, 0.05, 0, 0.05, false)).method(ExactMethod.BNB)
                .warmStartFitter(new ScreeningFitter()).proveBounds(false).build().certify(sim.train());
        assertEquals("", off.provenance().boundCheck());
        assertEquals(c.objective(), off.objective(), 1e-12 * Math.abs(c.objective()));
    }

    @Test
    void aProofThatDoesNotSupportTheBoundWithdrawsIt() {
        Simulation sim = Simulator.simulate(new SimulationDesign(8, 2, 30, 0, 2, 1, 0.5, 0, null, 5.0, 5));
        SmtlProblem p = new SmtlParams(2, 0.05, 0, 0.05, false).toProblem(sim.train());
        boolean[][] z = new boolean[2][8];
        z[0][0] = z[0][1] = z[1][0] = z[1][2] = true;
        SmtlSolution point = SupportRefitter.refit(p, z);
        double f = ObjectiveEvaluator.value(p, point);
        ExactResult claimed = new ExactResult(point, f, f, Termination.optimal("claimed"), ExactMethod.BNB, "certus-bnb", "1",
                MKind.NONE, Double.NaN, 0, 0.1, 1, 1, 0);
        BoundProofs.Checked checked = BoundProofs.check(p, claimed, new BnbProof(List.of()), SolveListener.NONE);
        assertEquals(Double.NEGATIVE_INFINITY, checked.result().bound());
        assertEquals(Termination.Reason.FEASIBLE, checked.result().termination().reason());
        assertTrue(checked.note().contains("rejected"), checked.note());
        assertEquals(f, checked.result().objective());

        // A proof that was not kept (too large) or a check stopped early claims nothing either way: the bound stays.
        BoundProofs.Checked dropped = BoundProofs.check(p, claimed, new BnbProof(List.of(), "too large"), SolveListener.NONE);
        assertEquals(f, dropped.result().bound());
        assertTrue(dropped.note().startsWith("bound not re-checked"), dropped.note());
        BoundProofs.Checked stopped = BoundProofs.check(p, claimed, new BnbProof(List.of()), SolveListener.NONE, () -> true);
        assertEquals(f, stopped.result().bound());
        assertTrue(stopped.note().startsWith("bound not re-checked"), stopped.note());
    }

    /** The check's budget stays within what the time limit leaves (beyond a fixed grace) and within half the search. */
    @Test
    void theCheckBudgetRespectsTheTimeLimit() {
        double grace = BoundProofs.MIN_CHECK_SECONDS;
        assertEquals(17.0, BoundProofs.budgetSeconds(34, 266), 1e-12, "half the search when the limit leaves room");
        assertEquals(grace, BoundProofs.budgetSeconds(120, 0), 1e-12, "a search that used its limit gets the grace only");
        assertEquals(grace, BoundProofs.budgetSeconds(120, -5), 1e-12, "past the limit: the grace only");
        assertEquals(25.0, BoundProofs.budgetSeconds(120, 25), 1e-12, "the time left when it is less than half the search");
        assertEquals(50.0, BoundProofs.budgetSeconds(100, Double.POSITIVE_INFINITY), 1e-12, "no limit: half the search");
        assertEquals(grace, BoundProofs.budgetSeconds(1, 100), 1e-12, "short searches get the grace");
    }
}
