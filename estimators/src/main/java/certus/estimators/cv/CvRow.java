package certus.estimators.cv;

import certus.estimators.SmtlParams;

/**
 * One grid point of a CV table.
 *
 * @param params   the grid point
 * @param meanRmse mean over folds of the multi-task RMSE (NaN if a fold produced no fit)
 * @param seRmse   standard error of that mean: sample SD over folds / sqrt(folds)
 * @param foldRmse multi-task RMSE per fold
 */
public record CvRow(SmtlParams params, double meanRmse, double seRmse, double[] foldRmse) {
    public CvRow {
        foldRmse = foldRmse.clone();
    }

    @Override
    public double[] foldRmse() {
        return foldRmse.clone();
    }

    /** Row from per-fold errors: mean and standard error across folds. */
    public static CvRow of(SmtlParams params, double[] foldRmse) {
        int n = foldRmse.length;
        double mean = 0;
        for (double v : foldRmse) mean += v;
        mean /= n;
        double ss = 0;
        for (double v : foldRmse) ss += (v - mean) * (v - mean);
        double se = n > 1 ? Math.sqrt(ss / (n - 1)) / Math.sqrt(n) : 0.0;
        return new CvRow(params, mean, se, foldRmse);
    }
}
