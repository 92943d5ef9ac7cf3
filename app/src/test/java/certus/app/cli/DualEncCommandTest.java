package certus.app.cli;

import certus.estimators.io.DualEncoderJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code certus dualenc fit|predict} end to end: files, row order, predictions equal to the model's own, bad input. */
class DualEncCommandTest {
    @TempDir
    Path dir;
    Path data;

    @BeforeEach
    void simulate() {
        data = dir.resolve("sim.csv");
        Cli.Result r = Cli.run("simulate", "--p", "5", "--tasks", "3", "--n", "30", "--s", "3", "--common", "2", "--seed", "3",
                "-o", data.toString());
        assertEquals(0, r.exit(), r.toString());
    }

    private Path fit(String name) {
        Path model = dir.resolve(name);
        Cli.Result fit = Cli.run("dualenc", "fit", "--data", data.toString(), "--epochs", "3", "--patience", "2", "--q", "2", "--p", "3",
                "--lambda-alpha", "0.05", "--lambda-beta", "0.2", "--lambda-o", "0.01", "--seed", "4", "-o", model.toString());
        assertEquals(0, fit.exit(), fit.toString());
        assertTrue(fit.err().contains("epoch 1/3"), "progress on stderr: " + fit.err());
        assertTrue(fit.out().isEmpty(), "the model went to the file, not stdout");
        return model;
    }

    @Test
    void fitThenPredictGivesOnePredictionPerRowInInputOrderEqualToTheModelsOwn() throws IOException {
        Path model = fit("m.json");
        JsonNode m = new ObjectMapper().readTree(model.toFile());
        assertEquals("dualenc", m.get("model").asText());
        assertEquals(3, m.get("tasks").size());
        assertEquals(0.05, m.get("options").get("lambda_alpha").asDouble());
        assertEquals(0.2, m.get("options").get("lambda_beta").asDouble());
        assertEquals(3, m.get("options").get("epochs").asInt());
        assertEquals(2, m.get("tasks").get(0).get("alpha").size());
        assertEquals(3, m.get("tasks").get(0).get("beta").size());

        Path pred = dir.resolve("pred.csv");
        Cli.Result p = Cli.run("dualenc", "predict", "--model", model.toString(), "--data", data.toString(), "--output", pred.toString());
        assertEquals(0, p.exit(), p.toString());
        DualEncoderJson.Saved saved = DualEncoderJson.read(model);
        List<String> in = Files.readAllLines(data);
        List<String> out = Files.readAllLines(pred);
        assertEquals("task,prediction", out.get(0));
        assertEquals(in.size(), out.size(), "one prediction per input row");
        List<String> header = Arrays.asList(in.get(0).split(","));
        for (int row = 1; row < in.size(); row++) {
            String[] cells = in.get(row).split(",");
            String[] o = out.get(row).split(",");
            assertEquals(cells[header.indexOf("task")], o[0], "task order follows the input");
            double[] x = new double[saved.features().size()];
            for (int j = 0; j < x.length; j++) x[j] = Double.parseDouble(cells[header.indexOf(saved.features().get(j))]);
            assertEquals(saved.predict(o[0], x), Double.parseDouble(o[1]), 0.0, "row " + row);
        }
        // stdout when no output file is given
        Cli.Result toStdout = Cli.run("dualenc", "predict", "--model", model.toString(), "--data", data.toString());
        assertEquals(0, toStdout.exit(), toStdout.toString());
        assertEquals(String.join("\n", out) + "\n", toStdout.out());
    }

    @Test
    void cvScoresTheGridChoosesOneLambdaAndSavesTheRefittedModelWithTheTable() throws IOException {
        Path model = dir.resolve("cv.json");
        Cli.Result r = Cli.run("dualenc", "cv", "--data", data.toString(), "--epochs", "2", "--patience", "2", "--q", "2", "--p", "3",
                "-o", model.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("chosen"), r.err());
        JsonNode m = new ObjectMapper().readTree(model.toFile());
        JsonNode table = m.get("validation");
        assertEquals(3, table.size(), "default grid 0.01, 0.1, 1");
        JsonNode chosen = null;
        for (JsonNode row : table) if (row.get("chosen").asBoolean()) { assertEquals(null, chosen, "one chosen"); chosen = row; }
        for (JsonNode row : table) assertTrue(chosen.get("mse").asDouble() <= row.get("mse").asDouble());
        assertEquals(chosen.get("lambda_alpha").asDouble(), m.get("options").get("lambda_alpha").asDouble());
        assertEquals(chosen.get("lambda_alpha").asDouble(), m.get("options").get("lambda_beta").asDouble());
        assertEquals(3, DualEncoderJson.read(model).validation().size());
        Path pred = dir.resolve("cv-pred.csv");
        assertEquals(0, Cli.run("dualenc", "predict", "--model", model.toString(), "--data", data.toString(), "-o", pred.toString()).exit());

        Path none = dir.resolve("none.json");
        for (String[] badArgs : List.of(new String[]{"--lambdas", "0.1,-1"}, new String[]{"--lambda-o-grid", "-1"},
                new String[]{"--hidden-grid", "auto;x"}, new String[]{"--epoch-folds", "1"})) {
            Cli.Result bad = Cli.run("dualenc", "cv", "--data", data.toString(), badArgs[0], badArgs[1], "-o", none.toString());
            assertEquals(2, bad.exit(), Arrays.toString(badArgs) + ": " + bad);
            assertFalse(Files.exists(none));
        }
    }

    @Test
    void cvGridOverLambdaOAndHiddenLayersWithKFoldEpochsForSmallTasks() throws IOException {
        Path model = dir.resolve("grid.json");
        Cli.Result r = Cli.run("dualenc", "cv", "--data", data.toString(), "--epochs", "3", "--patience", "2", "--lambdas", "0.1",
                "--lambda-o-grid", "0.01,1", "--hidden-grid", "auto;none", "-o", model.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("epoch folds 5"), "30 rows per task is small: 5-fold epochs by default; " + r.err());
        assertTrue(r.err().contains("[fold 5/5]"), r.err());
        JsonNode m = new ObjectMapper().readTree(model.toFile());
        JsonNode table = m.get("validation");
        assertEquals(4, table.size());
        List<String> seen = new java.util.ArrayList<>();
        for (JsonNode row : table) seen.add(row.get("hidden").asText() + "/" + row.get("lambda_o").asDouble());
        assertEquals(List.of("auto/0.01", "auto/1.0", "none/0.01", "none/1.0"), seen);
        JsonNode chosen = null;
        for (JsonNode row : table) if (row.get("chosen").asBoolean()) chosen = row;
        assertEquals(chosen.get("lambda_o").asDouble(), m.get("options").get("lambda_o").asDouble());
        assertEquals(chosen.get("hidden").asText().equals("none") ? "[]" : "\"auto\"", m.get("options").get("architecture").toString());
        assertEquals("iterations", m.get("termination").get("limit").asText(), "the K-fold refit runs the chosen epoch count");
    }

    @Test
    void architectureOptionsAndSwitchingTheSpecificEncoderOffReachTheModel() throws IOException {
        Path model = dir.resolve("arch.json");
        Cli.Result r = Cli.run("dualenc", "fit", "--data", data.toString(), "--epochs", "2", "--q", "0", "--p", "3", "--hidden", "6,5",
                "--activation", "tanh", "--learning-rate", "0.01", "--batch-size", "8", "-o", model.toString());
        assertEquals(0, r.exit(), r.toString());
        JsonNode m = new ObjectMapper().readTree(model.toFile());
        assertEquals("[6,5]", m.get("options").get("architecture").toString());
        assertEquals("tanh", m.get("options").get("activation").asText());
        assertEquals(0, m.get("specific_encoder").get("output").asInt());
        assertEquals(0, m.get("tasks").get(0).get("alpha").size());
        assertEquals("[6,5]", m.get("shared_encoder").get("hidden").toString());
        assertEquals(8, m.get("options").get("batch_size").asInt());
        assertEquals(0.01, m.get("options").get("learning_rate").asDouble());
        assertEquals("iterations", m.get("termination").get("limit").asText(), "two epochs, no early stop: the epoch cap ended it");
        Path pred = dir.resolve("arch-pred.csv");
        assertEquals(0, Cli.run("dualenc", "predict", "--model", model.toString(), "--data", data.toString(), "-o", pred.toString()).exit());
    }

    @Test
    void aTimeLimitSavesTheBestStateSoFarWithStatusTime() throws IOException {
        Path model = dir.resolve("timed.json");
        // 1 ms: the deadline passes before the first epoch (data loading alone takes longer), so the state is epoch 0
        Cli.Result r = Cli.run("dualenc", "fit", "--data", data.toString(), "--time-limit", "0.001", "-o", model.toString());
        assertEquals(0, r.exit(), r.toString());
        JsonNode m = new ObjectMapper().readTree(model.toFile());
        assertEquals("feasible", m.get("termination").get("reason").asText());
        assertEquals("time", m.get("termination").get("limit").asText());
        assertEquals(0, m.get("best_epoch").asInt());
        assertTrue(r.err().contains("time limit"), r.err());
        Cli.Result cv = Cli.run("dualenc", "cv", "--data", data.toString(), "--time-limit", "0.001", "-o", dir.resolve("cv.json").toString());
        assertEquals(0, cv.exit(), cv.toString());
        JsonNode c = new ObjectMapper().readTree(dir.resolve("cv.json").toFile());
        assertEquals("time", c.get("termination").get("limit").asText());
        assertTrue(c.get("validation").get(1).get("mse").isNull(), "grid points after the deadline are not run");
    }

    @Test
    void sameSeedGivesTheSameModelFile() throws IOException {
        assertEquals(Files.readString(fit("a.json")), Files.readString(fit("b.json")));
    }

    @Test
    void unknownTaskAndBadOptionValuesAreExitTwoWithNoOutput() throws IOException {
        Path model = fit("m.json");
        List<String> lines = Files.readAllLines(data);
        Path other = dir.resolve("other.csv");
        Files.writeString(other, lines.get(0) + "\n" + lines.get(1).replaceFirst("^[^,]*", "stranger") + "\n");
        Path pred = dir.resolve("pred.csv");
        Cli.Result p = Cli.run("dualenc", "predict", "--model", model.toString(), "--data", other.toString(), "-o", pred.toString());
        assertEquals(2, p.exit(), p.toString());
        assertTrue(p.err().contains("stranger"), p.err());
        assertFalse(Files.exists(pred));

        Path out = dir.resolve("x.json");
        for (String[] bad : List.of(new String[]{"--q", "-1"}, new String[]{"--lambda-alpha", "-1"}, new String[]{"--patience", "0"},
                new String[]{"--epochs", "many"}, new String[]{"--hidden", "32,x"}, new String[]{"--hidden", "0"},
                new String[]{"--activation", "gelu"}, new String[]{"--time-limit", "0"}, new String[]{"--learning-rate", "-1"})) {
            String[] args = {"dualenc", "fit", "--data", data.toString(), bad[0], bad[1], "-o", out.toString()};
            Cli.Result r = Cli.run(args);
            assertEquals(2, r.exit(), Arrays.toString(bad) + ": " + r);
            assertFalse(Files.exists(out), "no output on a usage error");
        }
        Cli.Result notDual = Cli.run("dualenc", "predict", "--model", data.toString(), "--data", data.toString());
        assertEquals(2, notDual.exit(), notDual.toString());
    }
}
