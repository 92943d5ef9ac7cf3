package certus.app.service;

import certus.estimators.sim.SimulationDesign;
import certus.estimators.sim.Simulator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8, point 2: the server as a separate process, killed with SIGKILL while a job runs, restarted on the same data
 * directory: every submitted job is there and completes, or is reported interrupted with its saved state — none lost.
 */
class KillRestartFaultTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dir;

    private record Server(Process process, String base) {}

    private Server startServer(String... extra) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), "certus.app.cli.CertusCli", "serve",
                "--port", "0", "--workers", "1", "--data-dir", dir.resolve("data").toString()));
        command.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + 60_000_000_000L;
        String line;
        while ((line = out.readLine()) != null) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> { try { while (out.readLine() != null) { } } catch (Exception ignored) { } });
                drain.setDaemon(true);
                drain.start();
                return new Server(p, "http://127.0.0.1:" + m.group(1));
            }
            if (System.nanoTime() > deadline) break;
        }
        p.destroyForcibly();
        throw new AssertionError("the server did not report its port");
    }

    private static JsonNode call(String method, String url, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() < 300, r.statusCode() + " " + r.body());
        return JSON.readTree(r.body());
    }

    private static void waitUntil(Server server, String id, String what, java.util.function.Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        JsonNode s;
        while (!condition.test(s = call("GET", server.base() + "/v1/jobs/" + id, null))) {
            assertTrue(System.nanoTime() < deadline, what + " never happened: " + s);
            Thread.sleep(10);
        }
    }

    private static JsonNode waitForEnd(Server server, String id) throws Exception {
        JsonNode s;
        long until = System.nanoTime() + 120_000_000_000L;
        do {
            s = call("GET", server.base() + "/v1/jobs/" + id, null);
            if (s.get("state").asText().equals("QUEUED") || s.get("state").asText().equals("RUNNING")) Thread.sleep(50);
            else break;
        } while (System.nanoTime() < until);
        return s;
    }

    private static void kill(Server server) throws Exception {
        server.process().destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        assertTrue(server.process().waitFor(10, TimeUnit.SECONDS));
    }

    private static void stop(Server server) throws Exception {
        server.process().destroy(); // SIGTERM: graceful stop
        server.process().waitFor(20, TimeUnit.SECONDS);
        server.process().destroyForcibly();
    }

    private static List<String> submitSmallJobs(Server server, String csv, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode job = JSON.createObjectNode().put("kind", i % 2 == 0 ? "certify" : "fit").put("csv", csv).put("seed", i + 1);
            job.putObject("params").put("s", 5).put("ridge", 0.05).put("zbar", 0.02);
            ids.add(call("POST", server.base() + "/v1/jobs", job.toString()).get("id").asText());
        }
        return ids;
    }

    private static void assertSucceeded(Server server, String id) throws Exception {
        JsonNode s = waitForEnd(server, id);
        assertEquals("SUCCEEDED", s.get("state").asText(), s.toString());
        JsonNode result = call("GET", server.base() + "/v1/jobs/" + id + "/result", null);
        assertEquals(s.get("kind").asText().equals("certify") ? "optimal" : "feasible", result.get("status").asText());
    }

    /** A job killed before its first checkpoint, and with --rerun-interrupted every killed job, runs again to its end. */
    @Test
    void sigkillMidRunLosesNoJob() throws Exception {
        String csv = ServiceIntegrationTest.csv(Simulator.simulate(new SimulationDesign(60, 3, 80, 0, 5, 3, 0.5, 0.0, null, 5.0, 2)).train());
        Server first = startServer();
        List<String> ids = submitSmallJobs(first, csv, 4);
        waitUntil(first, ids.get(0), "the first job starting", s -> s.get("state").asText().equals("RUNNING"));
        kill(first);

        Server second = startServer("--rerun-interrupted");
        try {
            JsonNode list = call("GET", second.base() + "/v1/jobs", null).get("jobs");
            assertEquals(4, list.size(), "every submitted job is still there: " + list);
            for (String id : ids) assertSucceeded(second, id);
        } finally {
            stop(second);
        }
    }

    /**
     * A long certify job killed after its checkpoint is reported INTERRUPTED with that saved state — a certificate
     * that passes independent verification, never "optimal" — and every job queued behind it completes.
     */
    @Test
    void sigkillAfterACheckpointReportsTheJobInterruptedWithItsSavedState() throws Exception {
        String csv = ServiceIntegrationTest.csv(Simulator.simulate(new SimulationDesign(60, 3, 80, 0, 5, 3, 0.5, 0.0, null, 5.0, 2)).train());
        Server first = startServer();
        String hard = call("POST", first.base() + "/v1/jobs", CheckpointTest.hardJob(100).toString()).get("id").asText();
        List<String> queued = submitSmallJobs(first, csv, 3);
        waitUntil(first, hard, "a checkpoint with a bound", s -> s.get("has_checkpoint").asBoolean() && s.path("progress").path("bound").isNumber());
        Thread.sleep(2500); // past the checkpoint interval, so the saved bound is the proven one, not just the warm start's
        kill(first);

        Server second = startServer();
        try {
            JsonNode s = call("GET", second.base() + "/v1/jobs/" + hard, null);
            assertEquals("INTERRUPTED", s.get("state").asText(), s.toString());
            HttpResponse<String> result = CLIENT.send(HttpRequest.newBuilder(URI.create(second.base() + "/v1/jobs/" + hard + "/result")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, result.statusCode());
            var c = CheckpointTest.verified(result.body(), CheckpointTest.hardCsv());
            assertEquals("feasible", c.status().jsonName());
            assertTrue(Double.isFinite(c.bound()), "the saved state carries the bound proven before the kill");
            for (String id : queued) assertSucceeded(second, id);
        } finally {
            stop(second);
        }
    }
}
