package certus.estimators;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Accuracy and AUC against hand counts and the O(n^2) pair-counting definition of AUC. */
class ClassificationMetricsTest {

    @Test
    void accuracyThresholdsAtOneHalf() {
        assertEquals(0.75, Metrics.accuracy(new double[]{1, 0, 1, 0}, new double[]{0.5, 0.49, 0.9, 0.7}), 0.0);
    }

    @Test
    void aucOfAPerfectAndAReversedRanking() {
        assertEquals(1.0, Metrics.auc(new double[]{0, 0, 1, 1}, new double[]{0.1, 0.2, 0.3, 0.4}), 0.0);
        assertEquals(0.0, Metrics.auc(new double[]{1, 1, 0, 0}, new double[]{0.1, 0.2, 0.3, 0.4}), 0.0);
        assertEquals(0.5, Metrics.auc(new double[]{1, 0, 1, 0}, new double[]{0.3, 0.3, 0.3, 0.3}), 0.0);
        assertTrue(Double.isNaN(Metrics.auc(new double[]{1, 1}, new double[]{0.1, 0.2})), "one class only");
        assertThrows(IllegalArgumentException.class, () -> Metrics.auc(new double[]{2, 0}, new double[]{0.1, 0.2}));
    }

    @Property(tries = 300)
    void aucEqualsPairCounting(@ForAll @LongRange(min = 1, max = 1_000_000) long seed, @ForAll @IntRange(min = 2, max = 40) int n) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextBoolean() ? 1 : 0;
            s[i] = r.nextInt(6) / 5.0; // coarse scores: many ties
        }
        double wins = 0;
        long pairs = 0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (y[a] == 1 && y[b] == 0) {
                    pairs++;
                    wins += s[a] > s[b] ? 1 : s[a] == s[b] ? 0.5 : 0;
                }
            }
        }
        double auc = Metrics.auc(y, s);
        if (pairs == 0) assertTrue(Double.isNaN(auc));
        else assertEquals(wins / pairs, auc, 1e-12);
    }
}
