package certus.estimators.tenmtl;

import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.estimators.glm.Family;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 5, point 1 for tensor predictors: on data from a known low-rank Tucker model with 6 x 6 matrix predictors
 * ({@link TenMtlSimulator#simulateMatrix}: N = 12 individuals in 2 clusters, R1 = R2 = 2), TenMTL with the matrix shape
 * recovers the coefficients and predicts test data better than Local and Global tuned by an oracle, better than
 * TenMTL that ignores the matrix structure (vector predictors of length 36) while data are scarce, and its error
 * falls as n_i grows. Over three seeds.
 */
class MatrixPredictorRecoveryTest {
    static final int N = 12;
    static final int SIDE = 6;
    static final PredictorShape SHAPE = PredictorShape.of(SIDE, SIDE);

    @Test
    void matrixTenMtlBeatsBaselinesAndVectorTenMtlAndImprovesWithN() {
        for (long seed = 1; seed <= 3; seed++) {
            double previous = Double.POSITIVE_INFINITY;
            for (int rows : new int[]{20, 80}) {
                TenMtlSimulator.Synthetic s = TenMtlSimulator.simulateMatrix(seed, N, SIDE, SIDE, rows, 200, Family.GAUSSIAN);
                TenMtlModel m = TenMtlFitter.fit(s.train(), TenMtlOptions.of(Family.GAUSSIAN, 2, 2, 1e-3).withShape(SHAPE));
                MultiTaskLinearModel ten = MultiTaskLinearModel.of(m);
                MultiTaskLinearModel vector = MultiTaskLinearModel.of(TenMtlFitter.fit(s.train(), TenMtlOptions.of(Family.GAUSSIAN, 2, 2, 1e-3)));
                MultiTaskLinearModel local = oracle(s, true);
                MultiTaskLinearModel global = oracle(s, false);
                double e = s.relativeError(ten);
                System.out.printf("matrix seed %d n_i %d: coefficient error TenMTL %.3f, vector TenMTL %.3f, Local (oracle) %.3f, Global (oracle) %.3f;"
                                + " test RMSE %.3f / %.3f / %.3f / %.3f, sweeps %d%n", seed, rows, e, s.relativeError(vector),
                        s.relativeError(local), s.relativeError(global), rmse(ten, s.test()), rmse(vector, s.test()), rmse(local, s.test()),
                        rmse(global, s.test()), m.objective().size() - 1);
                for (MultiTaskLinearModel other : List.of(local, global)) {
                    assertTrue(e < s.relativeError(other), "seed " + seed + " n " + rows + ": coefficient error " + e + " vs " + s.relativeError(other));
                    assertTrue(rmse(ten, s.test()) < rmse(other, s.test()), "seed " + seed + " n " + rows + ": test RMSE");
                }
                if (rows == 20) assertTrue(e < s.relativeError(vector), "seed " + seed + ": the matrix structure should help at n_i = 20");
                assertTrue(e < previous, "seed " + seed + ": error should fall with n (" + previous + " -> " + e + ")");
                previous = e;
                List<Double> obj = m.objective();
                for (int k = 1; k < obj.size(); k++) assertTrue(obj.get(k) <= obj.get(k - 1), "objective rose at sweep " + k);
            }
        }
    }

    /** The baseline whose Lasso weight (on a grid) minimizes the true coefficient error. */
    static MultiTaskLinearModel oracle(TenMtlSimulator.Synthetic s, boolean local) {
        MultiTaskLinearModel best = null;
        for (double lambda : new double[]{0.003, 0.01, 0.03, 0.1, 0.3}) {
            MultiTaskLinearModel m = local ? Baselines.local(s.train(), Family.GAUSSIAN, lambda, 1e-6) : Baselines.global(s.train(), Family.GAUSSIAN, lambda, 0);
            if (best == null || s.relativeError(m) < s.relativeError(best)) best = m;
        }
        return best;
    }

    /** Root mean squared prediction error over all test rows. */
    static double rmse(MultiTaskLinearModel m, MultiTaskData test) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < test.taskCount(); i++) {
            TaskData t = test.task(i);
            for (int r = 0; r < t.rows(); r++, n++) {
                double d = t.y(r) - m.predict(i, t.x().row(r));
                sum += d * d;
            }
        }
        return Math.sqrt(sum / n);
    }
}
