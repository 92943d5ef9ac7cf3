package certus.estimators.tenmtl;

import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.estimators.glm.LassoGlm;
import certus.tensor.DenseMatrix;
import certus.tensor.MatrixOps;

/**
 * TenMTL's initialization (tenmtl.md §3 steps 2-3): local per-task ridge GLMs, stacked into the N x p matrix of
 * local coefficients B, truncated to ranks (R0, R1) by HOSVD (for a matrix: the leading singular subspaces,
 * B ~ U0 G U1^T with G = U0^T B U1), then U0's rows split into the shared mean and distinct deviations.
 *
 * <p>The split [RECON in the spec, derived here]: with m the mean row of U0 and D = U0 - 1 m^T, write D ~ F V with V the
 * R0 - 1 leading right singular directions of D; then u0_i G = m G + f_i (V G), so the core becomes [m G ; V G] and
 * u0_i = [1, f_i]. Exact when D has rank &lt;= R0 - 1, which holds after centering a rank-R0 U0 only when the mean lies in
 * its row space; otherwise it is the best (R0 - 1)-dimensional approximation of the deviations.
 */
final class LocalHosvdStart {
    private LocalHosvdStart() {}

    static TenMtlFitter.State of(MultiTaskData data, TenMtlOptions o) {
        int n = data.taskCount();
        int p = data.featureCount();
        double[][] local = new double[n][];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            TaskData t = data.task(i);
            LassoGlm.Fit f = LassoGlm.fit(new LassoGlm.Problem(t.x(), t.y(), null, null, o.family(), 0, null, TenMtlFitter.LOCAL_RIDGE, true),
                    1e-8, 1000);
            local[i] = f.beta();
            b[i] = f.intercept();
        }
        int r0 = Math.min(o.taskRank(), n);
        int r1 = Math.min(o.featureRank(), p);
        DenseMatrix bl = DenseMatrix.fromRows(local);
        DenseMatrix u0 = MatrixOps.leadingLeftSingularVectors(bl, Math.min(r0, n));
        DenseMatrix u1 = MatrixOps.leadingLeftSingularVectors(MatrixOps.transpose(bl), r1);
        DenseMatrix g = MatrixOps.multiply(MatrixOps.transposeMultiply(u0, bl), u1); // R0 x R1
        double[][] u0Rows = TenMtlFitter.toRows(u0);
        double[][] core = TenMtlFitter.toRows(g);
        if (o.shared()) {
            double[][][] split = split(u0Rows, core);
            u0Rows = split[0];
            core = split[1];
        }
        // pad to the requested ranks when there were fewer tasks or features than asked for
        return new TenMtlFitter.State(pad(TenMtlFitter.toRows(u1), o.featureRank()), padCore(core, o.taskRank(), o.featureRank()),
                pad(u0Rows, o.taskRank()), b);
    }

    /** [u0 rows with leading 1, core] from the shared/distinct split of the class comment. */
    private static double[][][] split(double[][] u0, double[][] g) {
        int n = u0.length;
        int r0 = u0[0].length;
        int r1 = g[0].length;
        double[] mean = new double[r0];
        for (double[] row : u0) for (int a = 0; a < r0; a++) mean[a] += row[a] / n;
        double[][] newCore = new double[r0][r1];
        for (int r = 0; r < r1; r++) for (int a = 0; a < r0; a++) newCore[0][r] += mean[a] * g[a][r];
        double[][] rows = new double[n][r0];
        for (double[] row : rows) row[0] = 1.0;
        if (r0 > 1) {
            double[][] dev = new double[n][r0];
            for (int i = 0; i < n; i++) for (int a = 0; a < r0; a++) dev[i][a] = u0[i][a] - mean[a];
            // V^T: leading right singular directions of D = leading left singular vectors of D^T (r0 x n)
            DenseMatrix vt = MatrixOps.leadingLeftSingularVectors(MatrixOps.transpose(DenseMatrix.fromRows(dev)), Math.min(r0 - 1, r0));
            for (int c = 0; c < r0 - 1 && c < vt.cols(); c++) {
                for (int i = 0; i < n; i++) {
                    double f = 0;
                    for (int a = 0; a < r0; a++) f += dev[i][a] * vt.get(a, c);
                    rows[i][c + 1] = f;
                }
                for (int r = 0; r < r1; r++) {
                    double v = 0;
                    for (int a = 0; a < r0; a++) v += vt.get(a, c) * g[a][r];
                    newCore[c + 1][r] = v;
                }
            }
        }
        return new double[][][]{rows, newCore};
    }

    private static double[][] pad(double[][] a, int cols) {
        double[][] out = new double[a.length][cols];
        for (int i = 0; i < a.length; i++) System.arraycopy(a[i], 0, out[i], 0, Math.min(cols, a[i].length));
        return out;
    }

    private static double[][] padCore(double[][] g, int r0, int r1) {
        double[][] out = new double[r0][r1];
        for (int a = 0; a < Math.min(r0, g.length); a++) System.arraycopy(g[a], 0, out[a], 0, Math.min(r1, g[a].length));
        return out;
    }
}
