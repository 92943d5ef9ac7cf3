package certus.app.cli;

import certus.solver.SolveListener;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Exact-solve progress on stderr: "[  12.3s] incumbent 0.51234  bound 0.50999  gap 4.6e-3". A line is printed
 * when the solver reports (at most one per half interval) and, because a solver may stay silent for long stretches
 * (an OA master solve, a B&amp;B plateau), a heartbeat re-prints the latest figures so that a line appears at
 * least every {@code intervalSeconds} once the first figures exist. Time is measured from construction, i.e. from
 * the start of the whole run. Thread-safe; {@link #close()} stops the heartbeat.
 */
final class SolveProgressPrinter implements SolveListener, AutoCloseable {
    private final PrintWriter err;
    private final long intervalNanos;
    private final long start = System.nanoTime();
    private final ScheduledExecutorService heartbeat;
    private SolveProgress latest;
    private long lastLine = Long.MIN_VALUE / 2;

    SolveProgressPrinter(PrintWriter err, double intervalSeconds) {
        this.err = err;
        this.intervalNanos = (long) (intervalSeconds * 1e9);
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "certus-progress");
            t.setDaemon(true);
            return t;
        });
        long tick = Math.max(1, intervalNanos / 4);
        heartbeat.scheduleAtFixedRate(this::beat, tick, tick, TimeUnit.NANOSECONDS);
    }

    @Override
    public synchronized void onProgress(SolveProgress event) {
        latest = event;
        if (System.nanoTime() - lastLine >= intervalNanos / 2) print();
    }

    private synchronized void beat() {
        if (latest != null && System.nanoTime() - lastLine >= intervalNanos) print();
    }

    private void print() {
        lastLine = System.nanoTime();
        err.println(format((lastLine - start) / 1e9, latest));
        err.flush();
    }

    static String format(double seconds, SolveProgress p) {
        return String.format("[%7.1fs] incumbent %s  bound %s  gap %s", seconds, number(p.incumbent(), "%.5f"), number(p.bound(), "%.5f"),
                number(p.relativeGap(), "%.1e"));
    }

    private static String number(double v, String format) {
        return Double.isFinite(v) ? String.format(format, v) : "-";
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
    }
}
