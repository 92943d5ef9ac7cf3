package certus.formulations.miqp;

import certus.data.TaskData;
import certus.tensor.DenseMatrix;
import certus.tensor.SymmetricSolver;
import certus.tensor.VectorOps;

/**
 * One task with its intercept profiled out (exact.md §0): centered columns and response. The unpenalized
 * intercept is b_k = ybar - xbar^T beta_k at every optimum, so the formulations work on centered data and add
 * the intercept back after solving.
 */
final class CenteredTask {
    final int rows;
    final double[] xMeans;
    final double yMean;
    /** Centered columns, column-major like {@link DenseMatrix}. */
    final DenseMatrix xc;
    final double[] yc;

    private CenteredTask(int rows, double[] xMeans, double yMean, DenseMatrix xc, double[] yc) {
        this.rows = rows;
        this.xMeans = xMeans;
        this.yMean = yMean;
        this.xc = xc;
        this.yc = yc;
    }

    static CenteredTask of(TaskData t) {
        int n = t.rows();
        int p = t.features();
        double[] means = new double[p];
        double[][] cols = new double[p][];
        for (int j = 0; j < p; j++) {
            means[j] = t.x().columnMean(j);
            cols[j] = t.x().column(j);
            for (int i = 0; i < n; i++) cols[j][i] -= means[j];
        }
        double yMean = t.responseMean();
        double[] yc = t.y();
        for (int i = 0; i < n; i++) yc[i] -= yMean;
        return new CenteredTask(n, means, yMean, DenseMatrix.fromColumns(n, cols), yc);
    }

    /** |xc_j^T yc|, the correlation magnitude behind the per-task coefficient bound of exact.md §1.1 rule 2. */
    double absCrossProduct(int j) {
        return Math.abs(xc.columnDot(j, yc));
    }

    /**
     * A least-squares factor of ||yc - Xc_A beta_A||^2 over the columns {@code active}: returns rows (R, d, c0)
     * with ||yc - Xc_A b||^2 = ||R b - d||^2 + c0 when R^T R = Xc_A^T Xc_A is positive definite and has fewer
     * rows than the data (the compact form for n &gt; p); null when the raw residual rows should be used instead.
     */
    Factor factor(int[] active) {
        int m = active.length;
        if (m == 0 || m >= rows) return null;
        double[] g = new double[m * m];
        double[] c = new double[m];
        for (int a = 0; a < m; a++) {
            c[a] = xc.columnDot(active[a], yc);
            for (int b = a; b < m; b++) {
                double v = xc.columnDotColumn(active[a], active[b]);
                g[a * m + b] = v;
                g[b * m + a] = v;
            }
        }
        double[] l = g.clone();
        if (!SymmetricSolver.choleskyInPlace(l, m)) return null;
        // G = L L^T, so R = L^T; d solves L d = c, and c0 = yc^T yc - d^T d.
        double[] d = c.clone();
        for (int i = 0; i < m; i++) {
            double v = d[i];
            for (int k = 0; k < i; k++) v -= l[i * m + k] * d[k];
            d[i] = v / l[i * m + i];
        }
        double[][] r = new double[m][m];
        for (int i = 0; i < m; i++) for (int j = i; j < m; j++) r[i][j] = l[j * m + i];
        double c0 = VectorOps.sumOfSquares(yc) - VectorOps.sumOfSquares(d);
        return new Factor(r, d, c0);
    }

    /** Rows R (upper triangular, m x m), right-hand side d and constant c0 of the factored loss. */
    record Factor(double[][] r, double[] d, double c0) {}
}
