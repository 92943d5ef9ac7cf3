package certus.formulations.cert;

import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.formulations.ExactMethod;
import certus.formulations.ExactOptions;
import certus.smtl.ObjectiveValue;
import certus.smtl.RandomInstances;
import certus.smtl.SmtlProblem;
import certus.smtl.SmtlSolution;
import certus.tensor.DenseMatrix;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CertificateVerifierTest {
    static final SmtlProblem PROBLEM = RandomInstances.problem(3, 6, 15, 2, 0.1, 0.2, 0.3, false, 11);
    static final Certificate GOOD = CertificateFactory.from(PROBLEM, ScriptedResults.optimal(PROBLEM),
            ExactOptions.of(ExactMethod.BIGM, "fake"), null, 0.2);

    private static void assertFailsOn(String check, Certificate c, MultiTaskData data) {
        VerificationReport r = CertificateVerifier.verify(c, data);
        assertFalse(r.passed());
        assertFalse(r.check(check).passed(), check + " should fail: " + r);
    }

    @Test
    void goodCertificatePassesEveryCheck() {
        VerificationReport r = CertificateVerifier.verify(GOOD, PROBLEM.data());
        assertTrue(r.passed(), r.toString());
        for (String name : List.of("fingerprint", "shape", "support-size", "zero-off-support", "objective", "inner-optimality", "bound", "gap", "status")) {
            assertTrue(r.check(name) != null && r.check(name).passed(), name);
        }
    }

    @Test
    void tamperedCoefficientFailsTheObjectiveAndInnerOptimality() {
        SmtlSolution s = GOOD.solution();
        double[][] beta = s.coefficients();
        int j = s.supportIndices(1)[0];
        beta[1][j] += 1e-3;
        Certificate t = GOOD.withSolution(new SmtlSolution(s.intercepts(), beta, s.supports()), GOOD.objectiveParts(), GOOD.objective());
        assertFailsOn("objective", t, PROBLEM.data());
        assertFailsOn("inner-optimality", t, PROBLEM.data());
    }

    @Test
    void tamperedObjectiveFails() {
        ObjectiveValue p = GOOD.objectiveParts();
        Certificate t = GOOD.withSolution(GOOD.solution(), new ObjectiveValue(p.loss() * 0.99, p.ridge(), p.bbar(), p.zbar()),
                GOOD.objective() * 0.99);
        assertFailsOn("objective", t, PROBLEM.data());
    }

    @Test
    void boundAboveObjectiveOrMisstatedGapFails() {
        assertFailsOn("bound", GOOD.withBound(GOOD.objective() * 1.001, -0.001), PROBLEM.data());
        assertFailsOn("gap", GOOD.withBound(GOOD.bound(), 0.5), PROBLEM.data());
        // optimal with a gap above the tolerance is not justified
        double b = GOOD.objective() * 0.9;
        assertFailsOn("status", GOOD.withBound(b, (GOOD.objective() - b) / GOOD.objective()), PROBLEM.data());
    }

    @Test
    void tamperedSupportFails() {
        SmtlSolution s = GOOD.solution();
        boolean[][] z = s.supports();
        int j = s.supportIndices(0)[0];
        z[0][j] = false; // coefficient now off its support
        assertFailsOn("zero-off-support", GOOD.withSolution(new SmtlSolution(s.intercepts(), s.coefficients(), z), GOOD.objectiveParts(),
                GOOD.objective()), PROBLEM.data());
        boolean[][] big = s.supports();
        for (int f = 0; f < big[2].length; f++) big[2][f] = true;
        assertFailsOn("support-size", GOOD.withSolution(new SmtlSolution(s.intercepts(), s.coefficients(), big), GOOD.objectiveParts(),
                GOOD.objective()), PROBLEM.data());
    }

    @Test
    void tamperedDataFailTheFingerprint() {
        List<TaskData> tasks = new ArrayList<>(PROBLEM.data().tasks());
        TaskData t = tasks.get(1);
        double[] y = t.y();
        y[3] += 1e-12;
        tasks.set(1, new TaskData(t.label(), t.x(), y));
        MultiTaskData changed = new MultiTaskData(PROBLEM.data().featureNames(), tasks);
        assertFailsOn("fingerprint", GOOD, changed);
        assertTrue(CertificateVerifier.verify(GOOD, changed).check("fingerprint").message().contains(t.label()));
    }

    @Test
    void renamedFeatureFailsFingerprintAndShape() {
        List<String> names = new ArrayList<>(PROBLEM.data().featureNames());
        names.set(0, "renamed");
        MultiTaskData renamed = new MultiTaskData(names, PROBLEM.data().tasks());
        assertFailsOn("fingerprint", GOOD, renamed);
        assertFailsOn("shape", GOOD, renamed);
    }

    @Test
    void fingerprintIsLittleEndianRowMajorOverNamesAndValues() {
        TaskData t = new TaskData("a", DenseMatrix.fromRows(new double[][]{{1, 2}, {3, 4}}), new double[]{5, 6});
        String h = DataFingerprint.task(t, List.of("u", "v"));
        assertEquals(64, h.length());
        TaskData transposed = new TaskData("a", DenseMatrix.fromRows(new double[][]{{1, 3}, {2, 4}}), new double[]{5, 6});
        assertFalse(h.equals(DataFingerprint.task(transposed, List.of("u", "v"))));
        assertFalse(h.equals(DataFingerprint.task(t, List.of("v", "u"))));
        assertEquals(h, DataFingerprint.task(new TaskData("a", DenseMatrix.fromRows(new double[][]{{1, 2}, {3, 4}}), new double[]{5, 6}),
                List.of("u", "v")));
    }
}
