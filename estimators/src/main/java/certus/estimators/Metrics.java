package certus.estimators;

import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.smtl.SmtlSolution;

/**
 * Evaluation metrics of spec smtl.md §6 and §8.1. Each is a plain function of arrays so it can be checked
 * against hand-computed numbers.
 */
public final class Metrics {
    private Metrics() {}

    /** sqrt(mean((y - yhat)^2)). */
    public static double rmse(double[] y, double[] yhat) {
        if (y.length != yhat.length) throw new IllegalArgumentException(y.length + " responses but " + yhat.length + " predictions");
        if (y.length == 0) throw new IllegalArgumentException("RMSE of zero rows is undefined");
        double ss = 0;
        for (int i = 0; i < y.length; i++) {
            double d = y[i] - yhat[i];
            ss += d * d;
        }
        return Math.sqrt(ss / y.length);
    }

    /** Share of 0/1 labels matched by thresholding probabilities at 1/2. */
    public static double accuracy(double[] y, double[] probability) {
        checkBinary(y, probability);
        int hits = 0;
        for (int i = 0; i < y.length; i++) if ((probability[i] >= 0.5 ? 1 : 0) == y[i]) hits++;
        return (double) hits / y.length;
    }

    /**
     * Area under the ROC curve of {@code score} for 0/1 labels: the Mann–Whitney probability that a random positive
     * scores above a random negative, ties counting 1/2 (midranks, O(n log n)). NaN when a class is absent.
     */
    public static double auc(double[] y, double[] score) {
        checkBinary(y, score);
        int n = y.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        double positiveRankSum = 0;
        long positives = 0;
        for (int start = 0; start < n; ) {
            int end = start;
            while (end + 1 < n && score[order[end + 1]] == score[order[start]]) end++;
            double midrank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) {
                if (y[order[k]] == 1) {
                    positiveRankSum += midrank;
                    positives++;
                }
            }
            start = end + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) return Double.NaN;
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    private static void checkBinary(double[] y, double[] score) {
        if (y.length != score.length) throw new IllegalArgumentException(y.length + " labels but " + score.length + " predictions");
        if (y.length == 0) throw new IllegalArgumentException("a classification metric of zero rows is undefined");
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 0 && y[i] != 1) throw new IllegalArgumentException("label " + i + " is " + y[i] + ", expected 0 or 1");
        }
    }

    /** Per-task RMSE of a solution whose task k is the data's task k (as in CV folds). */
    public static double[] perTaskRmse(SmtlSolution solution, MultiTaskData data) {
        double[] out = new double[data.taskCount()];
        for (int k = 0; k < out.length; k++) out[k] = rmse(data.task(k).y(), predictTask(solution, k, data.task(k)));
        return out;
    }

    /** Per-task RMSE of a model on data whose tasks are matched by label (order of {@code data}). */
    public static double[] perTaskRmse(SmtlModel model, MultiTaskData data) {
        double[] out = new double[data.taskCount()];
        for (int k = 0; k < out.length; k++) {
            TaskData t = data.task(k);
            out[k] = rmse(t.y(), predictTask(model.solution(), model.taskIndex(t.label()), t));
        }
        return out;
    }

    private static double[] predictTask(SmtlSolution solution, int modelTask, TaskData t) {
        double[] yhat = new double[t.rows()];
        t.x().timesInto(solution.coefficients(modelTask), yhat);
        for (int i = 0; i < yhat.length; i++) yhat[i] += solution.intercept(modelTask);
        return yhat;
    }

    /** Multi-task RMSE: the mean of the per-task RMSEs (each task counts once, whatever its size). */
    public static double multiTaskRmse(double[] perTaskRmse) {
        double s = 0;
        for (double v : perTaskRmse) s += v;
        return s / perTaskRmse.length;
    }

    /**
     * Coefficient error sqrt(mean((B_hat - B_true)^2)) over all (p+1) x K entries, intercepts included (spec §8.1).
     */
    public static double coefficientRmse(double[] interceptsHat, double[][] betaHat, double[] interceptsTrue, double[][] betaTrue) {
        int kCount = interceptsTrue.length;
        if (interceptsHat.length != kCount || betaHat.length != kCount || betaTrue.length != kCount) {
            throw new IllegalArgumentException("task counts differ");
        }
        double ss = 0;
        long n = 0;
        for (int k = 0; k < kCount; k++) {
            double d = interceptsHat[k] - interceptsTrue[k];
            ss += d * d;
            n++;
            if (betaHat[k].length != betaTrue[k].length) throw new IllegalArgumentException("feature counts differ in task " + k);
            for (int j = 0; j < betaTrue[k].length; j++) {
                double e = betaHat[k][j] - betaTrue[k][j];
                ss += e * e;
                n++;
            }
        }
        return Math.sqrt(ss / n);
    }

    /** Support recovery of one task: selected vs true nonzero pattern. */
    public static SupportRecovery supportRecovery(boolean[] selected, boolean[] truth) {
        if (selected.length != truth.length) throw new IllegalArgumentException("support lengths differ");
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        for (int j = 0; j < truth.length; j++) {
            if (selected[j] && truth[j]) tp++;
            else if (selected[j]) fp++;
            else if (truth[j]) fn++;
            else tn++;
        }
        return SupportRecovery.of(tp, fp, fn, tn);
    }

    /** Per-task support recovery (rows are tasks). */
    public static SupportRecovery[] supportRecovery(boolean[][] selected, boolean[][] truth) {
        if (selected.length != truth.length) throw new IllegalArgumentException("task counts differ");
        SupportRecovery[] out = new SupportRecovery[truth.length];
        for (int k = 0; k < truth.length; k++) out[k] = supportRecovery(selected[k], truth[k]);
        return out;
    }

    /** z_kj = 1{beta_kj != 0}, for truths given as coefficients. */
    public static boolean[][] nonzeros(double[][] beta) {
        boolean[][] z = new boolean[beta.length][];
        for (int k = 0; k < beta.length; k++) {
            z[k] = new boolean[beta[k].length];
            for (int j = 0; j < beta[k].length; j++) z[k][j] = beta[k][j] != 0.0;
        }
        return z;
    }
}
