package certus.estimators;

/**
 * Support recovery counts and rates for one task, or their average over tasks.
 * Conventions for empty denominators (so averages never turn NaN): TPR = 1 when there is no true nonzero
 * (nothing to miss), FPR = 0 when there is no true zero, F1 = 1 when both supports are empty.
 *
 * @param tp  selected and truly nonzero
 * @param fp  selected but truly zero
 * @param fn  missed true nonzeros
 * @param tn  correctly left out
 * @param tpr TP / (TP + FN)
 * @param fpr FP / (FP + TN)
 * @param f1  2TP / (2TP + FP + FN)
 */
public record SupportRecovery(double tp, double fp, double fn, double tn, double tpr, double fpr, double f1) {
    public static SupportRecovery of(int tp, int fp, int fn, int tn) {
        double tpr = tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        double fpr = fp + tn == 0 ? 0.0 : (double) fp / (fp + tn);
        double f1 = 2 * tp + fp + fn == 0 ? 1.0 : 2.0 * tp / (2.0 * tp + fp + fn);
        return new SupportRecovery(tp, fp, fn, tn, tpr, fpr, f1);
    }

    /** Average of every field over tasks (the paper's "averaged over tasks"). */
    public static SupportRecovery average(SupportRecovery[] perTask) {
        if (perTask.length == 0) throw new IllegalArgumentException("no tasks to average");
        double[] s = new double[7];
        for (SupportRecovery r : perTask) {
            s[0] += r.tp; s[1] += r.fp; s[2] += r.fn; s[3] += r.tn; s[4] += r.tpr; s[5] += r.fpr; s[6] += r.f1;
        }
        int n = perTask.length;
        return new SupportRecovery(s[0] / n, s[1] / n, s[2] / n, s[3] / n, s[4] / n, s[5] / n, s[6] / n);
    }
}
