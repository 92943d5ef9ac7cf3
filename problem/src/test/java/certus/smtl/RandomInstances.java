package certus.smtl;

import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.tensor.DenseMatrix;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random sMTL instances for oracle tests (shared with the exact-engine tests through the test-jar).
 *
 * <p>Features follow an AR(1) correlation {@code x_j = rho x_{j-1} + sqrt(1-rho^2) e_j} so that neighbouring
 * features compete (greedy choices are then genuinely hard). The truth has a shared support of size s with each
 * task swapping one feature out with probability 1/2, so both the common-support and the heterogeneous variants
 * have something to find. Same arguments, same instance.
 */
public final class RandomInstances {
    private RandomInstances() {}

    /** Correlation of adjacent features. */
    public static final double DEFAULT_RHO = 0.5;

    public static MultiTaskData data(int kCount, int p, int[] rows, int s, double noise, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> names = new ArrayList<>();
        for (int j = 0; j < p; j++) names.add("x" + j);
        int[] shared = distinct(rnd, p, Math.min(s, p));
        List<TaskData> tasks = new ArrayList<>();
        for (int k = 0; k < kCount; k++) {
            int n = rows[k];
            double[][] cols = new double[p][n];
            for (int i = 0; i < n; i++) {
                double prev = rnd.nextGaussian();
                for (int j = 0; j < p; j++) {
                    double v = j == 0 ? prev : DEFAULT_RHO * prev + Math.sqrt(1 - DEFAULT_RHO * DEFAULT_RHO) * rnd.nextGaussian();
                    cols[j][i] = v + 0.3 * (j % 3); // nonzero means exercise the intercept handling
                    prev = v;
                }
            }
            double[] beta = new double[p];
            for (int j : shared) beta[j] = (rnd.nextBoolean() ? 1 : -1) * (0.5 + rnd.nextDouble());
            if (rnd.nextBoolean() && s < p) {
                int out = shared[rnd.nextInt(shared.length)];
                int in = rnd.nextInt(p);
                if (beta[in] == 0) {
                    beta[in] = beta[out];
                    beta[out] = 0;
                }
            }
            double intercept = rnd.nextGaussian();
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                double v = intercept + noise * rnd.nextGaussian();
                for (int j = 0; j < p; j++) v += beta[j] * cols[j][i];
                y[i] = v;
            }
            tasks.add(new TaskData("t" + k, DenseMatrix.fromColumns(n, cols), y));
        }
        return new MultiTaskData(names, tasks);
    }

    public static SmtlProblem problem(int kCount, int p, int n, int s, double ridge, double bbar, double zbar,
                                      boolean commonSupport, long seed) {
        int[] rows = new int[kCount];
        java.util.Arrays.fill(rows, n);
        return new SmtlProblem(data(kCount, p, rows, s, 1.0, seed), s, ridge, bbar, zbar, commonSupport);
    }

    /**
     * A small instance of the given variant whose brute-force enumeration stays cheap: K, p and s are chosen
     * from the seed so the product of per-task subset counts stays within a few thousand joint refits when
     * the variant couples tasks. Weights are drawn on log scales around the values where they change the
     * optimum (ridge in [1e-3, 1], bbar in [1e-2, 10], zbar in [1e-2, 3]); n_k differ across tasks.
     */
    public static SmtlProblem small(Variant variant, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + variant.ordinal());
        boolean coupled = !variant.commonSupport() && variant != Variant.L0L2;
        int kCount = 1 + rnd.nextInt(4);
        if (variant.commonSupport() && kCount == 1) kCount = 2;
        int s = 1 + rnd.nextInt(3);
        int p;
        if (!coupled || kCount == 1) p = s + 2 + rnd.nextInt(13 - s - 2);
        else if (variant == Variant.ZBAR_L2) p = switch (kCount) { case 2 -> 5 + rnd.nextInt(6); case 3 -> 5 + rnd.nextInt(3); default -> 5 + rnd.nextInt(2); };
        else p = switch (kCount) { case 2 -> 5 + rnd.nextInt(4); case 3 -> 4 + rnd.nextInt(2); default -> 4; };
        if (coupled && kCount >= 3) s = Math.min(s, 2);
        s = Math.min(s, p - 1);
        int[] rows = new int[kCount];
        for (int k = 0; k < kCount; k++) rows[k] = 8 + rnd.nextInt(25);
        double ridge = Math.pow(10, -3 + 3 * rnd.nextDouble());
        double bbar = variant == Variant.BBAR || variant == Variant.ZBAR_BBAR || variant == Variant.CS_BBAR
                ? Math.pow(10, -2 + 3 * rnd.nextDouble()) : 0.0;
        double zbar = variant == Variant.ZBAR_L2 || variant == Variant.ZBAR_BBAR ? Math.pow(10, -2 + 2.5 * rnd.nextDouble()) : 0.0;
        double noise = 0.5 + 1.5 * rnd.nextDouble();
        MultiTaskData data = data(kCount, p, rows, s, noise, rnd.nextLong());
        return new SmtlProblem(data, s, ridge, bbar, zbar, variant.commonSupport());
    }

    private static int[] distinct(SplittableRandom rnd, int p, int m) {
        int[] perm = new int[p];
        for (int j = 0; j < p; j++) perm[j] = j;
        for (int j = 0; j < m; j++) {
            int t = j + rnd.nextInt(p - j);
            int v = perm[j];
            perm[j] = perm[t];
            perm[t] = v;
        }
        return java.util.Arrays.copyOf(perm, m);
    }
}
