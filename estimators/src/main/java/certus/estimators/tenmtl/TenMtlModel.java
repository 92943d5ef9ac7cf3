package certus.estimators.tenmtl;

import certus.estimators.glm.Family;
import certus.tensor.DenseMatrix;
import certus.tensor.DenseTensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A fitted TenMTL model: task i's coefficient tensor is B_i = (G x_0 u0_i^T) x_1 U_1 ... x_M U_M (tenmtl.md §1), with
 * u0_i = [1, f_i] under the shared/distinct split. For vector predictors (M = 1) this is beta_i = U_1 G^T u0_i.
 *
 * @param family         loss the model was fitted with
 * @param intercepts     b_i per task
 * @param featureFactors U_1..U_M (P_m x R_m)
 * @param core           core G (R0 x R_1 x ... x R_M)
 * @param u0             task factor rows (N x R0); with the split its first column is all ones
 * @param objective      penalized objective after each accepted sweep (non-increasing)
 */
public record TenMtlModel(Family family, double[] intercepts, List<DenseMatrix> featureFactors, DenseTensor core, DenseMatrix u0,
                          List<Double> objective) {
    public TenMtlModel {
        intercepts = intercepts.clone();
        featureFactors = List.copyOf(featureFactors);
        objective = List.copyOf(objective);
        if (core.order() != featureFactors.size() + 1) {
            throw new IllegalArgumentException("core of order " + core.order() + " for " + featureFactors.size() + " feature factors");
        }
    }

    static TenMtlModel of(Family family, TuckerState s, List<Double> objective) {
        List<DenseMatrix> factors = new ArrayList<>();
        for (double[][] u : s.factors) factors.add(DenseMatrix.fromRows(u));
        int[] coreShape = new int[s.order() + 1];
        coreShape[0] = s.taskRank();
        System.arraycopy(s.featureRanks, 0, coreShape, 1, s.order());
        return new TenMtlModel(family, s.b, factors, DenseTensor.of(coreShape, s.vecCore()), DenseMatrix.fromRows(s.u0), objective);
    }

    public int taskCount() {
        return intercepts.length;
    }

    /** P_1..P_M. */
    public int[] featureDims() {
        return featureFactors.stream().mapToInt(DenseMatrix::rows).toArray();
    }

    /** B_i flattened row-major (for vectors: beta_i = U_1 G^T u0_i), in the order of the data's feature columns. */
    public double[] coefficients(int task) {
        return state().beta(task);
    }

    private TuckerState state() {
        int order = featureFactors.size();
        double[][][] f = new double[order][][];
        int[] ranks = new int[order];
        for (int m = 0; m < order; m++) {
            f[m] = rows(featureFactors.get(m));
            ranks[m] = featureFactors.get(m).cols();
        }
        int r0 = core.dimension(0);
        double[] flat = core.toRowMajor();
        int width = flat.length / r0;
        double[][] g = new double[r0][];
        for (int a = 0; a < r0; a++) g[a] = Arrays.copyOfRange(flat, a * width, (a + 1) * width);
        return new TuckerState(featureDims(), ranks, f, g, rows(u0), intercepts);
    }

    private static double[][] rows(DenseMatrix m) {
        double[][] out = new double[m.rows()][];
        for (int i = 0; i < m.rows(); i++) out[i] = m.row(i);
        return out;
    }
}
