package certus.estimators.dualenc;

import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.tensor.DenseMatrix;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Structural properties of each competitor: what it shares is what its predictions may depend on. */
class CompetitorTest {
    private static final DualEncoderOptions FAST = DualEncoderOptions.defaults(3).withSchedule(15, 5, 3, 10);

    private static DualEncoderSimulator.Synthetic data(long seed) {
        return DualEncoderSimulator.simulate(seed, new DualEncoderSimulator.Settings(3, 6, 40, 20, 1.0, 1.0, 0.5));
    }

    @Test
    void switchedOffEncodersHaveNoParametersAndNoCoefficients() {
        MultiTaskData train = data(1).train();
        DualEncoderModel sharedOnly = DualEncoderFitter.fit(train, Competitor.SHARED_ONLY.options(FAST), null);
        for (double[] s : sharedOnly.specificParameters()) assertEquals(0, s.length);
        for (double[] a : sharedOnly.alphas()) assertEquals(0, a.length);
        assertEquals(FAST.p(), sharedOnly.betas()[0].length);
        DualEncoderModel specificOnly = DualEncoderFitter.fit(train, Competitor.SPECIFIC_ONLY.options(FAST), null);
        assertEquals(0, specificOnly.sharedParameters().length);
        for (double[] b : specificOnly.betas()) assertEquals(0, b.length);
        assertEquals(FAST.q(), specificOnly.alphas()[0].length);
        assertThrows(IllegalArgumentException.class, () -> FAST.withLatentSizes(0, 0));
    }

    @Test
    void singleEncoderModelsGetTheDualEncodersTotalLatentSize() {
        for (Competitor c : List.of(Competitor.SINGLE_TASK_MLP, Competitor.POOLED_MLP, Competitor.SHARED_BOTTOM_MLP)) {
            DualEncoderOptions o = c.options(FAST);
            assertEquals(0, o.q(), c.label());
            assertEquals(FAST.q() + FAST.p(), o.p(), c.label());
        }
        assertEquals(0.0, Competitor.SHARED_BOTTOM_MLP.options(FAST).lambdaBeta()); // free task heads
    }

    @Test
    void singleTaskModelsDoNotSeeTheOtherTasks() {
        DualEncoderSimulator.Synthetic s = data(2);
        MultiTaskPredictor base = Competitor.SINGLE_TASK_MLP.fit(s.train(), FAST, null);
        // replace task 1's responses by noise: task 0's and task 2's predictions must not move
        List<TaskData> changed = new ArrayList<>(s.train().tasks());
        TaskData t1 = changed.get(1);
        double[] y = new double[t1.rows()];
        for (int i = 0; i < y.length; i++) y[i] = Math.sin(7.0 * i);
        changed.set(1, new TaskData(t1.label(), t1.x(), y));
        MultiTaskPredictor other = Competitor.SINGLE_TASK_MLP.fit(s.train().withTasks(changed), FAST, null);
        for (int r : new int[]{0, 2}) {
            DenseMatrix x = s.test().task(r).x();
            assertArrayEquals(base.predict(r, x), other.predict(r, x), 0.0);
        }
        assertFalse(java.util.Arrays.equals(base.predict(1, s.test().task(1).x()), other.predict(1, s.test().task(1).x())));
    }

    @Test
    void thePooledModelIgnoresTheTaskLabel() {
        DualEncoderSimulator.Synthetic s = data(3);
        MultiTaskPredictor pooled = Competitor.POOLED_MLP.fit(s.train(), FAST, null);
        DenseMatrix x = s.test().task(0).x();
        assertArrayEquals(pooled.predict(0, x), pooled.predict(2, x), 0.0);
    }

    @Test
    void pooledDataKeepsEveryRowInTaskOrder() {
        MultiTaskData train = data(4).train();
        MultiTaskData pooled = Competitor.pooledAsOneTask(train);
        assertEquals(1, pooled.taskCount());
        assertEquals(train.totalRows(), pooled.totalRows());
        TaskData all = pooled.task(0);
        int row = 0;
        for (TaskData t : train.tasks()) {
            for (int i = 0; i < t.rows(); i++, row++) {
                assertArrayEquals(t.x().row(i), all.x().row(row), 0.0);
                assertEquals(t.y(i), all.y(row), 0.0);
            }
        }
    }
}
