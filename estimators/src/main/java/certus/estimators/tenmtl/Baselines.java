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

    /** One Lasso GLM (plus ridge) on the pooled rows, tasks weighted equally (1/n_i per row), task intercepts unpenalized. */
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
        // pf doubles as the ridge factors: neither the Lasso nor the ridge may shrink the task intercepts
        LassoGlm.Fit f = LassoGlm.fit(new LassoGlm.Problem(DenseMatrix.fromColumnMajor(total, width, cm), y, null, w, family, lambda, pf,
                ridge, false, pf), TOLERANCE, PASSES);
        double[] shared = java.util.Arrays.copyOf(f.beta(), p);
        double[] b = new double[n];
        double[][] beta = new double[n][];
        for (int i = 0; i < n; i++) {
            b[i] = f.beta()[p + i];
            beta[i] = shared.clone();
        }
        return new MultiTaskLinearModel(family, b, beta);
    }

    /**
     * SVD-ASO (alternating structure optimization, tenmtl.md §5): beta_i = u_i + Theta^T v_i with a shared h-dimensional
     * subspace Theta (orthonormal rows) and only u_i ridge-penalized. With Q = [Theta; Theta_perp] orthonormal,
     * min over v of ||beta - Theta^T v||^2 = ||Theta_perp beta||^2, so step (a) is one GLM per task in the rotated
     * coordinates Q x with ridge {@code ridge} on the Theta_perp part (and a tiny one on the Theta part); step (b) sets
     * Theta to the leading h left singular vectors of the p x N matrix of task coefficients. Starts from local ridge fits.
     */
    public static MultiTaskLinearModel svdAso(MultiTaskData data, Family family, int h, double ridge, int iterations) {
        int n = data.taskCount();
        int p = data.featureCount();
        if (h < 1 || h > Math.min(p, n)) throw new IllegalArgumentException("SVD-ASO dimension h must be in 1.." + Math.min(p, n) + ", got " + h);
        MultiTaskLinearModel current = local(data, family, 0, ridge);
        for (int it = 0; it < iterations; it++) {
            double[][] w = new double[p][n];
            for (int i = 0; i < n; i++) {
                double[] b = current.coefficients(i);
                for (int j = 0; j < p; j++) w[j][i] = b[j];
            }
            // Q: leading p left singular vectors of W (full basis), Theta = its first h rows
            DenseMatrix q = certus.tensor.MatrixOps.transpose(certus.tensor.MatrixOps.leadingLeftSingularVectors(DenseMatrix.fromRows(w), p));
            double[] rf = new double[p];
            for (int a = 0; a < p; a++) rf[a] = a < h ? 1e-6 : 1.0;
            double[] b0 = new double[n];
            double[][] beta = new double[n][];
            for (int i = 0; i < n; i++) {
                TaskData t = data.task(i);
                DenseMatrix rotated = certus.tensor.MatrixOps.transpose(certus.tensor.MatrixOps.multiply(q, certus.tensor.MatrixOps.transpose(t.x())));
                LassoGlm.Fit f = LassoGlm.fit(new LassoGlm.Problem(rotated, t.y(), null, null, family, 0, null, ridge, true, rf), TOLERANCE, PASSES);
                b0[i] = f.intercept();
                // beta = Q^T c
                beta[i] = new double[p];
                for (int j = 0; j < p; j++) for (int a = 0; a < p; a++) beta[i][j] += q.get(a, j) * f.beta()[a];
            }
            current = new MultiTaskLinearModel(family, b0, beta);
        }
        return current;
    }
}
