package certus.formulations.bnb;

import certus.data.TaskData;
import certus.smtl.SmtlProblem;
import certus.tensor.DenseMatrix;

import java.util.ArrayList;
import java.util.List;

/**
 * One task's centered sufficient statistics for the ridge problems of branch and bound: {@code Xc^T yc},
 * {@code yc^T yc} and Gram columns {@code Xc^T xc_j}, the latter computed on first use and cached.
 *
 * <p>Why Gram columns: every relaxation evaluation needs the scores {@code xc_j^T alpha} of all p features, and
 * {@code Xc^T alpha = (Xc^T yc - G_U beta_U) / n} costs O(p |U|) from cached columns instead of O(n p) from the
 * data; the support U of a relaxation is small (a few times s), so only a few hundred columns are ever formed.
 * The intercept is profiled out by centering (exact.md §0), so no intercept appears below.
 */
final class TaskGram {
    final int rows;
    final int features;
    /** yc^T yc. */
    final double yy;
    /** Xc^T yc. */
    final double[] xty;
    private final DenseMatrix x;
    private final double[] means;
    /** Gram columns formed so far (safely published: the workers of one tree read them concurrently). */
    private final java.util.concurrent.atomic.AtomicReferenceArray<double[]> columns;

    TaskGram(TaskData task) {
        this.x = task.x();
        this.rows = task.rows();
        this.features = task.features();
        this.means = new double[features];
        for (int j = 0; j < features; j++) means[j] = x.columnMean(j);
        double[] y = task.y();
        double yMean = task.responseMean();
        double ss = 0;
        for (int i = 0; i < rows; i++) {
            y[i] -= yMean;
            ss += y[i] * y[i];
        }
        this.yy = ss;
        this.xty = new double[features];
        // x_j^T yc = xc_j^T yc because yc sums to zero.
        x.transposeTimesInto(y, xty);
        this.columns = new java.util.concurrent.atomic.AtomicReferenceArray<>(features);
    }

    /** Each task's statistics, in task order (built once per solve and shared by its searches). */
    static List<TaskGram> perTask(SmtlProblem problem) {
        List<TaskGram> g = new ArrayList<>();
        for (int k = 0; k < problem.taskCount(); k++) g.add(new TaskGram(problem.data().task(k)));
        return g;
    }

    /** {@code Gc_UU / n} row-major, rows and columns in u's order: the Gram block of a ridge system on the features u. */
    double[] blockOverRows(int[] u) {
        int m = u.length;
        double[] block = new double[m * m];
        for (int a = 0; a < m; a++) {
            double[] col = column(u[a]);
            for (int b = 0; b < m; b++) block[a * m + b] = col[u[b]] / rows;
        }
        return block;
    }

    /** Xc^T xc_j (length p); cached, shared, do not modify. */
    double[] column(int j) {
        double[] c = columns.get(j);
        if (c == null) {
            c = new double[features];
            double[] xj = x.column(j);
            x.transposeTimesInto(xj, c);
            // xc_i^T xc_j = x_i^T x_j - n m_i m_j
            for (int i = 0; i < features; i++) c[i] -= rows * means[i] * means[j];
            columns.set(j, c); // two threads may form the same column: equal arrays, either may win
        }
        return c;
    }
}
