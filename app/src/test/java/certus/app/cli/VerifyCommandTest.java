package certus.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifyCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    Path data;
    Path cert;

    @BeforeEach
    void certify() {
        data = dir.resolve("sim.csv");
        cert = dir.resolve("cert.json");
        assertEquals(0, Cli.run("simulate", "--p", "8", "--tasks", "2", "--n", "25", "--s", "2", "--common", "1", "--seed", "8",
                "-o", data.toString()).exit());
        Cli.Result r = Cli.run(Scripted.env(Scripted.OPTIMAL), "certify", "--data", data.toString(), "--s", "2", "--ridge", "0.05",
                "--zbar", "0.1", "-o", cert.toString());
        assertEquals(0, r.exit(), r.toString());
    }

    private Cli.Result verify(Path certificate, Path csv) {
        return Cli.run("verify", "--certificate", certificate.toString(), "--data", csv.toString());
    }

    private Path tampered(Consumer<ObjectNode> edit) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(cert.toFile());
        edit.accept(root);
        return Files.writeString(dir.resolve("tampered.json"), JSON.writeValueAsString(root));
    }

    private void assertFailsNaming(Path certificate, Path csv, String check) {
        Cli.Result r = verify(certificate, csv);
        assertEquals(5, r.exit(), r.toString());
        assertTrue(r.out().contains("FAIL " + check), check + "\n" + r);
        assertTrue(r.out().contains("certificate INVALID"), r.out());
    }

    private static ObjectNode firstCoefficients(ObjectNode root) {
        return (ObjectNode) root.get("tasks").get(0).get("coefficients");
    }

    @Test
    void goodCertificatePassesEveryCheck() {
        Cli.Result r = verify(cert, data);
        assertEquals(0, r.exit(), r.toString());
        for (String name : List.of("fingerprint", "shape", "support-size", "objective", "inner-optimality", "bound", "gap", "status")) {
            assertTrue(r.out().contains("PASS " + name), name + "\n" + r.out());
        }
        assertTrue(r.out().contains("certificate valid"), r.out());
    }

    @Test
    void tamperedCoefficientFails() throws IOException {
        Path t = tampered(root -> {
            ObjectNode coefs = firstCoefficients(root);
            String f = coefs.fieldNames().next();
            coefs.put(f, coefs.get(f).asDouble() * 1.01);
        });
        assertFailsNaming(t, data, "objective");
        assertFailsNaming(t, data, "inner-optimality");
    }

    @Test
    void tamperedObjectiveFails() throws IOException {
        assertFailsNaming(tampered(root -> root.put("objective", root.get("objective").asDouble() * 0.999)), data, "objective");
    }

    @Test
    void tamperedBoundFails() throws IOException {
        assertFailsNaming(tampered(root -> root.put("bound", root.get("objective").asDouble() * 1.01)), data, "bound");
    }

    @Test
    void tamperedGapOrStatusFails() throws IOException {
        assertFailsNaming(tampered(root -> root.put("gap", 0.5)), data, "gap");
        assertFailsNaming(tampered(root -> {
            root.put("bound", root.get("objective").asDouble() * 0.5);
            root.put("gap", 0.5);
        }), data, "status");
    }

    @Test
    void tamperedSupportFails() throws IOException {
        Path t = tampered(root -> {
            JsonNode task = root.get("tasks").get(0);
            ArrayNode support = (ArrayNode) task.get("support");
            ObjectNode coefs = (ObjectNode) task.get("coefficients");
            support.removeAll();
            coefs.removeAll();
            for (JsonNode f : root.get("features")) {
                support.add(f.asText());
                coefs.put(f.asText(), 0.0);
            }
        });
        assertFailsNaming(t, data, "support-size");
    }

    @Test
    void tamperedDataFailTheFingerprint() throws IOException {
        List<String> lines = Files.readAllLines(data);
        String[] cells = lines.get(3).split(",");
        cells[1] = Double.toString(Double.parseDouble(cells[1]) + 1e-9);
        lines.set(3, String.join(",", cells));
        Path changed = Files.write(dir.resolve("changed.csv"), lines);
        assertFailsNaming(cert, changed, "fingerprint");
    }

    @Test
    void unreadableCertificateIsBadInputNamingFileAndKey() throws IOException {
        Path t = tampered(root -> ((ObjectNode) root.get("certificate")).remove("gap_tolerance"));
        Cli.Result r = verify(t, data);
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("certificate file " + t) && r.err().contains("'certificate.gap_tolerance'"), r.err());
        assertEquals(2, verify(dir.resolve("nope.json"), data).exit());
    }
}
