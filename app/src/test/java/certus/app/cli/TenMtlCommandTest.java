package certus.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code certus tenmtl fit|cv|predict} end to end: files, row order, predictions recomputed from the file, bad input. */
class TenMtlCommandTest {
    @TempDir
    Path dir;
    Path data;

    @BeforeEach
    void simulate() {
        data = dir.resolve("sim.csv");
        Cli.Result r = Cli.run("simulate", "--p", "8", "--tasks", "4", "--n", "40", "--s", "3", "--common", "2", "--seed", "3",
                "-o", data.toString());
        assertEquals(0, r.exit(), r.toString());
    }

    @Test
    void aTimeLimitSavesTheStateSoFarWithLimitTime() throws IOException {
        Path model = dir.resolve("limited.json");
        Cli.Result fit = Cli.run("tenmtl", "fit", "--data", data.toString(), "--time-limit", "1e-9", "-o", model.toString());
        assertEquals(0, fit.exit(), fit.toString());
        JsonNode m = new ObjectMapper().readTree(model.toFile());
        assertEquals("time", m.get("termination").get("limit").asText(), m.toString());
        assertEquals(8, m.get("tasks").get(0).get("coefficients").size(), "a complete model is written");
        JsonNode unlimited = new ObjectMapper().readTree(Cli.run("tenmtl", "fit", "--data", data.toString()).out());
        assertTrue(unlimited.get("termination").get("limit").isNull(), unlimited.get("termination").toString());
        assertEquals("converged", unlimited.get("termination").get("reason").asText());
        Cli.Result bad = Cli.run("tenmtl", "fit", "--data", data.toString(), "--time-limit", "0", "-o", dir.resolve("never.json").toString());
        assertEquals(2, bad.exit(), bad.toString());
        assertTrue(bad.err().contains("time limit"), bad.err());
        assertTrue(!Files.exists(dir.resolve("never.json")));
    }

    @Test
    void fitThenPredictGivesOnePredictionPerRowInInputOrderFromTheSavedCoefficients() throws IOException {
        Path model = dir.resolve("m.json");
        Cli.Result fit = Cli.run("tenmtl", "fit", "--data", data.toString(), "--task-rank", "2", "--feature-rank", "2", "-o", model.toString());
        assertEquals(0, fit.exit(), fit.toString());
        JsonNode m = new ObjectMapper().readTree(model.toFile());
        assertEquals("tenmtl", m.get("model").asText());
        assertEquals(4, m.get("tasks").size());
        assertEquals(8, m.get("tasks").get(0).get("coefficients").size());
        JsonNode obj = m.get("objective");
        for (int k = 1; k < obj.size(); k++) assertTrue(obj.get(k).asDouble() <= obj.get(k - 1).asDouble(), "objective rose");

        Path pred = dir.resolve("pred.csv");
        Cli.Result p = Cli.run("tenmtl", "predict", "--model", model.toString(), "--data", data.toString(), "-o", pred.toString());
        assertEquals(0, p.exit(), p.toString());
        List<String> in = Files.readAllLines(data);
        List<String> out = Files.readAllLines(pred);
        assertEquals("task,prediction", out.get(0));
        assertEquals(in.size(), out.size(), "one prediction per input row");
        String[] header = in.get(0).split(",");
        for (int row = 1; row < in.size(); row++) {
            String[] cells = in.get(row).split(",");
            String[] o = out.get(row).split(",");
            assertEquals(cells[0], o[0], "task order follows the input");
            JsonNode task = null;
            for (JsonNode t : m.get("tasks")) if (t.get("task").asText().equals(cells[0])) task = t;
            double expected = task.get("intercept").asDouble();
            for (int j = 0; j < 8; j++) {
                int col = java.util.Arrays.asList(header).indexOf(m.get("features").get(j).asText());
                expected += Double.parseDouble(cells[col]) * task.get("coefficients").get(j).asDouble();
            }
            assertEquals(expected, Double.parseDouble(o[1]), 1e-9 * (1 + Math.abs(expected)), "row " + row);
        }
    }

    @Test
    void matrixShapeFitsATuckerModelPerModeAndAWrongShapeIsAUsageError() throws IOException {
        Path model = dir.resolve("shape.json");
        Cli.Result fit = Cli.run("tenmtl", "fit", "--data", data.toString(), "--shape", "4x2", "--task-rank", "2", "--feature-rank", "2",
                "-o", model.toString());
        assertEquals(0, fit.exit(), fit.toString());
        JsonNode m = new ObjectMapper().readTree(model.toFile());
        assertEquals("4x2", m.get("options").get("shape").asText());
        JsonNode factors = m.get("factors").get("feature_factors");
        assertEquals(2, factors.size(), "one factor per feature mode");
        assertEquals(4, factors.get(0).size());
        assertEquals(2, factors.get(1).size());
        assertEquals("[2,2,2]", m.get("factors").get("core_shape").toString());
        Path pred = dir.resolve("shape-pred.csv");
        Cli.Result p = Cli.run("tenmtl", "predict", "--model", model.toString(), "--data", data.toString(), "-o", pred.toString());
        assertEquals(0, p.exit(), p.toString());

        Path none = dir.resolve("none.json");
        Cli.Result bad = Cli.run("tenmtl", "fit", "--data", data.toString(), "--shape", "3x3", "-o", none.toString());
        assertEquals(2, bad.exit(), bad.toString());
        assertTrue(bad.err().contains("9 entries") && bad.err().contains("8 feature columns"), bad.err());
        assertFalse(Files.exists(none), "no output on a usage error");
        Cli.Result garbled = Cli.run("tenmtl", "cv", "--data", data.toString(), "--shape", "4by2", "-o", none.toString());
        assertEquals(2, garbled.exit(), garbled.toString());
        assertTrue(garbled.err().contains("P1xP2"), garbled.err());
    }

    @Test
    void cvChoosesOneGridPointAndSavesTheRefittedModel() throws IOException {
        Path model = dir.resolve("cv.json");
        Cli.Result r = Cli.run("tenmtl", "cv", "--data", data.toString(), "--task-ranks", "1,2", "--feature-ranks", "2",
                "--lambdas", "0.1,0.01", "-o", model.toString());
        assertEquals(0, r.exit(), r.toString());
        JsonNode m = new ObjectMapper().readTree(model.toFile());
        JsonNode table = m.get("validation");
        assertEquals(4, table.size());
        int chosen = 0;
        for (JsonNode row : table) if (row.get("chosen").asBoolean()) chosen++;
        assertEquals(1, chosen);
        assertTrue(r.err().contains("chosen"), r.err());
    }

    @Test
    void unknownTaskBadFamilyAndNonBinaryResponsesAreExitTwoWithNoOutput() throws IOException {
        Path model = dir.resolve("m.json");
        assertEquals(0, Cli.run("tenmtl", "fit", "--data", data.toString(), "-o", model.toString()).exit());
        List<String> lines = Files.readAllLines(data);
        Path other = dir.resolve("other.csv");
        Files.writeString(other, lines.get(0) + "\n" + lines.get(1).replaceFirst("^[^,]*", "stranger") + "\n");
        Path pred = dir.resolve("pred.csv");
        Cli.Result p = Cli.run("tenmtl", "predict", "--model", model.toString(), "--data", other.toString(), "-o", pred.toString());
        assertEquals(2, p.exit(), p.toString());
        assertTrue(p.err().contains("stranger"), p.err());
        assertFalse(Files.exists(pred));

        Path out = dir.resolve("x.json");
        Cli.Result fam = Cli.run("tenmtl", "fit", "--data", data.toString(), "--family", "poisson", "-o", out.toString());
        assertEquals(2, fam.exit(), fam.toString());
        Cli.Result bin = Cli.run("tenmtl", "fit", "--data", data.toString(), "--family", "binomial", "-o", out.toString());
        assertEquals(2, bin.exit(), bin.toString());
        assertTrue(bin.err().contains("must be 0 or 1") && bin.err().contains("sim.csv"), bin.err());
        Cli.Result rank = Cli.run("tenmtl", "fit", "--data", data.toString(), "--task-rank", "0", "-o", out.toString());
        assertEquals(2, rank.exit(), rank.toString());
        assertFalse(Files.exists(out));
        Cli.Result notTen = Cli.run("tenmtl", "predict", "--model", data.toString(), "--data", data.toString());
        assertEquals(2, notTen.exit(), notTen.toString());
    }
}
