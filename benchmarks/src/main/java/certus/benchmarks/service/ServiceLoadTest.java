package certus.benchmarks.service;

import certus.app.service.HttpApi;
import certus.app.service.JobService;
import certus.app.service.JobStore;
import certus.data.CsvFormatOptions;
import certus.data.MultiTaskCsvReader;
import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.estimators.Smtl;
import certus.estimators.sim.SimulationDesign;
import certus.estimators.sim.Simulator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Issue 8, point 3: a bounded load test on loopback. A real server (in this JVM, its own data dir) and JOBS small fit
 * jobs from CLIENTS concurrent clients, each submitting, polling every 5 ms and fetching its result; every result is
 * checked against a direct fit of the same data and seed (same objective to the last bit). Prints throughput and
 * p50/p99 latency (submit to result). Stops by itself.
 *
 * <p>Usage: {@code java -cp benchmarks.jar certus.benchmarks.service.ServiceLoadTest [JOBS [CLIENTS [WORKERS]]]}
 */
public final class ServiceLoadTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ServiceLoadTest() {}

    public static void main(String[] args) throws Exception {
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Path dir = Files.createTempDirectory("certus-load");
        List<String> csvs = new ArrayList<>();
        List<Double> expected = new ArrayList<>();
        for (int d = 0; d < 10; d++) { // ten distinct data sets, cycled
            MultiTaskData data = Simulator.simulate(new SimulationDesign(10, 2, 30, 0, 3, 2, 0.5, 0.0, null, 5.0, d + 1)).train();
            String csv = csv(data);
            csvs.add(csv);
            MultiTaskData parsed = new MultiTaskCsvReader(CsvFormatOptions.defaults()).read(new StringReader(csv), "csv").data();
            expected.add(Smtl.builder().s(3).ridge(0.1).zbar(0.05).seed(1).timeLimitSeconds(60).build().fit(parsed).objective());
        }
        try (JobStore store = JobStore.open(dir); JobService service = new JobService(store, workers, jobs, 60)) {
            Javalin app = HttpApi.create(service, "127.0.0.1", 0, null, 1 << 20).start();
            String base = "http://127.0.0.1:" + app.port();
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            long t0 = System.nanoTime();
            List<Future<double[]>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int first = c;
                results.add(pool.submit(() -> {
                    List<Double> latencies = new ArrayList<>();
                    int wrong = 0;
                    for (int j = first; j < jobs; j += clients) {
                        int dataset = j % csvs.size();
                        ObjectNode body = JSON.createObjectNode().put("kind", "fit").put("csv", csvs.get(dataset)).put("seed", 1);
                        body.putObject("params").put("s", 3).put("ridge", 0.1).put("zbar", 0.05);
                        long start = System.nanoTime();
                        String id = JSON.readTree(send(client, "POST", base + "/v1/jobs", body.toString())).get("id").asText();
                        String state;
                        do {
                            Thread.sleep(5);
                            state = JSON.readTree(send(client, "GET", base + "/v1/jobs/" + id, null)).get("state").asText();
                        } while (state.equals("QUEUED") || state.equals("RUNNING"));
                        JsonNode result = JSON.readTree(send(client, "GET", base + "/v1/jobs/" + id + "/result", null));
                        latencies.add((System.nanoTime() - start) / 1e6);
                        if (!state.equals("SUCCEEDED") || result.get("objective").asDouble() != expected.get(dataset)) wrong++;
                    }
                    double[] out = new double[latencies.size() + 1];
                    out[0] = wrong;
                    for (int i = 0; i < latencies.size(); i++) out[i + 1] = latencies.get(i);
                    return out;
                }));
            }
            List<Double> all = new ArrayList<>();
            int wrong = 0;
            for (Future<double[]> f : results) {
                double[] r = f.get();
                wrong += (int) r[0];
                for (int i = 1; i < r.length; i++) all.add(r[i]);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            pool.shutdown();
            app.stop();
            double[] lat = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "%d fit jobs (K=2, p=10, n=30, s=3) from %d clients, %d workers: %.1f s, %.1f jobs/s, latency p50 %.0f ms, p99 %.0f ms, max %.0f ms; %d wrong or failed%n",
                    lat.length, clients, workers, seconds, lat.length / seconds, pct(lat, 0.5), pct(lat, 0.99), lat[lat.length - 1], wrong);
            if (lat.length != jobs || wrong != 0) System.exit(1);
        }
    }

    private static double pct(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static String send(HttpClient client, String method, String url, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) throw new IllegalStateException(method + " " + url + ": " + r.statusCode() + " " + r.body());
        return r.body();
    }

    private static String csv(MultiTaskData d) {
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
}
