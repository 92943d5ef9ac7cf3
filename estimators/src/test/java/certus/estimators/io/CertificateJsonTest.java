package certus.estimators.io;

import certus.data.DataFormatException;
import certus.estimators.FitStatus;
import certus.estimators.SmtlModel;
import certus.estimators.exact.SmtlCertifier;
import certus.formulations.ExactMethod;
import certus.formulations.ExactOptions;
import certus.formulations.ExactResult;
import certus.formulations.MKind;
import certus.formulations.cert.Certificate;
import certus.formulations.cert.CertificateFactory;
import certus.formulations.cert.CertificateVerifier;
import certus.estimators.sim.Simulation;
import certus.estimators.sim.SimulationDesign;
import certus.estimators.sim.Simulator;
import certus.smtl.ObjectiveEvaluator;
import certus.smtl.SmtlProblem;
import certus.smtl.SmtlSolution;
import certus.smtl.SupportRefitter;
import certus.solver.Termination;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CertificateJsonTest {
    static final Simulation SIM = Simulator.simulate(new SimulationDesign(6, 2, 25, 0, 2, 1, 0.5, 0, null, 5.0, 9));
    static final SmtlProblem PROBLEM = new SmtlProblem(SIM.train(), 2, 0.1, 0.05, 0.2, false);

    static Certificate certificate(Termination t, MKind kind, double boundFactor) {
        boolean[][] z = new boolean[2][6];
        z[0][0] = z[0][1] = z[1][1] = z[1][2] = true;
        SmtlSolution sol = SupportRefitter.refit(PROBLEM, z);
        double f = ObjectiveEvaluator.value(PROBLEM, sol);
        ExactResult r = new ExactResult(sol, f, f * boundFactor, t, ExactMethod.PERSPECTIVE, "scip", "10.0.0", kind, 2.5, 1, 1.5, 42, 1, 0);
        return CertificateFactory.from(PROBLEM, r, ExactOptions.of(ExactMethod.PERSPECTIVE, "scip"), null, 2.0);
    }

    @Test
    void roundTripKeepsEveryFieldAndStillVerifies() {
        Certificate c = certificate(Termination.limit(Termination.Limit.TIME, true, "time"), MKind.CHECKED, 0.97);
        String json = CertificateJson.write(c);
        Certificate back = CertificateJsonReader.parse(json, "c.json");
        assertEquals(c, back);
        assertEquals(json, CertificateJson.write(back));
        assertTrue(CertificateVerifier.verify(back, SIM.train()).passed());
    }

    @Test
    void noSolutionCertificateRoundTrips() {
        ExactResult r = new ExactResult(null, Double.NaN, Double.NEGATIVE_INFINITY, Termination.limit(Termination.Limit.INTERRUPTED, false, ""),
                ExactMethod.OA, "scip", "10", MKind.NONE, Double.NaN, 0, 0.1, 0, 0, 0);
        Certificate c = CertificateFactory.from(PROBLEM, r, ExactOptions.of(ExactMethod.OA, "scip"), null, 0.1);
        assertEquals(c, CertificateJsonReader.parse(CertificateJson.write(c), "c.json"));
    }

    @Test
    void aCertificateIsAModelFileWithBoundAndGap() {
        Certificate c = certificate(Termination.optimal(""), MKind.NONE, 1.0);
        SmtlModel m = ModelJsonReader.parse(CertificateJson.write(c), "c.json");
        assertEquals(FitStatus.OPTIMAL, m.status());
        assertEquals(c.objective(), m.bound());
        assertEquals(0.0, m.gap());
        assertEquals("perspective", m.method());
        assertEquals(SmtlCertifier.toModel(c).solution(), m.solution());
    }

    @Test
    void readerErrorsNameTheFileAndTheKey() {
        String json = CertificateJson.write(certificate(Termination.optimal(""), MKind.NONE, 1.0));
        var e = assertThrows(DataFormatException.class, () -> CertificateJsonReader.parse(json.replace("\"proven\"", "\"guessed\"")
                .replace("\"kind\" : \"none\"", "\"kind\" : \"guessed\""), "c.json"));
        assertEquals("certificate file c.json: key 'certificate.m.kind': expected none, proven or checked", e.getMessage());
        var missing = assertThrows(DataFormatException.class, () -> CertificateJsonReader.parse(
                json.replaceAll("\"gap_tolerance\" : [^,]*,", ""), "c.json"));
        assertTrue(missing.getMessage().contains("key 'certificate.gap_tolerance'"), missing.getMessage());
        var fit = assertThrows(DataFormatException.class, () -> CertificateJsonReader.parse(json.replace("\"status\" : \"optimal\"",
                "\"status\" : \"great\""), "c.json"));
        assertTrue(fit.getMessage().startsWith("certificate file c.json: key 'status'"), fit.getMessage());
        var model = assertThrows(DataFormatException.class, () -> CertificateJsonReader.parse("{\"status\":\"feasible\"}", "m.json"));
        assertTrue(model.getMessage().startsWith("certificate file m.json"), model.getMessage());
    }
}
