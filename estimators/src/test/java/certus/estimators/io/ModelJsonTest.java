package certus.estimators.io;

import certus.data.DataFormatException;
import certus.estimators.FitStatus;
import certus.estimators.SmtlModel;
import certus.estimators.SmtlParams;
import certus.estimators.Termination;
import certus.smtl.SmtlSolution;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelJsonTest {
    /** Task b holds x2 in its support with coefficient 0: legal under Zbar, must survive the round trip. */
    static SmtlModel model() {
        double[][] beta = {{1.5, 0, -0.25}, {0, 0, 2.0}};
        boolean[][] z = {{true, false, true}, {false, true, true}};
        SmtlSolution sol = new SmtlSolution(new double[]{0.5, -1.0}, beta, z);
        return new SmtlModel(FitStatus.FEASIBLE, new Termination(Termination.Reason.FEASIBLE, Termination.Limit.TIME, "time limit hit"),
                3.25, null, null, 0.5, "heuristic:bcd+local-search", null, new SmtlParams(2, 0.01, 0, 0.1, false), certus.data.Standardizer.NONE,
                List.of("x1", "x2", "x3"), List.of("a", "b"), sol);
    }

    @Test
    void jsonFollowsTheDesignSchema() throws Exception {
        JsonNode root = new ObjectMapper().readTree(ModelJson.write(model()));
        assertEquals("feasible", root.get("status").asText());
        assertEquals("feasible", root.get("termination").get("reason").asText());
        assertEquals("time", root.get("termination").get("limit").asText());
        assertTrue(root.get("bound").isNull());
        assertTrue(root.get("gap").isNull());
        assertTrue(root.get("backend").isNull());
        assertEquals(2, root.get("problem").get("s").asInt());
        assertEquals(0.1, root.get("problem").get("zbar").asDouble());
        assertEquals(false, root.get("problem").get("common_support").asBoolean());
        assertEquals("none", root.get("problem").get("standardize").asText());
        JsonNode b = root.get("tasks").get(1);
        assertEquals("b", b.get("task").asText());
        assertEquals(-1.0, b.get("intercept").asDouble());
        assertEquals("[\"x2\",\"x3\"]", b.get("support").toString());
        assertEquals(2, b.get("coefficients").size(), "support features only");
        assertEquals(0.0, b.get("coefficients").get("x2").asDouble());
    }

    @Test
    void roundTripGivesTheSameModelAndPredictions(@TempDir Path dir) throws Exception {
        SmtlModel m = model();
        Path file = dir.resolve("m.json");
        Files.writeString(file, ModelJson.write(m));
        SmtlModel back = ModelJson.read(file);
        assertEquals(m.solution(), back.solution());
        assertEquals(m.params(), back.params());
        assertEquals(m.termination(), back.termination());
        assertEquals(m.objective(), back.objective());
        assertEquals(m.features(), back.features());
        assertEquals(m.tasks(), back.tasks());
        double[] x = {0.3, -7, 2};
        for (String t : m.tasks()) assertEquals(m.predict(t, x), back.predict(t, x), 0.0);
        assertEquals(ModelJson.write(m), ModelJson.write(back));
    }

    /** Real feature names carry dots (the PDX genes are "TYMS.cn", "TYMS.rna"); the reader once took "rna" as the key. */
    @Test
    void featureNamesWithDotsSurviveTheRoundTrip() {
        SmtlModel m = model();
        SmtlModel dotted = new SmtlModel(m.status(), m.termination(), m.objective(), m.bound(), m.gap(), m.seconds(), m.method(),
                m.backend(), m.params(), m.standardize(), List.of("TYMS.cn", "TYMS.rna", "a.b.c"), m.tasks(), m.solution());
        SmtlModel back = ModelJsonReader.parse(ModelJson.write(dotted), "m.json");
        assertEquals(dotted.features(), back.features());
        assertEquals(dotted.solution(), back.solution());
    }

    @Test
    void readerNamesFileAndKeyOnMissingOrWrongValues() {
        String good = ModelJson.write(model());
        DataFormatException e1 = assertThrows(DataFormatException.class,
                () -> ModelJsonReader.parse(good.replace("\"intercept\" : -1.0", "\"intercept\" : \"x\""), "m.json"));
        assertTrue(e1.getMessage().contains("m.json") && e1.getMessage().contains("tasks[1].intercept")
                && e1.getMessage().contains("expected a number"), e1.getMessage());
        DataFormatException e2 = assertThrows(DataFormatException.class,
                () -> ModelJsonReader.parse(good.replace("\"features\"", "\"featurez\""), "m.json"));
        assertTrue(e2.getMessage().contains("'features'") && e2.getMessage().contains("missing"), e2.getMessage());
        DataFormatException e3 = assertThrows(DataFormatException.class,
                () -> ModelJsonReader.parse(good.replace("\"status\" : \"feasible\"", "\"status\" : \"great\""), "m.json"));
        assertTrue(e3.getMessage().contains("unknown status 'great'"), e3.getMessage());
        DataFormatException e4 = assertThrows(DataFormatException.class, () -> ModelJsonReader.parse("{not json", "m.json"));
        assertTrue(e4.getMessage().startsWith("model file m.json: not valid JSON"), e4.getMessage());
        DataFormatException e5 = assertThrows(DataFormatException.class,
                () -> ModelJsonReader.parse(good.replace("\"x2\" : 0.0", "\"x1\" : 0.0"), "m.json"));
        assertTrue(e5.getMessage().contains("tasks[1].coefficients.x1"), e5.getMessage());
        assertThrows(DataFormatException.class, () -> ModelJson.read(Path.of("/nonexistent/model.json")));
    }
}
