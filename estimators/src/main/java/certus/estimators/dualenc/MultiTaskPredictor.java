package certus.estimators.dualenc;

import certus.tensor.DenseMatrix;

/** A fitted multi-task regression: predictions for rows of one task, on that task's response scale. */
@FunctionalInterface
public interface MultiTaskPredictor {
    /** Predictions for the rows of x (n x d, raw feature scale) of the task with index {@code task} (data order). */
    double[] predict(int task, DenseMatrix x);
}
