package certus.estimators.tenmtl;

import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.estimators.glm.LassoGlm;
import certus.tensor.DenseMatrix;
import certus.tensor.DenseTensor;
import certus.tensor.MatrixOps;
import certus.tensor.Tucker;
import certus.tensor.TuckerDecomposition;

/**
 * TenMTL's initialization (tenmtl.md §3 steps 2-3): local per-task ridge GLMs, stacked into the N x P_1 x ... x P_M
 * tensor of local coefficients, truncated to ranks (R0, R_1, ..., R_M) by HOSVD (for vector predictors: the leading
 * singular subspaces, B ~ U0 G U1^T with G = U0^T B U1), then U0's rows split into the shared mean and distinct
 * deviations.
 *
 * <p>The split [RECON in the spec, derived here]: with m the mean row of U0 and D = U0 - 1 m^T, write D ~ F V with V the
 * R0 - 1 leading right singular directions of D; then u0_i G_(0) = m G_(0) + f_i (V G_(0)), so the core's mode-0 rows
 * become [m G_(0) ; V G_(0)] and u0_i = [1, f_i]. Exact when D has rank &lt;= R0 - 1, which holds after centering a
 * rank-R0 U0 only when the mean lies in its row space; otherwise it is the best (R0 - 1)-dimensional approximation of the
 * deviations.
 */
final class LocalHosvdStart {
    private LocalHosvdStart() {}

    static TuckerState of(MultiTaskData data, TenMtlOptions o) {
        int n = data.taskCount();
        int p = data.featureCount();
        int[] dims = o.shape().resolve(p);
        int[] ranks = o.featureRanks(dims);
        double[] stacked = new double[n * p];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            TaskData t = data.task(i);
            LassoGlm.Fit f = LassoGlm.fit(new LassoGlm.Problem(t.x(), t.y(), null, null, o.family(), 0, null, TenMtlFitter.LOCAL_RIDGE, true),
                    1e-8, 1000);
            System.arraycopy(f.beta(), 0, stacked, i * p, p);
            b[i] = f.intercept();
        }
        int[] shape = new int[dims.length + 1];
        shape[0] = n;
        System.arraycopy(dims, 0, shape, 1, dims.length);
        int[] hosvdRanks = new int[shape.length];
        hosvdRanks[0] = Math.min(o.taskRank(), n);
        System.arraycopy(ranks, 0, hosvdRanks, 1, ranks.length);
        Tucker t = TuckerDecomposition.hosvd(DenseTensor.of(shape, stacked), hosvdRanks);
        double[][] u0Rows = TenMtlFitter.toRows(t.factors().get(0));
        double[][] core = coreRows(t.core(), hosvdRanks[0]);
        if (o.shared()) {
            double[][][] split = split(u0Rows, core);
            u0Rows = split[0];
            core = split[1];
        }
        double[][][] factors = new double[dims.length][][];
        for (int m = 0; m < dims.length; m++) factors[m] = TenMtlFitter.toRows(t.factors().get(m + 1));
        // pad the task mode to the requested rank when there were fewer tasks than asked for
        return new TuckerState(dims, ranks, factors, pad(core, o.taskRank(), core[0].length), pad(u0Rows, n, o.taskRank()), b);
    }

    /** The core's mode-0 rows: row a = G[a, ...] in row-major order. */
    private static double[][] coreRows(DenseTensor core, int r0) {
        double[] flat = core.toRowMajor();
        int width = flat.length / r0;
        double[][] rows = new double[r0][];
        for (int a = 0; a < r0; a++) rows[a] = java.util.Arrays.copyOfRange(flat, a * width, (a + 1) * width);
        return rows;
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

    /** a copied into a rows x cols array of zeros. */
    private static double[][] pad(double[][] a, int rows, int cols) {
        double[][] out = new double[rows][cols];
        for (int i = 0; i < Math.min(rows, a.length); i++) System.arraycopy(a[i], 0, out[i], 0, Math.min(cols, a[i].length));
        return out;
    }
}
