package certus.estimators.tenmtl;

import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.estimators.FitControl;
import certus.estimators.Termination;
import certus.tensor.DenseMatrix;

import java.util.ArrayList;
import java.util.List;

/**
 * The user-facing TenMTL fit on raw data: predictors standardized with pooled means and standard deviations
 * (tenmtl.md §3 step 1, so one Lasso weight means the same for every feature), the factor model fitted on the
 * standardized scale, and per-task coefficients reported back on the raw scale for prediction.
 */
public final class TenMtl {
    private TenMtl() {}

    /**
     * @param options   the settings it was fitted with
     * @param features  feature names
     * @param tasks     task labels, in the order of the factor rows
     * @param factors   the fitted factors (standardized scale)
     * @param raw       per-task intercepts and coefficients on the raw scale
     * @param termination why the sweeps stopped: converged, the sweep cap, or a time limit / cancellation (then the
     *                    factors are the last accepted state, the best so far: the objective never increases)
     */
    public record Result(TenMtlOptions options, List<String> features, List<String> tasks, TenMtlModel factors, MultiTaskLinearModel raw,
                         Termination termination) {
        /** Prediction for a row of raw features of the named task; unknown tasks are a clear error. */
        public double predict(String task, double[] x) {
            int i = tasks.indexOf(task);
            if (i < 0) throw new IllegalArgumentException("task '" + task + "' was not in the training data (known: " + tasks + ")");
            return raw.predict(i, x);
        }
    }

    public static Result fit(MultiTaskData data, TenMtlOptions options) {
        return fit(data, options, FitControl.none());
    }

    /** As {@link #fit(MultiTaskData, TenMtlOptions)}, stopping between sweeps when {@code control} says so. */
    public static Result fit(MultiTaskData data, TenMtlOptions options, FitControl control) {
        Scaling sc = Scaling.of(data);
        TenMtlFitter.Fitted f = TenMtlFitter.fit(sc.apply(data), options, control);
        return new Result(options, data.featureNames(), data.taskLabels(), f.model(), sc.toRaw(MultiTaskLinearModel.of(f.model())), f.termination());
    }

    /** Pooled per-feature centering and scaling; constant features keep scale 1. Shared with the baselines. */
    public record Scaling(double[] mean, double[] sd) {
        public static Scaling of(MultiTaskData data) {
            int p = data.featureCount();
            double[] mean = new double[p];
            double[] sd = new double[p];
            int n = data.totalRows();
            for (TaskData t : data.tasks()) for (int r = 0; r < t.rows(); r++) for (int j = 0; j < p; j++) mean[j] += t.x().get(r, j) / n;
            for (TaskData t : data.tasks()) {
                for (int r = 0; r < t.rows(); r++) {
                    for (int j = 0; j < p; j++) {
                        double d = t.x().get(r, j) - mean[j];
                        sd[j] += d * d / n;
                    }
                }
            }
            for (int j = 0; j < p; j++) sd[j] = sd[j] > 1e-24 ? Math.sqrt(sd[j]) : 1.0;
            return new Scaling(mean, sd);
        }

        public MultiTaskData apply(MultiTaskData data) {
            List<TaskData> out = new ArrayList<>();
            for (TaskData t : data.tasks()) {
                double[][] x = new double[t.rows()][mean.length];
                for (int r = 0; r < t.rows(); r++) for (int j = 0; j < mean.length; j++) x[r][j] = (t.x().get(r, j) - mean[j]) / sd[j];
                out.add(new TaskData(t.label(), DenseMatrix.fromRows(x), t.y()));
            }
            return new MultiTaskData(data.featureNames(), out);
        }

        /** beta_raw = beta / sd, b_raw = b - sum_j beta_j mean_j / sd_j. */
        public MultiTaskLinearModel toRaw(MultiTaskLinearModel m) {
            int n = m.intercepts().length;
            double[] b = new double[n];
            double[][] beta = new double[n][];
            for (int i = 0; i < n; i++) {
                double[] s = m.coefficients(i);
                beta[i] = new double[s.length];
                b[i] = m.intercepts()[i];
                for (int j = 0; j < s.length; j++) {
                    beta[i][j] = s[j] / sd[j];
                    b[i] -= s[j] * mean[j] / sd[j];
                }
            }
            return new MultiTaskLinearModel(m.family(), b, beta);
        }
    }
}
