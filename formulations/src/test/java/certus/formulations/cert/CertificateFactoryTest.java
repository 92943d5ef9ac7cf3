package certus.formulations.cert;

import certus.data.Standardizer;
import certus.formulations.ExactMethod;
import certus.formulations.ExactOptions;
import certus.formulations.ExactResult;
import certus.formulations.MKind;
import certus.smtl.ObjectiveEvaluator;
import certus.smtl.RandomInstances;
import certus.smtl.SmtlProblem;
import certus.smtl.SmtlSolution;
import certus.solver.Termination;
import org.junit.jupiter.api.Test;

import static certus.formulations.cert.ScriptedResults.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CertificateFactoryTest {
    static final SmtlProblem PROBLEM = RandomInstances.problem(2, 6, 20, 2, 0.05, 0, 0.1, false, 3);
    static final ExactOptions OPTIONS = ExactOptions.of(ExactMethod.OA, "fake");

    private static Certificate certify(ExactResult r) {
        return CertificateFactory.from(PROBLEM, r, OPTIONS, null, 0.1);
    }

    @Test
    void provenOptimalWithBoundEqualToObjectiveIsOptimalWithZeroGap() {
        Certificate c = certify(ScriptedResults.optimal(PROBLEM));
        assertEquals(CertificateStatus.OPTIMAL, c.status());
        assertEquals(0.0, c.gap());
        assertEquals(ObjectiveEvaluator.value(PROBLEM, c.solution()), c.objective(), 0.0);
        assertEquals(c.objective(), c.objectiveParts().total(), 0.0);
        assertEquals(Standardizer.NONE, c.problem().standardize());
        assertEquals(2, c.fingerprint().sha256().size());
        assertEquals(17, c.provenance().nodes());
        assertTrue(CertificateVerifier.verify(c, PROBLEM.data()).passed());
    }

    @Test
    void timeLimitWithBoundBelowObjectiveIsFeasibleWithTheRecomputedGap() {
        Certificate c = certify(ScriptedResults.timeLimit(PROBLEM));
        assertEquals(CertificateStatus.FEASIBLE, c.status());
        assertEquals(0.1, c.gap(), 1e-12);
        assertEquals(Termination.Limit.TIME, c.termination().limit());
        assertTrue(CertificateVerifier.verify(c, PROBLEM.data()).passed());
    }

    @Test
    void heuristicMIsNeverOptimalEvenWhenTheSolverSaysSo() {
        ExactResult o = ScriptedResults.optimal(PROBLEM);
        Certificate c = certify(result(o.solution(), o.objective(), o.bound(), o.termination(), MKind.CHECKED));
        assertEquals(CertificateStatus.FEASIBLE, c.status());
        assertTrue(c.optimalityConditional());
        assertTrue(CertificateVerifier.verify(c, PROBLEM.data()).passed());
    }

    @Test
    void gapAboveTheToleranceIsNotOptimalEvenWithReasonOptimal() {
        ExactResult o = ScriptedResults.optimal(PROBLEM);
        Certificate c = certify(result(o.solution(), o.objective(), o.objective() * (1 - 1e-3), o.termination(), MKind.PROVEN));
        assertEquals(CertificateStatus.FEASIBLE, c.status());
    }

    @Test
    void boundAboveObjectiveIsANumericalErrorNeverOptimal() {
        ExactResult o = ScriptedResults.optimal(PROBLEM);
        Certificate c = certify(result(o.solution(), o.objective(), o.objective() * 1.01, o.termination(), MKind.NONE));
        assertEquals(CertificateStatus.ERROR, c.status());
        assertEquals(Termination.Reason.NUMERICAL_ERROR, c.termination().reason());
        assertTrue(c.termination().detail().contains("exceeds"), c.termination().detail());
        VerificationReport r = CertificateVerifier.verify(c, PROBLEM.data());
        assertTrue(!r.check("bound").passed() && !r.check("status").passed(), r.toString());
    }

    @Test
    void boundWithinBackendSlackIsLoweredToTheObjective() {
        ExactResult o = ScriptedResults.optimal(PROBLEM);
        Certificate c = certify(result(o.solution(), o.objective(), o.objective() * (1 + 1e-8), o.termination(), MKind.NONE));
        assertEquals(CertificateStatus.OPTIMAL, c.status());
        assertEquals(c.objective(), c.bound(), 0.0);
    }

    @Test
    void misreportedObjectiveOrInfeasiblePointIsAnError() {
        ExactResult o = ScriptedResults.optimal(PROBLEM);
        Certificate wrong = certify(result(o.solution(), o.objective() * 0.5, o.objective() * 0.5, o.termination(), MKind.NONE));
        assertEquals(CertificateStatus.ERROR, wrong.status());
        double[][] beta = o.solution().coefficients();
        boolean[][] z = o.solution().supports();
        for (int j = 0; j < z[0].length; j++) z[0][j] = true; // s exceeded
        SmtlSolution bad = new SmtlSolution(o.solution().intercepts(), beta, z);
        Certificate infeasible = certify(result(bad, o.objective(), o.bound(), o.termination(), MKind.NONE));
        assertEquals(CertificateStatus.ERROR, infeasible.status());
        assertNull(infeasible.solution());
        assertTrue(infeasible.termination().detail().contains("exceeds s=2"), infeasible.termination().detail());
    }

    @Test
    void noSolutionAfterALimitIsNoSolutionAndErrorsStayErrors() {
        Certificate none = certify(result(null, Double.NaN, 0.3, Termination.limit(Termination.Limit.TIME, false, "t"), MKind.NONE));
        assertEquals(CertificateStatus.NO_SOLUTION, none.status());
        assertEquals(Double.POSITIVE_INFINITY, none.gap());
        assertTrue(CertificateVerifier.verify(none, PROBLEM.data()).passed());
        Certificate err = certify(result(null, Double.NaN, Double.NEGATIVE_INFINITY,
                Termination.error(Termination.Reason.OTHER_ERROR, "crash"), MKind.NONE));
        assertEquals(CertificateStatus.ERROR, err.status());
    }

    @Test
    void standardizedRunsReportRawCoefficientsAndVerifyAgainstRawData() {
        var scaled = Standardizer.MLE.standardize(PROBLEM.data());
        SmtlProblem onScaled = PROBLEM.withData(scaled.data());
        Certificate c = CertificateFactory.from(onScaled, ScriptedResults.optimal(onScaled), OPTIONS, scaled, 0.1);
        assertEquals(Standardizer.MLE, c.problem().standardize());
        assertEquals(DataFingerprint.of(PROBLEM.data()), c.fingerprint());
        SmtlSolution raw = c.solution();
        int j = raw.supportIndices(0)[0];
        assertEquals(ScriptedResults.optimum(onScaled).coefficient(0, j) / scaled.scale(0, j), raw.coefficient(0, j), 1e-15);
        VerificationReport r = CertificateVerifier.verify(c, PROBLEM.data());
        assertTrue(r.passed(), r.toString());
    }
}
