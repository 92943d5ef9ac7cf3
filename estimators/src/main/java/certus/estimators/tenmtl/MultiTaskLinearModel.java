package certus.estimators.tenmtl;

import certus.estimators.glm.Family;

/**
 * Per-task GLM coefficients, the common currency of TenMTL and its baselines (prediction, metrics, comparison).
 *
 * @param family       loss / link
 * @param intercepts   b_i
 * @param coefficients beta_i (N x p)
 */
public record MultiTaskLinearModel(Family family, double[] intercepts, double[][] coefficients) {
    public MultiTaskLinearModel {
        intercepts = intercepts.clone();
        double[][] c = new double[coefficients.length][];
        for (int i = 0; i < c.length; i++) c[i] = coefficients[i].clone();
        coefficients = c;
    }

    public static MultiTaskLinearModel of(TenMtlModel m) {
        double[][] beta = new double[m.taskCount()][];
        for (int i = 0; i < beta.length; i++) beta[i] = m.coefficients(i);
        return new MultiTaskLinearModel(m.family(), m.intercepts(), beta);
    }

    public double[] coefficients(int task) {
        return coefficients[task].clone();
    }

    /** The mean response for task i at x. */
    public double predict(int task, double[] x) {
        double eta = intercepts[task];
        for (int j = 0; j < x.length; j++) eta += x[j] * coefficients[task][j];
        return family.mean(eta);
    }
}
