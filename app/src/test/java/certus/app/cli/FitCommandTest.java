package certus.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FitCommandTest {
    @TempDir
    Path dir;
    Path data;
    Path out;

    @BeforeEach
    void simulate() {
        data = dir.resolve("sim.csv");
        out = dir.resolve("out.json");
        Cli.Result r = Cli.run("simulate", "--p", "12", "--tasks", "3", "--n", "40", "--s", "3", "--common", "2", "--seed", "2",
                "-o", data.toString());
        assertEquals(0, r.exit(), r.toString());
    }

    private Path params(String json) throws IOException {
        return Files.writeString(dir.resolve("params.json"), json);
    }

    private void assertFailsWithoutOutput(String expectedMessagePart, String... args) throws IOException {
        Cli.Result r = Cli.run(args);
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("error: ") && r.err().contains(expectedMessagePart), r.err());
        assertFalse(Files.exists(out), "no output file after a failed run");
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temp file left behind");
        }
        assertEquals("", r.out());
    }

    @Test
    void unknownKeyInParamsFileFailsBeforeWriting() throws IOException {
        Path p = params("{\"s\": 2, \"zbr\": 0.1}");
        assertFailsWithoutOutput("unknown key 'zbr'", "fit", "--data", data.toString(), "--params", p.toString(), "-o", out.toString());
    }

    @Test
    void unknownStandardizationFailsBeforeWriting() throws IOException {
        assertFailsWithoutOutput("unknown standardization 'zscore'",
                "fit", "--data", data.toString(), "--s", "2", "--standardize", "zscore", "-o", out.toString());
    }

    @Test
    void standardizationIsRecordedInTheOutput() throws IOException {
        Cli.Result r = Cli.run("fit", "--data", data.toString(), "--s", "2", "--ridge", "0.01", "--standardize", "MLE", "-o", out.toString());
        assertEquals(0, r.exit(), r.toString());
        JsonNode root = new ObjectMapper().readTree(Files.readString(out));
        assertEquals("mle", root.get("problem").get("standardize").asText());
        assertEquals("feasible", root.get("status").asText());
    }

    @Test
    void negativeRidgeFails() throws IOException {
        assertFailsWithoutOutput("ridge must be a finite number >= 0, got -1.0",
                "fit", "--data", data.toString(), "--s", "2", "--ridge=-1", "-o", out.toString());
    }

    @Test
    void sAboveP() throws IOException {
        assertFailsWithoutOutput("p=12, got s=13", "fit", "--data", data.toString(), "--s", "13", "-o", out.toString());
    }

    @Test
    void sBelowOne() throws IOException {
        assertFailsWithoutOutput("s must be >= 1, got s=0", "fit", "--data", data.toString(), "--s", "0", "-o", out.toString());
    }

    @Test
    void missingS() throws IOException {
        assertFailsWithoutOutput("s is required", "fit", "--data", data.toString(), "-o", out.toString());
    }

    @Test
    void wrongTypeInParamsFile() throws IOException {
        Path p = params("{\"s\": \"three\"}");
        assertFailsWithoutOutput("'s' must be an integer", "fit", "--data", data.toString(), "--params", p.toString(), "-o", out.toString());
    }

    @Test
    void failedRunLeavesAnExistingOutputUntouched() throws IOException {
        Files.writeString(out, "previous result");
        Cli.Result r = Cli.run("fit", "--data", data.toString(), "--s", "99", "-o", out.toString());
        assertEquals(2, r.exit());
        assertEquals("previous result", Files.readString(out));
    }

    @Test
    void flagOverridesParamsFileInBothDirections() throws IOException {
        // file says s=13 (> p, invalid), flag says 2: the flag wins, so validation passes and the run reaches the engine
        Path p = params("{\"s\": 13}");
        Cli.Result r = Cli.run("fit", "--data", data.toString(), "--params", p.toString(), "--s", "2", "-o", out.toString());
        assertTrue(r.exit() == 0 || r.exit() == 3, r.toString());
        assertFalse(r.err().contains("got s=13"), r.err());
        // file says s=2 (valid), flag says 13: the flag wins and is rejected
        Path q = params("{\"s\": 2}");
        Cli.Result r2 = Cli.run("fit", "--data", data.toString(), "--params", q.toString(), "--s", "13");
        assertEquals(2, r2.exit());
        assertTrue(r2.err().contains("got s=13"), r2.err());
        // file says common_support true, --no-common-support turns it off; a negative ridge in the file is overridden
        Path c = params("{\"s\": 2, \"ridge\": -5, \"common_support\": true}");
        Cli.Result r3 = Cli.run("fit", "--data", data.toString(), "--params", c.toString(), "--ridge", "0.5", "--no-common-support");
        assertTrue(r3.exit() == 0 || r3.exit() == 3, r3.toString());
        assertTrue(r3.err().contains("ridge=0.5") && !r3.err().contains("common-support"), r3.err());
    }

    @Test
    void endToEndFitWritesTheResultJson() throws IOException {
        Path p = params("{\"s\": 5, \"ridge\": 0.5, \"zbar\": 0.2, \"common_support\": false}");
        Cli.Result r = Cli.run("fit", "--data", data.toString(), "--params", p.toString(), "--s", "3", "--ridge", "0.01",
                "--seed", "4", "-o", out.toString());
        assertEquals(0, r.exit(), r.toString());
        assertEquals("", r.out(), "result went to the file");
        JsonNode root = new ObjectMapper().readTree(out.toFile());
        assertEquals("feasible", root.get("status").asText());
        assertTrue(root.get("bound").isNull() && root.get("gap").isNull() && root.get("backend").isNull());
        assertTrue(root.get("method").asText().startsWith("heuristic:"));
        assertEquals(3, root.get("problem").get("s").asInt());
        assertEquals(0.01, root.get("problem").get("ridge").asDouble());
        assertEquals(0.2, root.get("problem").get("zbar").asDouble());
        assertEquals(3, root.get("tasks").size());
        for (JsonNode t : root.get("tasks")) {
            assertTrue(t.get("support").size() <= 3);
            assertEquals(t.get("support").size(), t.get("coefficients").size());
        }
        assertTrue(Double.isFinite(root.get("objective").asDouble()));
        Cli.Result stdout = Cli.run("fit", "--data", data.toString(), "--s", "3", "--seed", "4");
        assertEquals(0, stdout.exit());
        assertEquals("feasible", new ObjectMapper().readTree(stdout.out()).get("status").asText());
    }
}
