package certus.formulations.bnb;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-column pattern problem against enumeration of all 2^K patterns, and its thresholds against their meaning. */
class ColumnPatternsTest {

    private static TaskNode randomNode(SplittableRandom r, int kCount) {
        boolean[][] in = new boolean[kCount][1];
        boolean[][] out = new boolean[kCount][1];
        int[] budget = new int[kCount];
        for (int k = 0; k < kCount; k++) {
            int f = r.nextInt(4);
            in[k][0] = f == 0;
            out[k][0] = f == 1;
            budget[k] = 1;
        }
        return new TaskNode(in, out, budget, 0, 0, new double[kCount][1], new double[kCount]);
    }

    private static double enumerate(TaskNode node, double[] cost, ColumnPatterns c, int kCount) {
        double best = Double.POSITIVE_INFINITY;
        for (int mask = 0; mask < (1 << kCount); mask++) {
            double v = 0;
            int m = 0;
            boolean allowed = true;
            for (int k = 0; k < kCount; k++) {
                boolean sel = (mask >> k & 1) == 1;
                if (sel && node.out()[k][0] || !sel && node.in()[k][0]) allowed = false;
                if (sel) {
                    v += cost[k];
                    m++;
                }
            }
            if (allowed) best = Math.min(best, v + c.penalty(m));
        }
        return best;
    }

    @Property(tries = 300)
    void cheapestPatternEqualsEnumeration(@ForAll @LongRange(min = 1, max = 1_000_000) long seed, @ForAll @IntRange(min = 1, max = 6) int kCount) {
        SplittableRandom r = new SplittableRandom(seed);
        TaskNode node = randomNode(r, kCount);
        double zbar = Math.pow(10, -2 + 3 * r.nextDouble());
        ColumnPatterns c = new ColumnPatterns(kCount, zbar);
        double[] cost = new double[kCount];
        for (int k = 0; k < kCount; k++) cost[k] = r.nextDouble() * 2 - 1;
        boolean[] pattern = new boolean[kCount];
        double got = c.min(node, 0, cost, pattern);
        assertEquals(enumerate(node, cost, c, kCount), got, 1e-12);
        double patternValue = 0;
        int m = 0;
        for (int k = 0; k < kCount; k++) {
            if (pattern[k]) {
                patternValue += cost[k];
                m++;
            }
            assertTrue(!pattern[k] || !node.out()[k][0], "pattern uses a forced-out task");
            assertTrue(pattern[k] || !node.in()[k][0], "pattern misses a forced-in task");
        }
        assertEquals(got, patternValue + c.penalty(m), 1e-12, "the written pattern attains the minimum");
    }

    @Property(tries = 300)
    void thresholdSeparatesIncludingFromExcluding(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                  @ForAll @IntRange(min = 2, max = 6) int kCount) {
        SplittableRandom r = new SplittableRandom(seed);
        TaskNode node = randomNode(r, kCount);
        int k = r.nextInt(kCount);
        node.in()[k][0] = false;
        node.out()[k][0] = false;
        ColumnPatterns c = new ColumnPatterns(kCount, Math.pow(10, -2 + 3 * r.nextDouble()));
        double[] cost = new double[kCount];
        for (int l = 0; l < kCount; l++) cost[l] = r.nextDouble() * 2 - 1;
        double h = r.nextDouble();
        double t = c.threshold(node, 0, cost, k, h);
        boolean[] pattern = new boolean[kCount];
        cost[k] = t - 1e-6 - h; // mu_k just below the threshold: k is selected
        c.min(node, 0, cost, pattern);
        assertTrue(pattern[k], "below the threshold the column selects task k");
        cost[k] = t + 1e-6 - h; // just above: not selected
        c.min(node, 0, cost, pattern);
        assertTrue(!pattern[k], "above the threshold the column drops task k");
    }
}
