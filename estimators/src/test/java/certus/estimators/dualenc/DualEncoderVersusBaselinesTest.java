package certus.estimators.dualenc;

import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.tensor.DenseMatrix;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 6, point 2 (first version): on data with covariate shift and posterior drift (DualEncoderSimulator, R = 4,
 * d = 10, n_r = 100, deltaX = deltaY = 1, 300 test rows per task), the dual encoder against two baselines built from the
 * same fitter and options: per-task (each task fitted alone: the R = 1 model of spec §7.8, one encoder pair per task,
 * nothing shared) and pooled (all rows as one task: one shared model, no task-specific part). Measured test MSE
 * (seeds 1-3): dual 5.19 / 7.00 / 8.92, per-task 6.13 / 7.30 / 8.60, pooled 9.00 / 12.33 / 12.12. So the dual encoder
 * beats pooling clearly on every seed (ratio 0.57-0.74) and per-task models on average (7.04 vs 7.34, 4%) but not on
 * every seed (seed 3: 3.7% worse). Asserted with margins from these runs: dual < 0.85 x pooled on every seed; mean
 * over seeds dual < per-task; every seed dual < 1.10 x per-task. The MLP baselines of the issue (with task heads) and
 * the ablations are still to come (docs/status.md).
 */
class DualEncoderVersusBaselinesTest {
    private static final int TASKS = 4;

    @Test
    void dualEncoderBeatsPoolingOnEverySeedAndPerTaskModelsOnAverage() {
        double dualSum = 0;
        double perTaskSum = 0;
        for (long seed = 1; seed <= 3; seed++) {
            DualEncoderSimulator.Synthetic s = DualEncoderSimulator.simulate(seed, new DualEncoderSimulator.Settings(TASKS, 10, 100, 300, 1.0, 1.0, 1.0));
            DualEncoderOptions o = DualEncoderOptions.defaults(seed);
            DualEncoderModel dual = DualEncoderFitter.fit(s.train(), o, line -> { });
            DualEncoderModel pooled = DualEncoderFitter.fit(pooled(s.train()), o, line -> { });
            double d = 0;
            double per = 0;
            double pool = 0;
            for (int r = 0; r < TASKS; r++) {
                TaskData test = s.test().task(r);
                DualEncoderModel alone = DualEncoderFitter.fit(new MultiTaskData(s.train().featureNames(), List.of(s.train().task(r))), o, line -> { });
                d += mse(dual.predict(r, test.x()), test.y()) / TASKS;
                per += mse(alone.predict(0, test.x()), test.y()) / TASKS;
                pool += mse(pooled.predict(0, test.x()), test.y()) / TASKS;
            }
            System.out.printf("seed %d: test MSE dual %.3f, per-task %.3f, pooled %.3f%n", seed, d, per, pool);
            assertTrue(d < 0.85 * pool, "seed " + seed + ": dual " + d + " vs pooled " + pool);
            assertTrue(d < 1.10 * per, "seed " + seed + ": dual " + d + " vs per-task " + per);
            dualSum += d;
            perTaskSum += per;
        }
        assertTrue(dualSum < perTaskSum, "mean over seeds: dual " + dualSum / 3 + " vs per-task " + perTaskSum / 3);
    }

    /** All tasks' rows as one task. */
    private static MultiTaskData pooled(MultiTaskData data) {
        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (TaskData t : data.tasks()) {
            for (int i = 0; i < t.rows(); i++) {
                x.add(t.x().row(i));
                y.add(t.y(i));
            }
        }
        return new MultiTaskData(data.featureNames(), List.of(new TaskData("all", DenseMatrix.fromRows(x.toArray(new double[0][])),
                y.stream().mapToDouble(Double::doubleValue).toArray())));
    }

    private static double mse(double[] f, double[] y) {
        double s = 0;
        for (int i = 0; i < y.length; i++) s += (f[i] - y[i]) * (f[i] - y[i]);
        return s / y.length;
    }
}
