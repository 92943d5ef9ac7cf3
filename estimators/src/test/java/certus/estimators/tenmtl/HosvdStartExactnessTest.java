package certus.estimators.tenmtl;

import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.estimators.glm.Family;
import certus.tensor.DenseMatrix;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * tenmtl.md §7.5: when the local estimates are exactly low rank, the local + HOSVD initializer already reconstructs
 * them. The data make the local ridge fits known in closed form: every task shares one design whose columns are
 * centered and orthonormal in the sample (X^T X / n = I), responses are noiseless, so task i's local ridge estimate is
 * beta_i / (1 + ridge) — a uniform shrink that keeps the stacked coefficients' Tucker ranks. The true task factor is
 * [1, f_i], so the shared/distinct split is exact too. Vector and matrix predictors, with and without the split.
 */
class HosvdStartExactnessTest {

    @Property(tries = 40)
    void initializerReconstructsExactlyLowRankLocalEstimates(@ForAll @LongRange(min = 1, max = 100_000) long seed,
                                                             @ForAll @IntRange(min = 1, max = 2) int order, @ForAll boolean shared) {
        SplittableRandom r = new SplittableRandom(seed);
        int tasks = 3 + r.nextInt(4);
        int[] dims = order == 1 ? new int[]{4 + r.nextInt(5)} : new int[]{3 + r.nextInt(3), 2 + r.nextInt(3)};
        int[] ranks = order == 1 ? new int[]{2} : new int[]{2, 2};
        double[][][] factors = new double[order][][];
        int width = 1;
        int p = 1;
        for (int m = 0; m < order; m++) {
            factors[m] = DesignRowIdentityTest.random(r, dims[m], ranks[m]);
            width *= ranks[m];
            p *= dims[m];
        }
        double[][] u0 = new double[tasks][];
        for (int i = 0; i < tasks; i++) u0[i] = new double[]{1.0, r.nextGaussian()};
        TuckerState truth = new TuckerState(dims, ranks, factors, DesignRowIdentityTest.random(r, 2, width), u0, new double[tasks]);

        double[][] x = orthonormalCenteredDesign(r, 3 * p, p);
        List<TaskData> data = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            double[] beta = truth.beta(i);
            double b = r.nextGaussian();
            double[] y = new double[x.length];
            for (int t = 0; t < x.length; t++) {
                y[t] = b;
                for (int j = 0; j < p; j++) y[t] += x[t][j] * beta[j];
            }
            data.add(new TaskData("t" + i, DenseMatrix.fromRows(x), y));
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < p; j++) names.add("x" + j);
        PredictorShape shape = order == 1 ? PredictorShape.VECTOR : PredictorShape.of(dims);
        TenMtlOptions o = TenMtlOptions.of(Family.GAUSSIAN, 2, 2, 0.0).withShape(shape).withShared(shared);

        TuckerState start = LocalHosvdStart.of(new MultiTaskData(names, data), o);
        for (int i = 0; i < tasks; i++) {
            double[] expected = truth.beta(i);
            double[] got = start.beta(i);
            for (int j = 0; j < p; j++) {
                double local = expected[j] / (1 + TenMtlFitter.LOCAL_RIDGE);
                assertEquals(local, got[j], 1e-6 * (1 + Math.abs(local)), "task " + i + " coefficient " + j);
            }
            if (shared) assertEquals(1.0, start.u0[i][0], 0.0, "the shared column of U0 is fixed at 1");
        }
    }

    /** n x p with centered columns and X^T X / n = I (Gram-Schmidt on centered Gaussian columns). */
    static double[][] orthonormalCenteredDesign(SplittableRandom r, int n, int p) {
        double[][] cols = new double[p][n];
        for (int j = 0; j < p; j++) {
            double[] c = cols[j];
            for (int t = 0; t < n; t++) c[t] = r.nextGaussian();
            double mean = 0;
            for (double v : c) mean += v / n;
            for (int t = 0; t < n; t++) c[t] -= mean;
            for (int k = 0; k < j; k++) {
                double d = 0;
                for (int t = 0; t < n; t++) d += c[t] * cols[k][t];
                for (int t = 0; t < n; t++) c[t] -= d * cols[k][t];
            }
            double norm = 0;
            for (double v : c) norm += v * v;
            norm = Math.sqrt(norm);
            for (int t = 0; t < n; t++) c[t] /= norm;
        }
        double[][] x = new double[n][p];
        double scale = Math.sqrt(n);
        for (int t = 0; t < n; t++) for (int j = 0; j < p; j++) x[t][j] = cols[j][t] * scale;
        return x;
    }
}
