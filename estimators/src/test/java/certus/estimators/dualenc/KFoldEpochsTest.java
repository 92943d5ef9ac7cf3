package certus.estimators.dualenc;

import certus.estimators.FitControl;
import certus.data.MultiTaskData;
import certus.estimators.Termination;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KFoldEpochsTest {
    private static MultiTaskData data(int rows) {
        return DualEncoderSimulator.simulate(9, new DualEncoderSimulator.Settings(3, 5, rows, 5, 1.0, 1.0, 0.5)).train();
    }

    @Property(tries = 40)
    void foldsPartitionEveryTaskIntoNearlyEqualParts(@ForAll @IntRange(min = 2, max = 30) int rows, @ForAll @IntRange(min = 2, max = 7) int folds,
                                                     @ForAll long seed) {
        int[][] foldOf = KFoldEpochs.assignFolds(data(rows), folds, new SplittableRandom(seed));
        for (int[] task : foldOf) {
            assertEquals(rows, task.length);
            int[] size = new int[folds];
            for (int f : task) size[f]++;
            int min = Integer.MAX_VALUE, max = 0;
            for (int s : size) { min = Math.min(min, s); max = Math.max(max, s); }
            assertTrue(max - min <= 1, "fold sizes " + java.util.Arrays.toString(size));
        }
    }

    @Test
    void refitRunsTheEpochCountThatMinimizesTheMeanFoldCurveOnAllRows() {
        DualEncoderOptions o = DualEncoderOptions.defaults(4).withSchedule(25, 5, 3, 10);
        KFoldEpochs.Outcome out = KFoldEpochs.fit(data(30), o, 3, null, FitControl.none());
        double[] curve = out.meanCurve();
        assertEquals(25, curve.length);
        assertTrue(out.epochs() >= 1 && out.epochs() <= 25);
        for (double v : curve) assertTrue(curve[out.epochs() - 1] <= v);
        DualEncoderModel m = out.model();
        assertEquals(out.epochs(), m.bestEpoch(), "no validation split in the refit: the last epoch is kept");
        assertTrue(m.validationLosses().isEmpty());
        assertEquals(Termination.Limit.ITERATIONS, m.termination().limit());
        assertThrows(IllegalArgumentException.class, () -> KFoldEpochs.fit(data(30), o, 1, null, FitControl.none()));
    }
}
