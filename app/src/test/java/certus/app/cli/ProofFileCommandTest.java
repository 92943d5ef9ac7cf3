package certus.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code certify --proof} writes the bnb proof and {@code verify --proof} re-derives the bound from it alone: a good
 * proof passes, and a proof with a leaf removed, an inflated diagonal shift, another problem's parameters or a broken
 * reference fails, each with the check or file location named.
 */
class ProofFileCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    Path data;
    Path cert;
    Path proof;

    @BeforeEach
    void certifyWithProof() {
        data = dir.resolve("sim.csv");
        cert = dir.resolve("cert.json");
        proof = dir.resolve("proof.json");
        // More rows than features: the search uses eigenvalue-shifted bounds, so the proof carries shifts.
        assertEquals(0, Cli.run("simulate", "--p", "12", "--tasks", "1", "--n", "40", "--s", "3", "--common", "3", "--seed", "5",
                "-o", data.toString()).exit());
        Cli.Result r = Cli.run("certify", "--data", data.toString(), "--s", "3", "--ridge", "0.01", "--method", "bnb",
                "-o", cert.toString(), "--proof", proof.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("leaves written to " + proof), r.err());
    }

    private Cli.Result verify(Path proofFile) {
        return Cli.run("verify", "--certificate", cert.toString(), "--data", data.toString(), "--proof", proofFile.toString());
    }

    private Path edited(Consumer<ObjectNode> edit) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(proof.toFile());
        edit.accept(root);
        return Files.writeString(dir.resolve("edited.json"), JSON.writeValueAsString(root));
    }

    private static void assertFails(Cli.Result r, String check) {
        assertEquals(ExitCodes.VERIFY_FAILED, r.exit(), r.toString());
        assertTrue(r.out().contains("FAIL " + check), check + "\n" + r.out());
    }

    @Test
    void verifyReDerivesTheBoundFromTheProofFile() throws IOException {
        Cli.Result r = verify(proof);
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("PASS proof-match"), r.out());
        assertTrue(r.out().contains("PASS bound-proof"), r.out());
        assertTrue(JSON.readTree(proof.toFile()).get("shifts").size() > 0, "the proof carries diagonal shifts");
    }

    @Test
    void aGzipProofIsCompressedAndVerifies() throws IOException {
        Path gz = dir.resolve("proof.json.gz");
        Path cert2 = dir.resolve("cert2.json");
        assertEquals(0, Cli.run("certify", "--data", data.toString(), "--s", "3", "--ridge", "0.01", "--method", "bnb",
                "-o", cert2.toString(), "--proof", gz.toString()).exit());
        try (InputStream in = Files.newInputStream(gz)) {
            assertEquals(0x1f, in.read());
            assertEquals(0x8b, in.read());
        }
        Cli.Result r = Cli.run("verify", "--certificate", cert2.toString(), "--data", data.toString(), "--proof", gz.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("PASS bound-proof"), r.out());
    }

    @Test
    void aProofWithAPieceRemovedFails() throws IOException {
        Path holed = edited(root -> {
            ObjectNode tree = (ObjectNode) root.get("trees").get(0);
            ArrayNode leaves = (ArrayNode) tree.get("leaves");
            ArrayNode chains = (ArrayNode) tree.get("chains");
            assertTrue(leaves.size() + chains.size() > 1, "a proof with more than one piece");
            // Remove the piece that covers the most: the root's first leaf or chain.
            if (chains.size() > 0) chains.remove(0);
            else leaves.remove(0);
        });
        assertFails(verify(holed), "bound-proof");
    }

    @Test
    void aDiagonalShiftAboveTheEigenvalueFails() throws IOException {
        Path inflated = edited(root -> {
            for (var shift : root.get("shifts")) {
                ArrayNode delta = (ArrayNode) shift.get("delta");
                for (int k = 0; k < delta.size(); k++) delta.set(k, delta.get(k).asDouble() * 1e3);
            }
        });
        Cli.Result r = verify(inflated);
        assertFails(r, "bound-proof");
        assertTrue(r.out().contains("exceeds the smallest eigenvalue"), r.out());
    }

    @Test
    void aProofOfAnotherProblemFailsTheMatch() throws IOException {
        Path other = edited(root -> ((ObjectNode) root.get("problem")).put("ridge", 0.02));
        Cli.Result r = verify(other);
        assertFails(r, "proof-match");
        assertTrue(r.out().contains("ridge 0.02 vs certificate 0.01"), r.out());
        assertFalse(r.out().contains("bound-proof"), "no bound is re-derived from a proof of another problem");
    }

    @Test
    void aBrokenReferenceIsAnInputErrorNamingItsPlace() throws IOException {
        Path broken = edited(root -> {
            ObjectNode tree = (ObjectNode) root.get("trees").get(0);
            ArrayNode pieces = tree.get("leaves").size() > 0 ? (ArrayNode) tree.get("leaves") : (ArrayNode) tree.get("chains");
            ((ObjectNode) pieces.get(0)).put("w", 1_000_000);
        });
        Cli.Result r = verify(broken);
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("proof file " + broken) && r.err().contains("trees[0]") && r.err().contains(".w 1000000 is not a witness"), r.err());
    }

    @Test
    void aMethodWithoutProofWritesNoFileAndSaysWhy() {
        Path none = dir.resolve("none.json");
        Cli.Result r = Cli.run("certify", "--data", data.toString(), "--s", "3", "--ridge", "0.01", "--method", "perspective",
                "-o", dir.resolve("c3.json").toString(), "--proof", none.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("no proof written to " + none + ": method perspective records no proof"), r.err());
        assertFalse(Files.exists(none));
    }
}
