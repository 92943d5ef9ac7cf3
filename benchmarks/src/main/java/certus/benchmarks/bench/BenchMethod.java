package certus.benchmarks.bench;

import certus.formulations.ExactMethod;

import java.util.Locale;

/**
 * A method the harness runs on every instance: a configuration of the sMTL heuristic, or an exact method on a backend.
 * Names as they appear in designs and in {@code results.csv}:
 * <ul>
 *   <li>{@code iht} — IHT/BCD from the default warm start, no local search, no restarts;</li>
 *   <li>{@code iht+ls} — plus the swap local search;</li>
 *   <li>{@code iht+ls+restarts} — plus the default restarts (the production heuristic);</li>
 *   <li>{@code path} — the production heuristic on the cardinality path 1, 2, ..., s, each fit warm-started from the
 *       previous one;</li>
 *   <li>{@code exact:METHOD} or {@code exact:METHOD/BACKEND} — {@code certus certify --method METHOD --backend BACKEND}
 *       (bnb, bigm, perspective, oa; backend default per method).</li>
 * </ul>
 */
public sealed interface BenchMethod permits BenchMethod.Heuristic, BenchMethod.Exact {
    String name();

    /** A heuristic configuration. */
    record Heuristic(String name, boolean localSearch, int restarts, boolean path) implements BenchMethod {}

    /** An exact method; backend null = the method's default. */
    record Exact(String name, ExactMethod method, String backend) implements BenchMethod {}

    static BenchMethod parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "iht" -> new Heuristic(t, false, 0, false);
            case "iht+ls" -> new Heuristic(t, true, 0, false);
            case "iht+ls+restarts" -> new Heuristic(t, true, certus.heuristics.HeuristicOptions.DEFAULT_RESTARTS, false);
            case "path" -> new Heuristic(t, true, certus.heuristics.HeuristicOptions.DEFAULT_RESTARTS, true);
            default -> {
                if (!t.startsWith("exact:")) {
                    throw new IllegalArgumentException("unknown method '" + text + "' (iht, iht+ls, iht+ls+restarts, path, exact:METHOD[/BACKEND])");
                }
                String spec = t.substring("exact:".length());
                String[] parts = spec.split("/", 2);
                ExactMethod m;
                try {
                    m = ExactMethod.valueOf(parts[0].toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown exact method '" + parts[0] + "' in '" + text + "'");
                }
                yield new Exact(t, m, parts.length > 1 ? parts[1] : null);
            }
        };
    }
}
