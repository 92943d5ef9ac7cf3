package certus.estimators.io;

import certus.data.DataFormatException;
import certus.estimators.ScreeningFitter;
import certus.estimators.SmtlParams;
import certus.estimators.exact.SmtlCertifier;
import certus.estimators.sim.Simulation;
import certus.estimators.sim.SimulationDesign;
import certus.estimators.sim.Simulator;
import certus.formulations.ExactMethod;
import certus.formulations.bnb.BnbProof;
import certus.formulations.bnb.BoundWitness;
import certus.formulations.bnb.FixingChain;
import certus.formulations.bnb.ProofLeaf;
import certus.formulations.bnb.TreeProof;
import certus.formulations.cert.BnbProofChecker;
import certus.formulations.cert.Certificate;
import certus.formulations.cert.CertificateVerifier;
import certus.smtl.SmtlProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A proof written and read back is the same proof, bit for bit, and the checker derives the same bound from both. */
class BnbProofJsonTest {
    @TempDir
    Path dir;

    private record Certified(Certificate certificate, BnbProof proof, Simulation sim, SmtlParams params) {}

    private static Certified certify(int tasks, double zbar, long seed) {
        Simulation sim = Simulator.simulate(new SimulationDesign(10, tasks, 40, 0, 3, 1, 0.5, 0, null, 5.0, seed));
        SmtlParams params = new SmtlParams(3, 0.02, 0, zbar, false);
        BnbProof[] kept = new BnbProof[1];
        Certificate c = SmtlCertifier.builder().params(params).method(ExactMethod.BNB).warmStartFitter(new ScreeningFitter())
                .proofSink(p -> kept[0] = p).build().certify(sim.train());
        assertTrue(kept[0].complete(), kept[0].incomplete());
        return new Certified(c, kept[0], sim, params);
    }

    @Test
    void singleTaskAndZbarProofsRoundTripExactly() {
        for (Certified c : List.of(certify(1, 0, 3), certify(3, 0.05, 4))) {
            for (String name : List.of("p.json", "p.json.gz")) {
                Path file = dir.resolve(c.proof().trees().size() + name);
                BnbProofJson.write(file, c.proof(), c.certificate());
                BnbProofJson.ProofFile back = BnbProofJson.read(file);
                assertSameProof(c.proof(), back.proof());
                assertEquals(List.of(), back.mismatches(c.certificate()));
                SmtlProblem problem = c.params().toProblem(c.sim().train());
                BnbProofChecker.Report a = BnbProofChecker.check(problem, c.proof(), c.certificate().bound());
                BnbProofChecker.Report b = BnbProofChecker.check(problem, back.proof(), c.certificate().bound());
                assertTrue(a.valid() && b.valid(), a.problems() + " / " + b.problems());
                assertEquals(a.derived(), b.derived(), 0.0, "the same bound, bit for bit");
                assertTrue(CertificateVerifier.boundProof(c.certificate(), c.sim().train(), back.proof()).passed());
            }
        }
    }

    @Test
    void multipliersAndTheirAbsenceRoundTrip() {
        Certified c = certify(1, 0, 5);
        double[][] lambda = {{0.5, -1e-300, Double.MIN_VALUE, 1.0 / 3}};
        BnbProof lagrangian = new BnbProof(c.proof().trees(), "", lambda);
        Path file = dir.resolve("l.json");
        BnbProofJson.write(file, lagrangian, c.certificate());
        assertTrue(Arrays.deepEquals(lambda, BnbProofJson.read(file).proof().multipliers()));
        BnbProofJson.write(file, c.proof(), c.certificate());
        assertNull(BnbProofJson.read(file).proof().multipliers());
    }

    @Test
    void anIncompleteProofIsNotWritten() {
        Certified c = certify(1, 0, 6);
        Path file = dir.resolve("x.json");
        assertThrows(IllegalArgumentException.class, () -> BnbProofJson.write(file, new BnbProof(List.of(), "too large"), c.certificate()));
        assertTrue(Files.notExists(file));
    }

    @Test
    void malformedFilesNameTheFileAndThePart() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"format\": \"certus-bnb-proof\", \"version\": 1, \"fingerprint\": {\"tasks\": []}, \"shifts\": [],"
                + " \"witnesses\": [{\"index\": [[1]], \"weight\": [[\"x\"]], \"mu\": [], \"shift\": -1}], \"trees\": []}");
        DataFormatException e = assertThrows(DataFormatException.class, () -> BnbProofJson.read(file));
        assertTrue(e.getMessage().contains("proof file " + file) && e.getMessage().contains("witnesses[0].weight[0][0] is not a number"), e.getMessage());
        Files.writeString(file, "{\"format\": \"something else\"}");
        e = assertThrows(DataFormatException.class, () -> BnbProofJson.read(file));
        assertTrue(e.getMessage().contains("not a certus-bnb-proof version 1 file"), e.getMessage());
        Files.writeString(file, "{not json");
        assertTrue(assertThrows(DataFormatException.class, () -> BnbProofJson.read(file)).getMessage().contains("not readable JSON"));
        assertTrue(assertThrows(DataFormatException.class, () -> BnbProofJson.read(dir.resolve("missing.json"))).getMessage().contains("no such file"));
    }

    private static void assertSameProof(BnbProof a, BnbProof b) {
        assertEquals(a.trees().size(), b.trees().size());
        for (int t = 0; t < a.trees().size(); t++) {
            TreeProof x = a.trees().get(t);
            TreeProof y = b.trees().get(t);
            assertEquals(x.tasks(), y.tasks());
            assertEquals(x.shared(), y.shared());
            assertEquals(x.leaves().size(), y.leaves().size());
            assertEquals(x.chains().size(), y.chains().size());
            for (int i = 0; i < x.leaves().size(); i++) {
                ProofLeaf l = x.leaves().get(i);
                ProofLeaf m = y.leaves().get(i);
                assertTrue(Arrays.deepEquals(l.in(), m.in()) && Arrays.deepEquals(l.out(), m.out()), "leaf " + i);
                assertSameWitness(l.witness(), m.witness());
            }
            for (int i = 0; i < x.chains().size(); i++) {
                FixingChain l = x.chains().get(i);
                FixingChain m = y.chains().get(i);
                assertTrue(Arrays.deepEquals(l.in(), m.in()) && Arrays.deepEquals(l.out(), m.out()), "chain " + i);
                assertArrayEquals(l.group(), m.group());
                assertArrayEquals(l.feature(), m.feature());
                assertArrayEquals(l.value(), m.value());
                assertSameWitness(l.witness(), m.witness());
            }
        }
    }

    private static void assertSameWitness(BoundWitness a, BoundWitness b) {
        if (a == null || b == null) {
            assertEquals(a, b);
            return;
        }
        assertTrue(Arrays.deepEquals(a.index(), b.index()));
        assertTrue(Arrays.deepEquals(a.weight(), b.weight()), "weights bit for bit");
        assertArrayEquals(a.mu(), b.mu());
        assertArrayEquals(a.shift(), b.shift());
        assertTrue(java.util.Arrays.deepEquals(a.shiftFeatures(), b.shiftFeatures()));
    }
}
