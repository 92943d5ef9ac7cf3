package certus.benchmarks.dualenc;

import certus.estimators.dualenc.Competitor;
import certus.estimators.dualenc.DualEncoderOptions;
import certus.estimators.dualenc.DualEncoderSimulator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 6, point 2: the heterogeneity grid of dualencoder.md §5 — R = 5 tasks, d = 50, n_r in {50, 100, 200},
 * posterior drift δ_y in {0, 0.5, 1}, covariate shift δ_x = 1, unit noise, 500 test rows per task — with the dual
 * encoder and every {@link Competitor} fitted from the spec's default options (seed = replicate). Prints one markdown
 * row per cell: mean test MSE (averaged over tasks) ± standard error over replicates, and how often the dual encoder
 * beat each competitor. The spec asks for 50 replicates; the default here is 10 (about 20 minutes on 2 cores).
 *
 * <p>Usage: {@code java -cp benchmarks.jar certus.benchmarks.dualenc.SimulationStudy [REPLICATES [n_r,...] [δ_y,...]]}
 */
public final class SimulationStudy {
    private static final int TASKS = 5, FEATURES = 50, TEST_ROWS = 500;
    private static final double COVARIATE_SHIFT = 1.0, NOISE_SD = 1.0;

    private SimulationStudy() {}

    public static void main(String[] args) {
        int replicates = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int[] sizes = args.length > 1 ? parseInts(args[1]) : new int[]{50, 100, 200};
        double[] drifts = args.length > 2 ? parseDoubles(args[2]) : new double[]{0, 0.5, 1};
        System.out.printf(Locale.ROOT, "R = %d, d = %d, δ_x = %.1f, noise sd %.1f, %d test rows per task, %d replicates; test MSE mean ± se (dual-encoder wins / replicates)%n",
                TASKS, FEATURES, COVARIATE_SHIFT, NOISE_SD, TEST_ROWS, replicates);
        StringBuilder header = new StringBuilder("| n_r | δ_y |");
        StringBuilder rule = new StringBuilder("|---|---|");
        for (Competitor c : Competitor.values()) {
            header.append(' ').append(c.label()).append(" |");
            rule.append("---|");
        }
        System.out.println(header);
        System.out.println(rule);
        for (int n : sizes) {
            for (double drift : drifts) {
                long t0 = System.nanoTime();
                Map<Competitor, double[]> mse = cell(n, drift, replicates);
                System.out.println(row(n, drift, mse));
                System.err.printf(Locale.ROOT, "cell n_r=%d δ_y=%.1f done in %.0f s%n", n, drift, (System.nanoTime() - t0) / 1e9);
            }
        }
    }

    /** Test MSE of every competitor on each replicate of one grid cell. */
    public static Map<Competitor, double[]> cell(int trainRows, double drift, int replicates) {
        Map<Competitor, double[]> out = new EnumMap<>(Competitor.class);
        for (int rep = 0; rep < replicates; rep++) {
            long seed = rep + 1;
            DualEncoderSimulator.Synthetic s = DualEncoderSimulator.simulate(seed,
                    new DualEncoderSimulator.Settings(TASKS, FEATURES, trainRows, TEST_ROWS, COVARIATE_SHIFT, drift, NOISE_SD));
            DualEncoderOptions o = DualEncoderOptions.defaults(seed);
            for (Competitor c : Competitor.values()) {
                out.computeIfAbsent(c, k -> new double[replicates])[rep] = c.fit(s.train(), o, line -> { }).meanTaskMse(s.test());
            }
        }
        return out;
    }

    private static String row(int n, double drift, Map<Competitor, double[]> mse) {
        double[] dual = mse.get(Competitor.DUAL_ENCODER);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "| %d | %.1f |", n, drift));
        for (Competitor c : Competitor.values()) {
            double[] v = mse.get(c);
            double mean = 0;
            for (double x : v) mean += x / v.length;
            double ss = 0;
            for (double x : v) ss += (x - mean) * (x - mean);
            double se = v.length > 1 ? Math.sqrt(ss / (v.length - 1) / v.length) : 0;
            sb.append(String.format(Locale.ROOT, " %.3f ± %.3f", mean, se));
            if (c != Competitor.DUAL_ENCODER) {
                int wins = 0;
                for (int i = 0; i < v.length; i++) if (dual[i] < v[i]) wins++;
                sb.append(String.format(Locale.ROOT, " (%d/%d)", wins, v.length));
            }
            sb.append(" |");
        }
        return sb.toString();
    }

    private static int[] parseInts(String csv) {
        List<Integer> out = new ArrayList<>();
        for (String s : csv.split(",")) out.add(Integer.parseInt(s.trim()));
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double[] parseDoubles(String csv) {
        List<Double> out = new ArrayList<>();
        for (String s : csv.split(",")) out.add(Double.parseDouble(s.trim()));
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
