package certus.estimators.dualenc;

import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.tensor.DenseMatrix;

/** A fitted multi-task regression: predictions for rows of one task, on that task's response scale. */
@FunctionalInterface
public interface MultiTaskPredictor {
    /** Predictions for the rows of x (n x d, raw feature scale) of the task with index {@code task} (data order). */
    double[] predict(int task, DenseMatrix x);

    /** Mean over the tasks of {@code test} (same task order as the fit) of each task's mean squared error. */
    default double meanTaskMse(MultiTaskData test) {
        double total = 0;
        for (int r = 0; r < test.taskCount(); r++) total += taskMse(r, test.task(r));
        return total / test.taskCount();
    }

    /** Mean over the tasks of {@code test} of each task's root mean squared error (the case studies' metric). */
    default double meanTaskRmse(MultiTaskData test) {
        double total = 0;
        for (int r = 0; r < test.taskCount(); r++) total += Math.sqrt(taskMse(r, test.task(r)));
        return total / test.taskCount();
    }

    private double taskMse(int r, TaskData t) {
        double[] f = predict(r, t.x());
        double s = 0;
        for (int i = 0; i < t.rows(); i++) s += (f[i] - t.y(i)) * (f[i] - t.y(i));
        return s / t.rows();
    }
}
