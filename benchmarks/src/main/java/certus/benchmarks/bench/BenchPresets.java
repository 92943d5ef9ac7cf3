package certus.benchmarks.bench;

import java.util.List;
import java.util.Map;

/** Named designs for {@code certus bench --preset NAME}. */
public final class BenchPresets {
    private BenchPresets() {}

    /** Every heuristic configuration plus the default exact engine (bnb) and a MIP method on SCIP for cross-checking. */
    static final List<String> ALL_METHODS = List.of("iht", "iht+ls", "iht+ls+restarts", "path", "exact:bnb", "exact:perspective/scip");

    /**
     * {@code smoke}: 8 tiny instances (K = 2, p = 20, n = 40, s = 3; identical and partly overlapping supports; L0L2
     * and Zbar + L2), every heuristic configuration and two exact methods. Under two minutes on 2 cores; used by CI's
     * test suite through the harness test, and the quickest check that bench works on a machine.
     *
     * <p>{@code paper}: mirrors the sMTL paper's simulation (smtl.md §8.1): K = 5, p = 250, n_k in {50, 100, 150},
     * rho in {0.2, 0.5, 0.8}, 10 true nonzeros per task from a pool of q in {0 (disjoint), 10 (identical), 20, 40}
     * features, fitted with s in {7, 10, 13}, L0L2 and Zbar + L2 (ridge 0.1, lambda_z 0.01); heuristics and bnb. With
     * n_k <= p the perspective bound is weak and most instances end with a proven gap, not a certificate.
     *
     * <p>{@code certifiable}: sizes where the exact engine closes the gap, so that every heuristic's suboptimality is
     * measured against a certified optimum: K = 3, p in {50, 100, 200}, n_k = 200, 5 true nonzeros per task from a pool
     * of 5 (identical) or 10, s = 5, L0L2, Zbar + L2 and common support (ridge 0.1, lambda_z 0.01); heuristics and bnb.
     */
    public static final Map<String, BenchDesign> PRESETS = Map.of(
            "smoke", new BenchDesign(List.of(2), List.of(20), List.of(40), List.of(3), List.of(0.5), List.of(5.0), List.of(3, 6), 3, 1.0,
                    List.of("l0l2", "zbar"), List.of(0.1), List.of(0.05), List.of(), ALL_METHODS, 2, 20, 1),
            "paper", new BenchDesign(List.of(5), List.of(250), List.of(50, 100, 150), List.of(7, 10, 13), List.of(0.2, 0.5, 0.8), List.of(5.0),
                    List.of(0, 10, 20, 40), 10, 1.0, List.of("l0l2", "zbar"), List.of(0.1), List.of(0.01), List.of(),
                    List.of("iht", "iht+ls", "iht+ls+restarts", "path", "exact:bnb"), 2, 60, 1),
            "certifiable", new BenchDesign(List.of(3), List.of(50, 100, 200), List.of(200), List.of(5), List.of(0.5), List.of(5.0),
                    List.of(5, 10), 5, 1.0, List.of("l0l2", "zbar", "cs"), List.of(0.1), List.of(0.01), List.of(),
                    List.of("iht", "iht+ls", "iht+ls+restarts", "path", "exact:bnb"), 3, 60, 1));

    public static BenchDesign get(String name) {
        BenchDesign d = PRESETS.get(name);
        if (d == null) throw new IllegalArgumentException("unknown preset '" + name + "'; known: " + new java.util.TreeSet<>(PRESETS.keySet()));
        return d;
    }
}
