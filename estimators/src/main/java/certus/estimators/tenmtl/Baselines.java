package certus.estimators.tenmtl;

import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.estimators.glm.Family;
import certus.estimators.glm.LassoGlm;
import certus.tensor.DenseMatrix;

/**
 * TenMTL's simple baselines (tenmtl.md §5) under the same loss and Lasso: Local (one GLM per task) and Global (one
 * pooled GLM with an unpenalized intercept per task).
 */
public final class Baselines {
    private static final double TOLERANCE = 1e-7;
    private static final int PASSES = 10_000;

    private Baselines() {}

    /** A separate Lasso GLM (plus the small ridge {@code ridge}) per task. */
    public static MultiTaskLinearModel local(MultiTaskData data, Family family, double lambda, double ridge) {
        int n = data.taskCount();
        double[] b = new double[n];
        double[][] beta = new double[n][];
        for (int i = 0; i < n; i++) {
            TaskData t = data.task(i);
            LassoGlm.Fit f = LassoGlm.fit(new LassoGlm.Problem(t.x(), t.y(), null, null, family, lambda, null, ridge, true), TOLERANCE, PASSES);
            b[i] = f.intercept();
            beta[i] = f.beta();
        }
        return new MultiTaskLinearModel(family, b, beta);
    }

    /** One Lasso GLM on the pooled rows, tasks weighted equally (1/n_i per row), task intercepts unpenalized. */
    public static MultiTaskLinearModel global(MultiTaskData data, Family family, double lambda, double ridge) {
        int n = data.taskCount();
        int p = data.featureCount();
        int total = data.totalRows();
        int width = p + n;
        double[] cm = new double[total * width];
        double[] y = new double[total];
        double[] w = new double[total];
        int at = 0;
        for (int i = 0; i < n; i++) {
            TaskData t = data.task(i);
            for (int r = 0; r < t.rows(); r++, at++) {
                for (int j = 0; j < p; j++) cm[j * total + at] = t.x().get(r, j);
                cm[(p + i) * total + at] = 1.0;
                y[at] = t.y(r);
                w[at] = 1.0 / (t.rows() * (double) n);
            }
        }
        double[] pf = new double[width];
        for (int j = 0; j < p; j++) pf[j] = 1.0;
        LassoGlm.Fit f = LassoGlm.fit(new LassoGlm.Problem(DenseMatrix.fromColumnMajor(total, width, cm), y, null, w, family, lambda, pf,
                ridge, false), TOLERANCE, PASSES);
        double[] shared = java.util.Arrays.copyOf(f.beta(), p);
        double[] b = new double[n];
        double[][] beta = new double[n][];
        for (int i = 0; i < n; i++) {
            b[i] = f.beta()[p + i];
            beta[i] = shared.clone();
        }
        return new MultiTaskLinearModel(family, b, beta);
    }
}
