package certus.estimators.tenmtl;

import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.estimators.glm.Family;
import certus.tensor.DenseMatrix;
import certus.tensor.MatrixOps;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** tenmtl.md §7.3: the model's two ends — one shared column only, and full ranks without penalty. */
class LimitingCasesTest {

    private static MultiTaskData data(long seed, int tasks, int p, int rows) {
        SplittableRandom r = new SplittableRandom(seed);
        List<TaskData> out = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            double[][] x = new double[rows][p];
            double[] y = new double[rows];
            double[] beta = new double[p];
            for (int j = 0; j < p; j++) beta[j] = r.nextGaussian();
            for (int t = 0; t < rows; t++) {
                for (int j = 0; j < p; j++) {
                    x[t][j] = r.nextGaussian();
                    y[t] += x[t][j] * beta[j];
                }
                y[t] += i + 0.3 * r.nextGaussian();
            }
            out.add(new TaskData("t" + i, DenseMatrix.fromRows(x), y));
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < p; j++) names.add("x" + j);
        return new MultiTaskData(names, out);
    }

    @Test
    void oneSharedColumnGivesEveryTaskTheSameCoefficients() {
        MultiTaskData d = data(3, 4, 5, 30);
        TenMtlModel m = TenMtlFitter.fit(d, TenMtlOptions.of(Family.GAUSSIAN, 1, 2, 1e-3));
        double[] first = m.coefficients(0);
        for (int i = 1; i < d.taskCount(); i++) {
            double[] b = m.coefficients(i);
            for (int j = 0; j < b.length; j++) assertEquals(first[j], b[j], 1e-12, "task " + i + " feature " + j);
        }
    }

    @Test
    void fullRanksWithoutPenaltyReproduceLocalLeastSquares() {
        int tasks = 3;
        int p = 3;
        MultiTaskData d = data(5, tasks, p, 25);
        TenMtlOptions o = new TenMtlOptions(Family.GAUSSIAN, tasks, p, 0.0, 0.0, false, TenMtlOptions.Init.LOCAL_HOSVD, 2000, 1e-14, 1L, PredictorShape.VECTOR, 0.0);
        TenMtlModel m = TenMtlFitter.fit(d, o);
        for (int i = 0; i < tasks; i++) {
            double[] ols = ols(d.task(i));
            double[] b = m.coefficients(i);
            for (int j = 0; j < p; j++) assertEquals(ols[j], b[j], 1e-4 * (1 + Math.abs(ols[j])), "task " + i + " feature " + j);
        }
    }

    /** Per-task least squares with an intercept, by the normal equations on centered data. */
    private static double[] ols(TaskData t) {
        int n = t.rows();
        int p = t.features();
        double[][] xc = new double[n][p];
        double[] yc = new double[n];
        double ym = t.responseMean();
        for (int r = 0; r < n; r++) {
            yc[r] = t.y(r) - ym;
            for (int j = 0; j < p; j++) xc[r][j] = t.x().get(r, j) - t.x().columnMean(j);
        }
        DenseMatrix x = DenseMatrix.fromRows(xc);
        DenseMatrix g = MatrixOps.transposeMultiply(x, x);
        double[] xty = new double[p];
        x.transposeTimesInto(yc, xty);
        double[] a = new double[p * p];
        for (int i = 0; i < p; i++) for (int j = 0; j < p; j++) a[i * p + j] = g.get(i, j);
        return certus.tensor.SymmetricSolver.solvePsd(a, xty, p);
    }
}
