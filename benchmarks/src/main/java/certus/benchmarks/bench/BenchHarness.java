package certus.benchmarks.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs a design: skips instances {@code OUT/results.csv} already holds for every requested method (resuming), runs
 * the rest on a bounded pool (each instance's methods one after another, so a method's time is not shared with the
 * other methods of its instance), rewrites {@code results.csv} atomically after each finished instance and reports
 * progress with an ETA. Rows of instances that are not complete (an interrupted run) are dropped and re-run.
 */
public final class BenchHarness {
    public static final String RESULTS = "results.csv";

    private BenchHarness() {}

    /** The outcome: every row now in results.csv, and how many instances this call ran and skipped. */
    public record Run(List<ResultRow> rows, int ran, int skipped) {}

    public static Run run(BenchDesign design, Path out, int threads, Consumer<String> progress) throws InterruptedException {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        try {
            java.nio.file.Files.createDirectories(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create the output directory " + out + ": " + e.getMessage(), e);
        }
        Path file = out.resolve(RESULTS);
        List<BenchMethod> methods = design.methods().stream().map(BenchMethod::parse).toList();
        List<String> methodNames = methods.stream().map(BenchMethod::name).toList();
        List<BenchInstance> instances = design.instances();

        Map<String, List<ResultRow>> done = new LinkedHashMap<>(); // instance id -> its rows, complete instances only
        Map<String, List<ResultRow>> previous = new HashMap<>();
        for (ResultRow r : ResultsFile.read(file)) previous.computeIfAbsent(r.instance(), k -> new ArrayList<>()).add(r);
        previous.forEach((id, rows) -> {
            Set<String> have = new HashSet<>();
            for (ResultRow r : rows) have.add(r.method());
            if (have.containsAll(methodNames)) done.put(id, rows);
        });
        List<BenchInstance> todo = new ArrayList<>();
        for (BenchInstance i : instances) if (!done.containsKey(i.id())) todo.add(i);
        int skipped = instances.size() - todo.size();
        progress.accept(String.format(Locale.ROOT, "bench: %d instances x %d methods; %d already in %s, %d to run on %d thread(s)",
                instances.size(), methods.size(), skipped, file, todo.size(), threads));

        InstanceRunner runner = new InstanceRunner(methods, design.timeLimit());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        int[] finished = {0};
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (BenchInstance i : todo) {
                futures.add(pool.submit(() -> {
                    List<ResultRow> rows = runner.run(i);
                    synchronized (done) {
                        done.put(i.id(), rows);
                        ResultsFile.write(file, ordered(done, instances));
                        finished[0]++;
                        progress.accept(line(finished[0], todo.size(), t0, i, rows));
                    }
                }));
            }
            for (Future<?> f : futures) f.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("benchmark instance failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<ResultRow> all = ordered(done, instances);
        ResultsFile.write(file, all);
        return new Run(all, todo.size(), skipped);
    }

    /** Rows of the design's instances in design order (rows of instances no longer in the design are kept at the end). */
    private static List<ResultRow> ordered(Map<String, List<ResultRow>> done, List<BenchInstance> instances) {
        List<ResultRow> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (BenchInstance i : instances) {
            List<ResultRow> rows = done.get(i.id());
            if (rows != null) out.addAll(rows);
            seen.add(i.id());
        }
        done.forEach((id, rows) -> { if (!seen.contains(id)) out.addAll(rows); });
        return out;
    }

    /** "[3/12] 25% 0:41 elapsed, ETA 2:03 | id | iht 0.02s +1.3e-03 | exact:bnb optimal 0.4s". */
    private static String line(int finished, int total, long t0, BenchInstance i, List<ResultRow> rows) {
        double elapsed = (System.nanoTime() - t0) / 1e9;
        double eta = elapsed / finished * (total - finished);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "[%d/%d] %3.0f%% %s elapsed, ETA %s | %s", finished, total,
                100.0 * finished / total, clock(elapsed), clock(eta), i.id()));
        for (ResultRow r : rows) {
            sb.append(String.format(Locale.ROOT, " | %s %s %.2fs", r.method(), r.status(), r.seconds()));
            if (!Double.isNaN(r.suboptimality())) sb.append(String.format(Locale.ROOT, " subopt %.1e", r.suboptimality()));
        }
        return sb.toString();
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
