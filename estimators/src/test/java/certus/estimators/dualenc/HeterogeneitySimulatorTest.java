package certus.estimators.dualenc;

import certus.data.TaskData;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulator's knobs do what dualencoder.md §5 says: mean shift on the task's features, noise variance 1, seeds. */
class HeterogeneitySimulatorTest {

    @Test
    void covariateShiftMovesOnlyTheTasksOwnFeaturesAndNoiseHasUnitVariance() {
        int tasks = 3;
        int d = 9;
        HeterogeneitySimulator.Synthetic s = HeterogeneitySimulator.simulate(11, tasks, d, 4000, 4000, 2.0, 0.5);
        for (int t = 0; t < tasks; t++) {
            TaskData task = s.train().task(t);
            for (int j = 0; j < d; j++) {
                double mean = 0;
                for (int i = 0; i < task.rows(); i++) mean += task.x().get(i, j) / task.rows();
                double expected = j % tasks == t ? 2.0 : 0.0;
                assertEquals(expected, mean, 0.1, "task " + t + " feature " + j); // sd of the mean ~ 1/sqrt(4000) = 0.016
            }
        }
        // y - E[y|x] is the N(0, 1) noise: its mean square over 12,000 rows is 1 within ~4.5 standard errors (sd sqrt(2/12000))
        assertEquals(1.0, s.oracleMse(), 0.06);
    }

    @Test
    void sameSeedSameDataAndPosteriorDriftChangesTheResponseOnly() {
        HeterogeneitySimulator.Synthetic a = HeterogeneitySimulator.simulate(5, 2, 6, 20, 10, 1.0, 0.0);
        HeterogeneitySimulator.Synthetic b = HeterogeneitySimulator.simulate(5, 2, 6, 20, 10, 1.0, 0.0);
        HeterogeneitySimulator.Synthetic c = HeterogeneitySimulator.simulate(5, 2, 6, 20, 10, 1.0, 1.0);
        for (int t = 0; t < 2; t++) {
            assertArrayEquals(a.train().task(t).y(), b.train().task(t).y(), 0.0);
            assertArrayEquals(a.train().task(t).x().toColumnMajor(), c.train().task(t).x().toColumnMajor(), 0.0, "drift leaves X alone");
        }
        boolean differs = false;
        for (int i = 0; i < 20; i++) differs |= a.train().task(0).y(i) != c.train().task(0).y(i);
        assertTrue(differs, "posterior drift changes the responses");
    }
}
