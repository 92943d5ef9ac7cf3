package certus.app.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** A real service on a free loopback port with a real HTTP client, for the integration tests. */
final class TestServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final JobStore store;
    final JobService jobs;
    final Javalin app;
    final String base;
    private final String token;

    TestServer(Path dataDir, String token, long maxBody, int queue, long maxCells, boolean rerunInterrupted) {
        this.token = token;
        store = JobStore.open(dataDir);
        jobs = new JobService(store, 1, queue, 60, maxCells, rerunInterrupted);
        app = HttpApi.create(jobs, "127.0.0.1", 0, token, maxBody).start();
        base = "http://127.0.0.1:" + app.port();
    }

    static TestServer start(Path dataDir) {
        return new TestServer(dataDir, null, 1 << 20, 10, JobService.DEFAULT_MAX_CELLS, false);
    }

    HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) b.header("Authorization", "Bearer " + token);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) b.header("Content-Type", "application/json");
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POST as multipart/form-data: text fields as given, and files as (name -> {filename, content}). */
    HttpResponse<String> sendMultipart(String path, Map<String, String> fields, Map<String, String[]> files) throws Exception {
        String boundary = "certus-test-boundary-7d3f";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (var f : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n" + f.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        for (var f : files.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"; filename=\"" + f.getValue()[0]
                    + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(f.getValue()[1].getBytes(StandardCharsets.UTF_8));
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Submits a job; fails unless it is accepted (202). */
    String submit(String body) throws Exception {
        HttpResponse<String> r = send("POST", "/v1/jobs", body);
        if (r.statusCode() != 202) throw new AssertionError("submission refused: " + r.statusCode() + " " + r.body());
        return JSON.readTree(r.body()).get("id").asText();
    }

    /** Polls until the job ends (60 s at most); returns its last status. */
    JsonNode waitFor(String id) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode s = JSON.readTree(send("GET", "/v1/jobs/" + id, null).body());
            String state = s.get("state").asText();
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) return s;
            Thread.sleep(50);
        }
        throw new AssertionError("job " + id + " did not finish in 60 s");
    }

    /** The result of a job that must have succeeded. */
    JsonNode result(String id) throws Exception {
        JsonNode s = waitFor(id);
        if (!s.get("state").asText().equals("SUCCEEDED")) throw new AssertionError("job ended " + s);
        return JSON.readTree(send("GET", "/v1/jobs/" + id + "/result", null).body());
    }

    @Override
    public void close() {
        app.stop();
        jobs.close();
        store.close();
    }
}
