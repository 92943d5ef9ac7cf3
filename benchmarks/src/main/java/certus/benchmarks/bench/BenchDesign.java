package certus.benchmarks.bench;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.ArrayList;
import java.util.List;

/**
 * A heuristics-versus-exact benchmark design: the grid of simulated instances (every combination of the list-valued
 * axes, times {@code reps} replicates) and the methods run on each. Read from JSON ({@code --design}) or a preset
 * ({@link BenchPresets}); unknown JSON fields are an error so that a typo does not silently shrink the grid.
 *
 * <p>Instances follow the support-pool simulation of smtl.md §8.1: each task has {@code trueSupport} nonzeros drawn
 * from a pool of q even-spaced candidates (q = trueSupport: identical supports, larger q: partial overlap, 0:
 * disjoint), AR(rho) Gaussian features, coefficients = a shared mean plus a task effect N(0, betaVar), noise set by SNR.
 *
 * @param tasks       K values
 * @param p           feature counts
 * @param n           training rows per task
 * @param s           fitted cardinalities
 * @param rho         AR(1) feature correlations
 * @param snr         signal-to-noise ratios
 * @param pool        support pool sizes q (support overlap)
 * @param trueSupport nonzeros per task in the truth
 * @param betaVar     variance of the task effect on the coefficients
 * @param variants    sMTL variants: l0l2, zbar (Zbar + L2), bbar, zbar_bbar, cs (common support + L2), cs_bbar
 * @param ridge       lambda_1 values
 * @param zbar        lambda_z values (variants with Zbar)
 * @param bbar        lambda_2 values (variants with Bbar)
 * @param methods     method names ({@link BenchMethod#parse})
 * @param reps        replicates per grid cell (replicate r uses simulation seed {@code seed + r - 1})
 * @param timeLimit   wall-clock limit per method per instance, seconds
 * @param seed        seed of the first replicate
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record BenchDesign(List<Integer> tasks, List<Integer> p, List<Integer> n, List<Integer> s, List<Double> rho,
                          List<Double> snr, List<Integer> pool, int trueSupport, double betaVar, List<String> variants,
                          List<Double> ridge, List<Double> zbar, List<Double> bbar, List<String> methods, int reps,
                          @JsonProperty("time_limit") double timeLimit, long seed) {
    public BenchDesign {
        tasks = nonEmpty("tasks", tasks);
        p = nonEmpty("p", p);
        n = nonEmpty("n", n);
        s = nonEmpty("s", s);
        rho = nonEmpty("rho", rho);
        snr = nonEmpty("snr", snr);
        pool = nonEmpty("pool", pool);
        variants = nonEmpty("variants", variants);
        ridge = nonEmpty("ridge", ridge);
        zbar = zbar == null || zbar.isEmpty() ? List.of(0.0) : List.copyOf(zbar);
        bbar = bbar == null || bbar.isEmpty() ? List.of(0.0) : List.copyOf(bbar);
        methods = nonEmpty("methods", methods);
        if (trueSupport < 1) throw new IllegalArgumentException("true_support must be >= 1, got " + trueSupport);
        if (reps < 1) throw new IllegalArgumentException("reps must be >= 1, got " + reps);
        if (!(timeLimit > 0)) throw new IllegalArgumentException("time_limit must be > 0 seconds, got " + timeLimit);
        for (String v : variants) BenchInstance.variantParams(v, 1, 0, 0, 0); // validates the name
        for (String m : methods) BenchMethod.parse(m);
    }

    private static <T> List<T> nonEmpty(String field, List<T> v) {
        if (v == null || v.isEmpty()) throw new IllegalArgumentException("design field '" + field + "' must be a non-empty list");
        return List.copyOf(v);
    }

    /** The same design with another replicate count or time limit (command-line overrides). */
    public BenchDesign with(Integer newReps, Double newTimeLimit) {
        return new BenchDesign(tasks, p, n, s, rho, snr, pool, trueSupport, betaVar, variants, ridge, zbar, bbar, methods,
                newReps != null ? newReps : reps, newTimeLimit != null ? newTimeLimit : timeLimit, seed);
    }

    /**
     * Every instance in a fixed order (replicate innermost, so a partial run covers every cell early). Penalty axes a
     * variant does not use are not multiplied in (an L0L2 instance appears once, not once per zbar value).
     */
    public List<BenchInstance> instances() {
        List<BenchInstance> out = new ArrayList<>();
        for (int k : tasks) for (int pp : p) for (int nn : n) for (double r : rho) for (double sn : snr) for (int q : pool)
            for (int ss : s) for (String v : variants) for (double l1 : ridge)
                for (double lz : BenchInstance.usesZbar(v) ? zbar : List.of(0.0))
                    for (double l2 : BenchInstance.usesBbar(v) ? bbar : List.of(0.0))
                        for (int rep = 1; rep <= reps; rep++) {
                            out.add(new BenchInstance(k, pp, nn, ss, r, sn, q, trueSupport, betaVar, v, l1, lz, l2, rep, seed + rep - 1));
                        }
        return out;
    }
}
