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
 * directory: every submitted job is there and completes — none lost.
 */
class KillRestartFaultTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dir;

    private record Server(Process process, String base) {}

    private Server startServer() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "certus.app.cli.CertusCli", "serve",
                "--port", "0", "--workers", "1", "--data-dir", dir.resolve("data").toString()).redirectErrorStream(true);
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

    @Test
    void sigkillMidRunLosesNoJob() throws Exception {
        String csv = ServiceIntegrationTest.csv(Simulator.simulate(new SimulationDesign(60, 3, 80, 0, 5, 3, 0.5, 0.0, null, 5.0, 2)).train());
        Server first = startServer();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ObjectNode job = JSON.createObjectNode().put("kind", i % 2 == 0 ? "certify" : "fit").put("csv", csv).put("seed", i + 1);
            job.putObject("params").put("s", 5).put("ridge", 0.05).put("zbar", 0.02);
            ids.add(call("POST", first.base() + "/v1/jobs", job.toString()).get("id").asText());
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!call("GET", first.base() + "/v1/jobs/" + ids.get(0), null).get("state").asText().equals("RUNNING")) {
            assertTrue(System.nanoTime() < deadline, "the first job never started");
            Thread.sleep(10);
        }
        first.process().destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        assertTrue(first.process().waitFor(10, TimeUnit.SECONDS));

        Server second = startServer();
        try {
            JsonNode list = call("GET", second.base() + "/v1/jobs", null);
            assertEquals(4, list.size(), "every submitted job is still there: " + list);
            for (String id : ids) {
                JsonNode s;
                long until = System.nanoTime() + 120_000_000_000L;
                do {
                    s = call("GET", second.base() + "/v1/jobs/" + id, null);
                    if (s.get("state").asText().equals("QUEUED") || s.get("state").asText().equals("RUNNING")) Thread.sleep(50);
                    else break;
                } while (System.nanoTime() < until);
                assertEquals("SUCCEEDED", s.get("state").asText(), s.toString());
                JsonNode result = call("GET", second.base() + "/v1/jobs/" + id + "/result", null);
                assertEquals(s.get("kind").asText().equals("certify") ? "optimal" : "feasible", result.get("status").asText());
            }
        } finally {
            second.process().destroy(); // SIGTERM: graceful stop
            second.process().waitFor(20, TimeUnit.SECONDS);
            second.process().destroyForcibly();
        }
    }
}
