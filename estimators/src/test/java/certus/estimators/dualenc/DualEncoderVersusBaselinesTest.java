package certus.estimators.dualenc;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 6, point 2: the dual encoder against every competitor of dualencoder.md §5 on the spec's simulation (R = 5,
 * d = 50, covariate shift δ_x = 1, unit noise, 500 test rows per task), all fitted from the spec defaults with the
 * same seed, in the two cells where the spec's story says the dual encoder must win: small tasks with posterior drift
 * (δ_y = 1), at n_r = 50 and 100. The full grid (n_r in {50, 100, 200} x δ_y in {0, 0.5, 1}, 10 replicates) is
 * {@code certus.benchmarks.dualenc.SimulationStudy}; its table is in docs/dualenc.md.
 *
 * <p>Measured over the study's first 5 replicates (seeds 1-5; printed by the test), mean test MSE:
 * <pre>
 *             dual   single-task  pooled  shared-bottom  shared-only  specific-only
 * n_r =  50  17.29     23.00      21.18      25.02         19.34        19.91
 * n_r = 100  12.28     15.62      15.94      16.95         14.54        11.69
 * </pre>
 * The dual encoder beat the single-task, pooled and shared-bottom MLPs on every seed in both cells; ratios of means
 * 0.69-0.82. Asserted with margin: ratio of means below 0.9 and better on at least 4 of 5 seeds. The ablations are
 * reported, not asserted: the specific-only ablation (task encoders pulled to a common center) ties or beats the full
 * model at n_r = 100 — the study's table in docs/dualenc.md shows where.
 */
class DualEncoderVersusBaselinesTest {
    private static final int SEEDS = 5;

    @ParameterizedTest(name = "n_r = {0}, delta_y = {1}")
    @CsvSource({"50, 1.0", "100, 1.0"})
    void dualEncoderBeatsSingleTaskPooledAndSharedBottomModelsUnderPosteriorDrift(int rows, double drift) {
        Map<Competitor, double[]> mse = new EnumMap<>(Competitor.class);
        for (int rep = 0; rep < SEEDS; rep++) {
            long seed = rep + 1;
            DualEncoderSimulator.Synthetic s = DualEncoderSimulator.simulate(seed, new DualEncoderSimulator.Settings(5, 50, rows, 500, 1.0, drift, 1.0));
            DualEncoderOptions o = DualEncoderOptions.defaults(seed);
            for (Competitor c : Competitor.values()) {
                mse.computeIfAbsent(c, k -> new double[SEEDS])[rep] = c.fit(s.train(), o, null).meanTaskMse(s.test());
            }
        }
        double[] dual = mse.get(Competitor.DUAL_ENCODER);
        for (Competitor c : Competitor.values()) {
            System.out.printf(Locale.ROOT, "n_r %d delta_y %.1f %-32s mean %.3f  per seed %s%n", rows, drift, c.label(), mean(mse.get(c)),
                    java.util.Arrays.toString(mse.get(c)));
        }
        for (Competitor c : new Competitor[]{Competitor.SINGLE_TASK_MLP, Competitor.POOLED_MLP, Competitor.SHARED_BOTTOM_MLP}) {
            double[] other = mse.get(c);
            int wins = 0;
            for (int i = 0; i < SEEDS; i++) if (dual[i] < other[i]) wins++;
            assertTrue(mean(dual) < 0.9 * mean(other), c.label() + ": dual " + mean(dual) + " vs " + mean(other));
            assertTrue(wins >= 4, c.label() + ": dual encoder better on only " + wins + " of " + SEEDS + " seeds");
        }
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }
}
