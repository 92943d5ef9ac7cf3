package certus.app.service;

import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.estimators.sim.SimulationDesign;
import certus.estimators.sim.Simulator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real server on a loopback port, a real HTTP client: submit, poll, result, cancel, bad input, auth, restart. */
class ServiceIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    private JobStore store;
    private JobService jobs;
    private Javalin app;
    private String base;

    private void start(String token, long maxBody, int queue) {
        start(token, maxBody, queue, JobService.DEFAULT_MAX_CELLS);
    }

    private void start(String token, long maxBody, int queue, long maxCells) {
        store = JobStore.open(dir.resolve("data"));
        jobs = new JobService(store, 1, queue, 60, maxCells, true);
        app = HttpApi.create(jobs, "127.0.0.1", 0, token, maxBody).start();
        base = "http://127.0.0.1:" + app.port();
    }

    private void stop() {
        if (app != null) app.stop();
        if (jobs != null) jobs.close();
        if (store != null) store.close();
        app = null;
        jobs = null;
        store = null;
    }

    @AfterEach
    void tearDown() {
        stop();
    }

    static String csv(MultiTaskData d) {
        StringBuilder sb = new StringBuilder("task,y");
        for (String f : d.featureNames()) sb.append(',').append(f);
        sb.append('\n');
        for (TaskData t : d.tasks()) {
            for (int i = 0; i < t.rows(); i++) {
                sb.append(t.label()).append(',').append(t.y(i));
                for (double v : t.x().row(i)) sb.append(',').append(v);
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static String small() {
        return csv(Simulator.simulate(new SimulationDesign(12, 2, 40, 0, 3, 2, 0.5, 0.0, null, 5.0, 3)).train());
    }

    private static ObjectNode job(String kind, String csv, int s) {
        ObjectNode n = JSON.createObjectNode().put("kind", kind).put("csv", csv);
        n.putObject("params").put("s", s).put("ridge", 0.1).put("zbar", 0.05);
        return n;
    }

    private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) b.header("Authorization", "Bearer " + token);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) b.header("Content-Type", "application/json");
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode waitFor(String id, String token) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode s = JSON.readTree(send("GET", "/v1/jobs/" + id, null, token).body());
            if (!s.get("state").asText().equals("QUEUED") && !s.get("state").asText().equals("RUNNING")) return s;
            Thread.sleep(50);
        }
        throw new AssertionError("job " + id + " did not finish in 60 s");
    }

    @Test
    void fitAndCertifyRoundTripsGiveTheClisJson() throws Exception {
        start(null, 1 << 20, 10);
        assertEquals(200, send("GET", "/v1/health", null, null).statusCode());
        String data = small();
        for (String kind : new String[]{"fit", "certify"}) {
            HttpResponse<String> r = send("POST", "/v1/jobs", job(kind, data, 3).toString(), null);
            assertEquals(202, r.statusCode(), r.body());
            String id = JSON.readTree(r.body()).get("id").asText();
            JsonNode status = waitFor(id, null);
            assertEquals("SUCCEEDED", status.get("state").asText(), status.toString());
            HttpResponse<String> result = send("GET", "/v1/jobs/" + id + "/result", null, null);
            assertEquals(200, result.statusCode());
            JsonNode res = JSON.readTree(result.body());
            assertEquals(kind.equals("fit") ? "feasible" : "optimal", res.get("status").asText(), result.body());
            assertEquals(2, res.get("tasks").size());
            assertEquals(3, res.get("problem").get("s").asInt());
            if (kind.equals("certify")) assertTrue(res.has("certificate"), result.body());
        }
        JsonNode list = JSON.readTree(send("GET", "/v1/jobs", null, null).body()).get("jobs");
        assertEquals(2, list.size());
        assertEquals(200, send("GET", "/v1/openapi.json", null, null).statusCode());
    }

    @Test
    void badInputsAre4xxWithClearMessages() throws Exception {
        start(null, 4096, 10);
        String data = small().substring(0, 1500); // small enough for the 4 KiB limit, rows cut: still valid CSV lines
        data = data.substring(0, data.lastIndexOf('\n') + 1);
        assertBad(send("POST", "/v1/jobs", "{not json", null), 400, "malformed JSON");
        assertBad(send("POST", "/v1/jobs", job("fit", data, 3).put("time_limit", "soon").toString(), null), 400, "'time_limit' must be a number");
        assertBad(send("POST", "/v1/jobs", job("predict", data, 3).toString(), null), 400, "'kind' must be one of");
        assertBad(send("POST", "/v1/jobs", job("fit", data, 13).toString(), null), 400, "exceeds the number of features p=12");
        assertBad(send("POST", "/v1/jobs", job("fit", "task,y,x1\na,1,2\na,1,NaN\n", 1).toString(), null), 400, "NaN");
        assertBad(send("POST", "/v1/jobs", job("fit", data, 3).put("extra", 1).toString(), null), 400, "unknown field 'extra'");
        assertBad(send("POST", "/v1/jobs", job("fit", "x".repeat(5000), 3).toString(), null), 413, "exceeds the limit");
        assertBad(send("GET", "/v1/jobs/nope", null, null), 404, "no job 'nope'");
        assertEquals(0, JSON.readTree(send("GET", "/v1/jobs", null, null).body()).get("jobs").size(), "no bad submission was stored");
    }

    @Test
    void problemsOverTheSizeCapAre413() throws Exception {
        start(null, 1 << 20, 10, 100); // 2 tasks x 40 rows x 12 features = 960 values > 100
        assertBad(send("POST", "/v1/jobs", job("fit", small(), 3).toString(), null), 413, "at most 100");
    }

    @Test
    void aTokenIsRequiredWhenConfigured() throws Exception {
        start("s3cret", 1 << 20, 10);
        assertBad(send("GET", "/v1/jobs", null, null), 401, "bearer token");
        assertBad(send("GET", "/v1/jobs", null, "wrong"), 401, "bearer token");
        assertEquals(200, send("GET", "/v1/jobs", null, "s3cret").statusCode());
        assertEquals(200, send("GET", "/v1/health", null, null).statusCode(), "health stays open for probes");
    }

    @Test
    void cancellingAQueuedJobEndsItAndAFullQueueIs429() throws Exception {
        start(null, 1 << 20, 1);
        String big = csv(Simulator.simulate(new SimulationDesign(150, 3, 100, 0, 10, 3, 0.5, 0.0, null, 5.0, 1)).train());
        // the worker takes the first job; the second waits in the queue (limit 1); a third is refused
        String first = JSON.readTree(send("POST", "/v1/jobs", job("certify", big, 10).put("time_limit", 30).toString(), null).body()).get("id").asText();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!JSON.readTree(send("GET", "/v1/jobs/" + first, null, null).body()).get("state").asText().equals("RUNNING")) {
            assertTrue(System.nanoTime() < deadline, "first job never started");
            Thread.sleep(20);
        }
        String second = JSON.readTree(send("POST", "/v1/jobs", job("fit", big, 5).toString(), null).body()).get("id").asText();
        HttpResponse<String> full = send("POST", "/v1/jobs", job("fit", big, 5).toString(), null);
        assertEquals(429, full.statusCode(), full.body());
        assertTrue(full.headers().firstValue("Retry-After").isPresent());
        assertEquals("CANCELLED", JSON.readTree(send("DELETE", "/v1/jobs/" + second, null, null).body()).get("state").asText());
        // cancelling the running certify keeps its best certificate so far
        send("DELETE", "/v1/jobs/" + first, null, null);
        JsonNode s = waitFor(first, null);
        assertEquals("CANCELLED", s.get("state").asText(), s.toString());
        assertEquals(409, send("DELETE", "/v1/jobs/" + first, null, null).statusCode(), "already ended");
    }

    @Test
    void jobsSurviveARestartOfTheServer() throws Exception {
        start(null, 1 << 20, 10);
        String data = small();
        // stop the service before the worker can finish both: whatever is left is re-queued by the next start
        String a = JSON.readTree(send("POST", "/v1/jobs", job("fit", data, 3).toString(), null).body()).get("id").asText();
        String b = JSON.readTree(send("POST", "/v1/jobs", job("certify", data, 3).toString(), null).body()).get("id").asText();
        stop();
        start(null, 1 << 20, 10);
        for (String id : new String[]{a, b}) assertEquals("SUCCEEDED", waitFor(id, null).get("state").asText());
    }

    private static void assertBad(HttpResponse<String> r, int status, String fragment) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        String message = JSON.readTree(r.body()).get("error").asText();
        assertTrue(message.contains(fragment), "'" + message + "' should mention '" + fragment + "'");
    }
}
