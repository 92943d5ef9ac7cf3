package certus.smtl;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** spec §9.7: sum_k ||z_k - zbar||^2 == sum_j m_j (K - m_j)/K == (1/K) sum_{k<l} ||z_k - z_l||_1. */
class ZbarIdentityProperties {
    @Property(tries = 200)
    void threeFormsOfTheZbarPenaltyAgree(@ForAll @IntRange(min = 1, max = 6) int kCount, @ForAll @IntRange(min = 1, max = 12) int p,
                                         @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[][] z = new int[kCount][p];
        for (int[] row : z) for (int j = 0; j < p; j++) row[j] = rnd.nextBoolean() ? 1 : 0;
        double direct = 0;
        double counts = 0;
        for (int j = 0; j < p; j++) {
            int m = 0;
            for (int[] row : z) m += row[j];
            double mean = (double) m / kCount;
            for (int[] row : z) direct += (row[j] - mean) * (row[j] - mean);
            counts += (double) m * (kCount - m) / kCount;
        }
        double pairs = 0;
        for (int k = 0; k < kCount; k++) for (int l = k + 1; l < kCount; l++) for (int j = 0; j < p; j++) pairs += Math.abs(z[k][j] - z[l][j]);
        pairs /= kCount;
        assertEquals(direct, counts, 1e-12);
        assertEquals(direct, pairs, 1e-12);
    }
}
