package certus.app.cli;

import certus.app.service.HttpApi;
import certus.app.service.JobService;
import certus.app.service.JobStore;
import io.javalin.Javalin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code certus serve}: the HTTP solver service. Jobs persist in DIR/jobs.mv.db; on start, jobs left queued or running
 * by a previous process are queued again. Ctrl-C (SIGTERM) stops gracefully: no new jobs, running certify jobs are
 * stopped at their next checkpoint and stay in the store to be re-run at the next start.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the HTTP solver service (API: /v1/openapi.json).")
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDR", description = "Address to bind (default: ${DEFAULT-VALUE}); a non-loopback address needs --token-file.")
    String host;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "N", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--workers", defaultValue = "1", paramLabel = "N", description = "Jobs run at the same time (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--queue", defaultValue = "100", paramLabel = "Q", description = "Jobs allowed to wait; beyond that, 429 (default: ${DEFAULT-VALUE}).")
    int queue;

    @Option(names = "--data-dir", defaultValue = "certus-data", paramLabel = "DIR", description = "Where jobs are stored (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--token-file", paramLabel = "F", description = "File holding the bearer token clients must send (required off loopback).")
    Path tokenFile;

    @Option(names = "--max-body", defaultValue = "16777216", paramLabel = "BYTES", description = "Largest request body (default: ${DEFAULT-VALUE}, 16 MiB).")
    long maxBody;

    @Option(names = "--max-cells", defaultValue = "20000000", paramLabel = "N", description = "Largest rows x features of one job; beyond, 413 (default: ${DEFAULT-VALUE}).")
    long maxCells;

    @Option(names = "--max-time-limit", defaultValue = "3600", paramLabel = "SEC", description = "Cap (and default) of a job's time limit (default: ${DEFAULT-VALUE}).")
    double maxTimeLimit;

    @Option(names = "--rerun-interrupted", description = "After a crash, re-run every job that was running, instead of ending a certify job "
            + "that has a checkpoint as INTERRUPTED with it (other jobs are always re-run).")
    boolean rerunInterrupted;

    @Override
    public Integer call() throws Exception {
        String token = token();
        if (token == null && !InetAddress.getByName(host).isLoopbackAddress()) {
            throw new ExitCodes.UsageException("binding " + host + " (not loopback) requires --token-file with a bearer token");
        }
        if (workers < 1 || queue < 1 || maxBody < 1 || maxCells < 1 || !(maxTimeLimit > 0)) {
            throw new ExitCodes.UsageException("--workers, --queue, --max-body, --max-cells and --max-time-limit must be positive");
        }
        JobStore store = JobStore.open(dataDir);
        JobService jobs = new JobService(store, workers, queue, maxTimeLimit, maxCells, rerunInterrupted);
        Javalin app = HttpApi.create(jobs, host, port, token, maxBody).start();
        var err = spec.commandLine().getErr();
        JobStore.Recovery recovered = jobs.recovery();
        if (recovered.requeued() + recovered.interrupted() > 0 || !recovered.queued().isEmpty()) {
            err.printf("certus serve: from the previous run: %d job(s) queued (%d of them re-queued after running), %d ended INTERRUPTED with "
                    + "their checkpoint%n", recovered.queued().size(), recovered.requeued(), recovered.interrupted());
        }
        err.printf("certus serve: listening on http://%s:%d (workers %d, queue %d, data %s)%n", host, app.port(), workers, queue, dataDir.toAbsolutePath());
        err.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            jobs.close();
            store.close();
            stopped.countDown();
        }, "certus-serve-stop"));
        stopped.await();
        return ExitCodes.OK;
    }

    private String token() throws IOException {
        if (tokenFile == null) return null;
        if (!Files.isRegularFile(tokenFile)) throw new ExitCodes.UsageException("token file " + tokenFile + " does not exist");
        String t = Files.readString(tokenFile).trim();
        if (t.isEmpty()) throw new ExitCodes.UsageException("token file " + tokenFile + " is empty");
        return t;
    }
}
