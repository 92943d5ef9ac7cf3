package certus.app.service;

import certus.solver.CancellationToken;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The job queue: submissions are stored first (so they survive a crash), then handed to a fixed pool of workers in
 * submission order. The queue is bounded (429 when full). Cancelling a queued job ends it at once; a running certify
 * or fit job is interrupted through its token and its best result so far is kept with state CANCELLED.
 */
public final class JobService implements AutoCloseable {
    /** Progress is written to the store at most this often per job. */
    static final long PROGRESS_INTERVAL_MILLIS = 500;
    /** Default cap on rows x features of one job (20 million values: ~160 MB of doubles per copy). */
    public static final long DEFAULT_MAX_CELLS = 20_000_000L;

    private final JobStore store;
    private final int queueLimit;
    private final double maxTimeLimit;
    private final long maxCells;
    private final ExecutorService workers;
    /** Solver threads per certify job: the cores shared by the job workers, so concurrent jobs do not oversubscribe. */
    private final int threadsPerJob;
    private final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private final Map<String, CancellationToken> running = new ConcurrentHashMap<>();
    private final java.util.Set<String> cancelledByUser = ConcurrentHashMap.newKeySet();
    private volatile boolean accepting = true;
    private final JobStore.Recovery recovery;

    public JobService(JobStore store, int workerCount, int queueLimit, double maxTimeLimit) {
        this(store, workerCount, queueLimit, maxTimeLimit, DEFAULT_MAX_CELLS);
    }

    /** @param maxCells largest rows x features a job may have (413 beyond) */
    public JobService(JobStore store, int workerCount, int queueLimit, double maxTimeLimit, long maxCells) {
        this(store, workerCount, queueLimit, maxTimeLimit, maxCells, false);
    }

    /**
     * @param maxCells         largest rows x features a job may have (413 beyond)
     * @param rerunInterrupted after a restart, re-run every job that was running instead of reporting a certify job
     *                         that has a checkpoint as INTERRUPTED with it
     */
    public JobService(JobStore store, int workerCount, int queueLimit, double maxTimeLimit, long maxCells, boolean rerunInterrupted) {
        if (workerCount < 1 || queueLimit < 1 || !(maxTimeLimit > 0) || maxCells < 1) {
            throw new IllegalArgumentException("workers, queue, time limit and size cap must be positive");
        }
        this.maxCells = maxCells;
        this.store = store;
        this.queueLimit = queueLimit;
        this.maxTimeLimit = maxTimeLimit;
        this.threadsPerJob = Math.max(1, Runtime.getRuntime().availableProcessors() / workerCount);
        this.workers = Executors.newFixedThreadPool(workerCount, r -> {
            Thread t = new Thread(r, "certus-worker");
            t.setDaemon(true);
            return t;
        });
        recovery = store.recover(rerunInterrupted); // jobs that were queued or running when the server stopped
        for (JobRecord j : recovery.queued()) queue.add(j.id());
        for (int i = 0; i < workerCount; i++) workers.submit(this::workLoop);
    }

    /** What the start did with jobs the previous run left unfinished (for the serve command's log). */
    public JobStore.Recovery recovery() {
        return recovery;
    }

    public double maxTimeLimit() {
        return maxTimeLimit;
    }

    /** Validates, stores and queues a job; returns its id. 400 for bad input, 429 when the queue is full, 503 when shutting down. */
    public JobRecord submit(JobRequest request) {
        if (!accepting) throw new BadRequestException(503, "the server is shutting down");
        JobExecutor.validate(request, maxCells);
        synchronized (this) {
            if (queue.size() >= queueLimit) throw new BadRequestException(429, "the queue is full (" + queueLimit + " jobs waiting); retry later");
            JobRecord r = store.insert(UUID.randomUUID().toString(), request.kind().jsonName(), request.toJson());
            queue.add(r.id());
            return r;
        }
    }

    public JobRecord get(String id) {
        return store.get(id).orElseThrow(() -> new BadRequestException(404, "no job '" + id + "'"));
    }

    public List<JobRecord> list() {
        return store.list();
    }

    /** A page of jobs in submission order: optional state and kind filters, sequence numbers above {@code after}. */
    public List<JobRecord> list(JobState state, String kind, long after, int limit) {
        return store.list(state, kind, after, limit);
    }

    /** Cancels a queued or running job; a finished job is left as it is (409). */
    public JobRecord cancel(String id) {
        JobRecord j = get(id);
        if (j.state().terminal()) throw new BadRequestException(409, "job " + id + " already ended (" + j.state().name().toLowerCase() + ")");
        cancelledByUser.add(id);
        CancellationToken token = running.get(id);
        if (token != null) token.cancel(); // the worker stores the interrupted result
        if (queue.remove(id) || token == null) store.finish(id, JobState.CANCELLED, null, "cancelled by request");
        return get(id);
    }

    /**
     * Takes queued jobs until the service closes. Workers are never interrupted (an interrupt would close H2's file
     * channel under a running job's last write): they poll, and see {@code accepting} go false within a poll.
     */
    private void workLoop() {
        while (accepting) {
            String id;
            try {
                id = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (id != null && accepting) runOne(id);
            else if (id != null) return; // closing: the job stays QUEUED in the store and runs at the next start
        }
    }

    private static final long POLL_MILLIS = 200;

    private void runOne(String id) {
        JobRecord j = store.get(id).orElse(null);
        if (j == null || !store.transition(id, JobState.RUNNING)) return; // cancelled while queued
        CancellationToken token = new CancellationToken();
        running.put(id, token);
        long[] last = {0};
        try {
            JobRequest request = JobRequest.ofStored(JobRequest.MAPPER.readTree(j.request()));
            String result = JobExecutor.run(request, token, p -> {
                long now = System.currentTimeMillis();
                if (now - last[0] >= PROGRESS_INTERVAL_MILLIS) {
                    last[0] = now;
                    store.progress(id, p);
                }
            }, c -> store.checkpoint(id, c), threadsPerJob);
            if (!accepting && !cancelledByUser.contains(id)) {
                // stopped by shutdown: stays RUNNING; a certify job's interrupted certificate is its newest checkpoint
                if (request.kind() == JobKind.CERTIFY) store.checkpoint(id, result);
                return;
            }
            boolean cancelled = cancelledByUser.contains(id);
            store.finish(id, cancelled ? JobState.CANCELLED : JobState.SUCCEEDED, result, cancelled ? "cancelled by request" : null);
        } catch (BadRequestException e) {
            store.finish(id, JobState.FAILED, null, e.getMessage());
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            store.finish(id, JobState.FAILED, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            running.remove(id);
        }
    }

    /**
     * Graceful stop: accept nothing new, stop running jobs at their next checkpoint (their token), leave every
     * unfinished job QUEUED or RUNNING in the store — a stopped certify job with its interrupted certificate as its
     * checkpoint — and wait for the workers up to {@link #SHUTDOWN_WAIT_SECONDS}. The next start re-queues them or
     * reports checkpointed ones INTERRUPTED ({@link JobStore#recover}). Nothing submitted is lost.
     */
    @Override
    public void close() {
        accepting = false;
        running.values().forEach(CancellationToken::cancel);
        workers.shutdown();
        try {
            workers.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static final long SHUTDOWN_WAIT_SECONDS = 10;
}
