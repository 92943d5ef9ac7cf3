package certus.app.cli;

import certus.heuristics.HeuristicListener;

import java.io.PrintWriter;

/**
 * Heuristic progress on stderr, throttled to a line per stage change or per second so a long fit shows life
 * without flooding the terminal. Thread-safe (CV workers share it).
 */
final class ProgressPrinter implements HeuristicListener {
    private final PrintWriter err;
    private String lastStage;
    private long lastNanos;

    ProgressPrinter(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void onProgress(String stage, int iteration, double objective, double seconds) {
        long now = System.nanoTime();
        if (stage.equals(lastStage) && now - lastNanos < 1_000_000_000L) return;
        lastStage = stage;
        lastNanos = now;
        String value = Double.isNaN(objective) ? "-" : String.format("%.6g", objective);
        err.printf("[%7.2fs] %s iteration %d best objective %s%n", seconds, stage, iteration, value);
        err.flush();
    }

    synchronized void line(String message) {
        err.println(message);
        err.flush();
    }
}
