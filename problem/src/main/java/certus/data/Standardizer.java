package certus.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Per-task column scaling (spec smtl.md section 1.1). Each task's feature column is divided by that task's own
 * scale; columns are NOT centered because the unpenalized intercept absorbs the mean, and the response is left
 * alone. Fits on scaled data are mapped back with {@link StandardizedData#toRaw}.
 *
 * <p>The default is {@link #NONE}: Certus's canonical objective (and every certificate) refers to the data exactly
 * as the user gave it, so scaling must be asked for explicitly and reported in the output. Note that with scaling
 * the cardinality ranking and the Bbar/Zbar penalties act on per-task-SCALED coefficients, so a scaled fit is a
 * different problem, not a reparametrization of the unscaled one.
 *
 * <p>A column that is constant within a task ({@link MultiTaskData#isConstant}) gets scale 1 and is flagged:
 * dividing by a (near-)zero spread would blow it up for no benefit, since such a column is never selected anyway.
 */
public enum Standardizer {
    /** Data as given; all scales 1. */
    NONE,
    /** Divide by the maximum-likelihood standard deviation sqrt(sum (x - mean)^2 / n_k) (glmnet convention). */
    MLE,
    /**
     * Divide by sample_sd * (n_k - 1) / n_k, the reference R package's scale (its comment promises the MLE sd,
     * which would be sample_sd * sqrt((n_k - 1) / n_k)). Kept only for parity tests against that package.
     */
    REFERENCE;

    /** Parses a CLI/JSON name ("none", "mle", "reference"; case-insensitive). */
    public static Standardizer parse(String name) {
        for (Standardizer s : values()) if (s.name().equalsIgnoreCase(name.strip())) return s;
        List<String> names = new ArrayList<>();
        for (Standardizer s : values()) names.add(s.cliName());
        throw new IllegalArgumentException("unknown standardization '" + name + "'; expected one of " + names);
    }

    /** Lower-case name as used on the command line and in JSON. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Scales and flags every (task, feature) column and returns the scaled data with the mapping back. */
    public StandardizedData standardize(MultiTaskData data) {
        int taskCount = data.taskCount();
        int p = data.featureCount();
        ColumnStatistics stats = this == NONE ? null : ColumnStatistics.of(data);
        double[][] scales = new double[taskCount][p];
        boolean[][] zeroVariance = new boolean[taskCount][p];
        List<TaskData> scaled = new ArrayList<>(taskCount);
        for (int k = 0; k < taskCount; k++) {
            double[] inverse = new double[p];
            for (int j = 0; j < p; j++) {
                zeroVariance[k][j] = data.isConstant(k, j);
                double s = zeroVariance[k][j] || stats == null ? 1.0 : scale(stats, k, j);
                // A column can pass the relative constancy test yet have a spread that underflows; never divide by 0.
                if (!(s > 0) || !Double.isFinite(1.0 / s)) s = 1.0;
                scales[k][j] = s;
                inverse[j] = 1.0 / s;
            }
            TaskData t = data.task(k);
            scaled.add(this == NONE ? t : new TaskData(t.label(), t.x().scaleColumns(inverse), t.y()));
        }
        MultiTaskData out = this == NONE ? data : new MultiTaskData(data.featureNames(), scaled);
        return new StandardizedData(this, data, out, scales, zeroVariance);
    }

    private double scale(ColumnStatistics stats, int k, int j) {
        int n = stats.rows(k);
        return switch (this) {
            case NONE -> 1.0;
            case MLE -> Math.sqrt(stats.biasedVariance(k, j));
            case REFERENCE -> stats.sampleSd(k, j) * (n - 1) / n;
        };
    }
}
