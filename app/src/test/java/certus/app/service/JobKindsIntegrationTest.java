package certus.app.service;

import certus.data.CsvFormatOptions;
import certus.data.MultiTaskCsvReader;
import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.estimators.FitControl;
import certus.estimators.dualenc.DualEncoderFitter;
import certus.estimators.dualenc.DualEncoderOptions;
import certus.estimators.glm.Family;
import certus.estimators.io.DualEncoderJson;
import certus.estimators.io.TenMtlJson;
import certus.estimators.sim.SimulationDesign;
import certus.estimators.sim.Simulator;
import certus.estimators.tenmtl.TenMtl;
import certus.estimators.tenmtl.TenMtlOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static certus.app.service.TestServer.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8: the job kinds beyond fit and certify (cv, tenmtl, dualenc), data as JSON arrays and as an uploaded file,
 * and paged listing — against a real server on a loopback port.
 */
class JobKindsIntegrationTest {
    @TempDir
    Path dir;

    private TestServer server;

    @AfterEach
    void tearDown() {
        if (server != null) server.close();
    }

    private static final MultiTaskData DATA = Simulator.simulate(new SimulationDesign(12, 2, 40, 0, 3, 2, 0.5, 0.0, null, 5.0, 3)).train();
    private static final String CSV = ServiceIntegrationTest.csv(DATA);

    private static ObjectNode job(String kind) {
        return JSON.createObjectNode().put("kind", kind).put("csv", CSV);
    }

    /** The data as parsed by the CLI's reader (what every job sees). */
    private static MultiTaskData parsed() {
        return new MultiTaskCsvReader(CsvFormatOptions.defaults()).read(new StringReader(CSV), "csv").data();
    }

    @Test
    void cvJobsReturnTheChosenModelWithTheirTable() throws Exception {
        server = TestServer.start(dir);
        ObjectNode job = job("cv");
        job.putObject("params").put("ridge", 0.1).put("folds", 3).set("s", JSON.createArrayNode().add(2).add(3));
        ((ObjectNode) job.get("params")).set("zbar", JSON.createArrayNode().add(0).add(0.05));
        JsonNode r = server.result(server.submit(job.toString()));
        JsonNode rows = r.get("cv").get("rows");
        assertEquals(4, rows.size(), "2 values of s x 2 of zbar");
        assertEquals(3, r.get("cv").get("folds").asInt());
        JsonNode best = null;
        JsonNode chosen = null;
        for (JsonNode row : rows) {
            assertEquals(3, row.get("fold_rmse").size());
            double mean = 0;
            for (JsonNode e : row.get("fold_rmse")) mean += e.asDouble() / 3;
            assertEquals(mean, row.get("mean_rmse").asDouble(), 1e-9, "mean of the folds");
            if (row.get("best").asBoolean()) best = row;
            if (row.get("chosen").asBoolean()) chosen = row;
        }
        assertNotNull(best);
        assertNotNull(chosen);
        for (JsonNode row : rows) assertTrue(best.get("mean_rmse").asDouble() <= row.get("mean_rmse").asDouble(), "best is the argmin");
        assertTrue(chosen.get("mean_rmse").asDouble() <= best.get("mean_rmse").asDouble() + best.get("se_rmse").asDouble() + 1e-12, "1-SE rule");
        assertEquals(chosen.get("s").asInt(), r.get("problem").get("s").asInt(), "the model is the chosen grid point refitted");
        assertEquals(chosen.get("zbar").asDouble(), r.get("problem").get("zbar").asDouble());
        assertEquals(2, r.get("tasks").size());
    }

    @Test
    void tenmtlAndDualencJobsGiveTheLibrarysModel() throws Exception {
        server = TestServer.start(dir);
        ObjectNode t = job("tenmtl").put("seed", 3);
        t.putObject("params").put("task_rank", 2).put("feature_rank", 2).put("lambda", 0.02);
        JsonNode tenmtl = server.result(server.submit(t.toString()));
        TenMtl.Result direct = TenMtl.fit(parsed(), new TenMtlOptions(Family.GAUSSIAN, 2, 2, 0.02, 1e-6, true, TenMtlOptions.Init.LOCAL_HOSVD, 200,
                1e-5, 3, null, 0.0), FitControl.none());
        assertEquals(JSON.readTree(TenMtlJson.write(direct, null)), tenmtl, "the service's TenMTL model is the library's, byte for byte");
        assertEquals("converged", tenmtl.get("termination").get("reason").asText());

        ObjectNode e = job("dualenc").put("seed", 2);
        e.putObject("params").put("epochs", 12).put("hidden", "8").put("lambda_o", 0.05);
        JsonNode dualenc = server.result(server.submit(e.toString()));
        DualEncoderOptions o = DualEncoderOptions.defaults(2).withArchitecture(DualEncoderOptions.Architecture.parse("8"))
                .withPenalties(0.05, 0.1, 0.1).withSchedule(12, DualEncoderOptions.defaults(2).patience(), DualEncoderOptions.defaults(2).encoderSteps(),
                        DualEncoderOptions.defaults(2).proxSteps());
        String expected = DualEncoderJson.write(DualEncoderFitter.fit(parsed(), o, line -> { }, FitControl.none()), parsed().featureNames(), o);
        assertEquals(JSON.readTree(expected), dualenc, "the service's dual-encoder model is the library's");
        assertEquals(12, dualenc.get("validation_losses").size(), dualenc.toString().substring(0, 200));
    }

    @Test
    void dataAsJsonArraysOrAnUploadGivesTheSameFitAsCsvText() throws Exception {
        server = TestServer.start(dir);
        ObjectNode viaCsv = job("fit");
        viaCsv.putObject("params").put("s", 3).put("ridge", 0.1).put("zbar", 0.05);
        ObjectNode viaRows = viaCsv.deepCopy();
        viaRows.remove("csv");
        viaRows.set("data", table());
        ObjectNode viaUpload = viaCsv.deepCopy();
        viaUpload.remove("csv");
        JsonNode a = server.result(server.submit(viaCsv.toString()));
        JsonNode b = server.result(server.submit(viaRows.toString()));
        HttpResponse<String> up = server.sendMultipart("/v1/jobs", Map.of("request", viaUpload.toString()), Map.of("data", new String[]{"train.csv", CSV}));
        assertEquals(202, up.statusCode(), up.body());
        JsonNode c = server.result(JSON.readTree(up.body()).get("id").asText());
        for (JsonNode other : List.of(b, c)) {
            assertEquals(a.get("tasks"), other.get("tasks"), "same coefficients whichever way the data came");
            assertEquals(a.get("objective"), other.get("objective"));
        }
    }

    /** The simulated data as {"columns": [...], "rows": [[task, y, x...], ...]}, numbers as JSON numbers. */
    private static ObjectNode table() {
        ObjectNode data = JSON.createObjectNode();
        ArrayNode columns = data.putArray("columns").add("task").add("y");
        DATA.featureNames().forEach(columns::add);
        ArrayNode rows = data.putArray("rows");
        for (TaskData t : DATA.tasks()) {
            for (int i = 0; i < t.rows(); i++) {
                ArrayNode row = rows.addArray().add(t.label()).add(t.y(i));
                for (double v : t.x().row(i)) row.add(v);
            }
        }
        return data;
    }

    @Test
    void badJsonArraysAndUploadsAre400sNamingTheCell() throws Exception {
        server = TestServer.start(dir);
        ObjectNode base = JSON.createObjectNode().put("kind", "fit");
        base.putObject("params").put("s", 1);
        assertBad(withData(base, "{\"columns\": [\"task\", \"y\", \"x1\"], \"rows\": [[\"a\", 1, 2], [\"a\", 1]]}"), "'data.rows[1]' has 2 values");
        assertBad(withData(base, "{\"columns\": [\"task\", \"y\", \"x1\"], \"rows\": [[\"a\", 1, 2], [\"a\", 1, \"big\"]]}"),
                "'data.rows[1][2]' (column 'x1') must be a number");
        assertBad(withData(base, "{\"columns\": [\"task\", \"y\", \"x1\"], \"rows\": [[\"a\", null, 2]]}"), "'data.rows[0][1]' (column 'y') is null");
        assertBad(withData(base, "{\"columns\": [\"task\", \"y\", \"x1\"], \"rows\": [[true, 1, 2]]}"), "must be a task label");
        assertBad(server.send("POST", "/v1/jobs", base.deepCopy().put("csv", "task,y,x1\na,1,2\n").set("data", JSON.createObjectNode()).toString()),
                400, "give the data once");
        assertBad(server.sendMultipart("/v1/jobs", Map.of("request", base.toString()), Map.of("data", new String[]{"train.csv", "task,y,x1\na,1,2\na,NaN,3\n"})),
                400, "upload 'train.csv' line 3");
        assertBad(server.sendMultipart("/v1/jobs", Map.of("request", base.toString()), Map.of()), 400, "without a 'data' file part");
        assertBad(server.sendMultipart("/v1/jobs", Map.of("request", base.deepCopy().put("csv", "task,y,x1\n").toString()),
                Map.of("data", new String[]{"train.csv", CSV})), 400, "must not also carry");
        assertBad(server.send("POST", "/v1/jobs", job("tenmtl").set("params", JSON.createObjectNode().put("family", "poisson")).toString()), 400,
                "'params.family' must be gaussian or binomial");
        assertBad(server.send("POST", "/v1/jobs", job("fit").put("method", "bnb").set("params", JSON.createObjectNode().put("s", 2)).toString()),
                400, "certify jobs only");
        assertBad(server.send("POST", "/v1/jobs", job("cv").set("params", JSON.createObjectNode().put("s", 2).put("folds", 41)).toString()), 400,
                "fewer than the 41 folds");
        assertBad(server.send("POST", "/v1/jobs", job("dualenc").set("params", JSON.createObjectNode().put("hidden", "wide")).toString()), 400,
                "'params.hidden'");
        assertEquals(0, JSON.readTree(server.send("GET", "/v1/jobs", null).body()).get("jobs").size(), "nothing bad was stored");
    }

    private HttpResponse<String> withData(ObjectNode base, String data) throws Exception {
        return server.send("POST", "/v1/jobs", base.deepCopy().set("data", JSON.readTree(data)).toString());
    }

    private static void assertBad(HttpResponse<String> r, String fragment) throws Exception {
        assertBad(r, 400, fragment);
    }

    private static void assertBad(HttpResponse<String> r, int status, String fragment) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        String message = JSON.readTree(r.body()).get("error").asText();
        assertTrue(message.contains(fragment), "'" + message + "' should mention '" + fragment + "'");
    }

    @Test
    void listingPagesThroughJobsInSubmissionOrder() throws Exception {
        server = TestServer.start(dir);
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ObjectNode j = job("fit").put("seed", i + 1);
            j.putObject("params").put("s", 2).put("ridge", 0.1);
            submitted.add(server.submit(j.toString()));
        }
        List<String> seen = new ArrayList<>();
        String after = "0";
        int pages = 0;
        while (after != null) {
            JsonNode page = JSON.readTree(server.send("GET", "/v1/jobs?limit=2&after=" + after, null).body());
            page.get("jobs").forEach(j -> seen.add(j.get("id").asText()));
            after = page.get("next_after").isNull() ? null : page.get("next_after").asText();
            pages++;
        }
        assertEquals(submitted, seen, "every job once, in submission order");
        assertEquals(3, pages);
        assertEquals(5, JSON.readTree(server.send("GET", "/v1/jobs?kind=fit", null).body()).get("jobs").size());
        assertEquals(0, JSON.readTree(server.send("GET", "/v1/jobs?kind=certify", null).body()).get("jobs").size());
        for (String id : submitted) server.waitFor(id);
        Set<String> succeeded = new HashSet<>();
        JSON.readTree(server.send("GET", "/v1/jobs?state=succeeded", null).body()).get("jobs").forEach(j -> succeeded.add(j.get("id").asText()));
        assertEquals(new HashSet<>(submitted), succeeded);
        assertBad(server.send("GET", "/v1/jobs?state=done", null), "query 'state' must be one of");
        assertBad(server.send("GET", "/v1/jobs?limit=0", null), "query 'limit' must be an integer in [1, 1000]");
    }
}
