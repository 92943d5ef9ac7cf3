package certus.estimators.dualenc;

import certus.data.TaskData;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulator's knobs do what dualencoder.md §5 says: a mean shift on the task's own feature, drift only in y, seeds. */
class DualEncoderSimulatorTest {

    @Test
    void covariateShiftMovesOnlyTheTasksOwnFeature() {
        int tasks = 3;
        int d = 6;
        DualEncoderSimulator.Synthetic s = DualEncoderSimulator.simulate(11, new DualEncoderSimulator.Settings(tasks, d, 4000, 10, 2.0, 0.5, 1.0));
        for (int t = 0; t < tasks; t++) {
            TaskData task = s.train().task(t);
            for (int j = 0; j < d; j++) {
                double mean = 0;
                for (int i = 0; i < task.rows(); i++) mean += task.x().get(i, j) / task.rows();
                double expected = j == t ? 2.0 : 0.0;
                assertEquals(expected, mean, 0.1, "task " + t + " feature " + j); // sd of the mean ~ 1/sqrt(4000) = 0.016
            }
        }
    }

    @Test
    void sameSeedSameDataAndPosteriorDriftChangesTheResponseOnly() {
        DualEncoderSimulator.Synthetic a = DualEncoderSimulator.simulate(5, new DualEncoderSimulator.Settings(2, 6, 20, 10, 1.0, 0.0, 1.0));
        DualEncoderSimulator.Synthetic b = DualEncoderSimulator.simulate(5, new DualEncoderSimulator.Settings(2, 6, 20, 10, 1.0, 0.0, 1.0));
        DualEncoderSimulator.Synthetic c = DualEncoderSimulator.simulate(5, new DualEncoderSimulator.Settings(2, 6, 20, 10, 1.0, 1.0, 1.0));
        for (int t = 0; t < 2; t++) {
            assertArrayEquals(a.train().task(t).y(), b.train().task(t).y(), 0.0);
            assertArrayEquals(a.train().task(t).x().toColumnMajor(), c.train().task(t).x().toColumnMajor(), 0.0, "drift leaves X alone");
        }
        boolean differs = false;
        for (int i = 0; i < 20; i++) differs |= a.train().task(0).y(i) != c.train().task(0).y(i);
        assertTrue(differs, "posterior drift changes the responses");
    }
}
