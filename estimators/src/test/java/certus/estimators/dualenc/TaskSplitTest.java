package certus.estimators.dualenc;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskSplitTest {

    @Property(tries = 300)
    void partitionsTheRowsWithAtLeastOneOnEachSide(@ForAll @IntRange(min = 2, max = 300) int rows,
                                                   @ForAll @DoubleRange(min = 0, max = 0.9) double share, @ForAll long seed) {
        TaskSplit s = TaskSplit.of(rows, share, new SplittableRandom(seed));
        int[] all = IntStream.concat(Arrays.stream(s.train()), Arrays.stream(s.validation())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, rows).toArray(), all);
        assertTrue(s.train().length >= 1);
        if (share > 0) {
            assertTrue(s.validation().length >= 1);
            // rounding share * rows, clamped to [1, rows - 1]
            assertTrue(Math.abs(s.validation().length - share * rows) <= Math.max(0.5, 1 - share * rows) + 1e-9
                    || s.validation().length == rows - 1, "validation " + s.validation().length + " for share " + share + " of " + rows);
        } else {
            assertEquals(0, s.validation().length);
        }
    }
}
