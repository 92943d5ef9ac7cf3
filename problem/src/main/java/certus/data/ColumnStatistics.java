package certus.data;

/**
 * Per-task, per-feature column means and centered sums of squares, computed once (two-pass, so no cancellation
 * for columns with a large mean). Standardization needs the spread; centering or reporting may need the means,
 * which the estimators deliberately do not subtract (the unpenalized intercept absorbs them).
 */
public final class ColumnStatistics {
    private final int[] rows;
    private final double[][] means;
    private final double[][] centeredSumsOfSquares;

    private ColumnStatistics(int[] rows, double[][] means, double[][] centeredSumsOfSquares) {
        this.rows = rows;
        this.means = means;
        this.centeredSumsOfSquares = centeredSumsOfSquares;
    }

    public static ColumnStatistics of(MultiTaskData data) {
        int k = data.taskCount();
        int p = data.featureCount();
        int[] n = new int[k];
        double[][] m = new double[k][p];
        double[][] ss = new double[k][p];
        for (int t = 0; t < k; t++) {
            TaskData task = data.task(t);
            n[t] = task.rows();
            for (int j = 0; j < p; j++) {
                m[t][j] = task.x().columnMean(j);
                ss[t][j] = task.x().columnCenteredSumOfSquares(j);
            }
        }
        return new ColumnStatistics(n, m, ss);
    }

    public int taskCount() { return rows.length; }

    public int rows(int k) { return rows[k]; }

    public double mean(int k, int j) { return means[k][j]; }

    /** A copy of the K x p means. */
    public double[][] means() {
        double[][] out = new double[means.length][];
        for (int k = 0; k < means.length; k++) out[k] = means[k].clone();
        return out;
    }

    /** sum_i (x_ikj - mean_kj)^2. */
    public double centeredSumOfSquares(int k, int j) { return centeredSumsOfSquares[k][j]; }

    /** Biased (maximum-likelihood) variance: centered sum of squares / n_k. */
    public double biasedVariance(int k, int j) { return centeredSumsOfSquares[k][j] / rows[k]; }

    /** Sample standard deviation with the n_k - 1 denominator (n_k >= 2 is guaranteed by MultiTaskData). */
    public double sampleSd(int k, int j) { return Math.sqrt(centeredSumsOfSquares[k][j] / (rows[k] - 1)); }
}
