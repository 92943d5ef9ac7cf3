package certus.estimators.tenmtl;

import certus.estimators.glm.Family;
import certus.tensor.DenseMatrix;

import java.util.List;

/**
 * A fitted TenMTL model for vector predictors: task i's coefficients are beta_i = U1 G^T u0_i (tenmtl.md §1), with
 * u0_i = [1, f_i] under the shared/distinct split.
 *
 * @param family     loss the model was fitted with
 * @param intercepts b_i per task
 * @param u1         feature factor (p x R1)
 * @param core       core G (R0 x R1)
 * @param u0         task factor rows (N x R0); with the split its first column is all ones
 * @param objective  penalized objective after each accepted sweep (non-increasing)
 */
public record TenMtlModel(Family family, double[] intercepts, DenseMatrix u1, DenseMatrix core, DenseMatrix u0, List<Double> objective) {
    public TenMtlModel {
        intercepts = intercepts.clone();
        objective = List.copyOf(objective);
    }

    public int taskCount() {
        return intercepts.length;
    }

    /** beta_i = U1 G^T u0_i. */
    public double[] coefficients(int task) {
        int r1 = u1.cols();
        double[] a = new double[r1];
        for (int r = 0; r < r1; r++) for (int c = 0; c < core.rows(); c++) a[r] += core.get(c, r) * u0.get(task, c);
        double[] beta = new double[u1.rows()];
        u1.timesInto(a, beta);
        return beta;
    }

    /** The linear predictor b_i + x^T beta_i. */
    public double linearPredictor(int task, double[] x) {
        double[] beta = coefficients(task);
        double eta = intercepts[task];
        for (int j = 0; j < beta.length; j++) eta += x[j] * beta[j];
        return eta;
    }

    /** The mean response: eta (Gaussian) or P(y = 1) (binomial). */
    public double predict(int task, double[] x) {
        return family.mean(linearPredictor(task, x));
    }
}
