package certus.estimators.dualenc;

import certus.estimators.FitControl;
import certus.data.MultiTaskData;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Early stopping by K-fold cross-validation, for tasks too small to spare a validation split [RECON, beyond the spec's
 * §3 single split]. With ~25 training rows per task (PDX) the spec's 20% split scores each epoch on 5 rows per task
 * (a noisy stopping rule) and trains on 80% of the rows. Here each of K fits holds out one fold of every task and
 * records its validation curve; the epoch count minimizing the mean curve is then run on all rows with no validation
 * split. A fold that stopped early (patience) is padded with its last value: past its stop, its validation loss had
 * not improved for {@code patience} epochs. Costs K + 1 fits.
 */
public final class KFoldEpochs {
    private KFoldEpochs() {}

    /** The chosen epoch count, the mean validation curve it minimizes (index e-1 = after epoch e) and the refitted model. */
    public record Outcome(int epochs, double[] meanCurve, DualEncoderModel model) {
        public Outcome {
            meanCurve = meanCurve.clone();
        }

        @Override public double[] meanCurve() { return meanCurve.clone(); }
    }

    /**
     * @param folds K >= 2; every task is cut into K seeded random folds (a task with fewer than K rows has empty folds,
     *              which then score only the other tasks)
     */
    public static Outcome fit(MultiTaskData data, DualEncoderOptions options, int folds, Consumer<String> progress, FitControl control) {
        if (folds < 2) throw new IllegalArgumentException("need at least 2 folds, got " + folds);
        Consumer<String> log = progress == null ? s -> { } : progress;
        int[][] foldOf = assignFolds(data, folds, new SplittableRandom(options.seed() ^ 0x9E3779B97F4A7C15L));
        double[] sum = new double[options.epochs()];
        int ran = 0;
        for (int f = 0; f < folds && control.hit() == certus.estimators.Termination.Limit.NONE; f++) {
            String prefix = "[fold " + (f + 1) + "/" + folds + "] ";
            DualEncoderModel m = DualEncoderFitter.fit(data, options, line -> log.accept(prefix + line), control, splits(foldOf, f));
            List<Double> curve = m.validationLosses();
            if (curve.isEmpty()) break; // stopped before the first epoch
            for (int e = 0; e < sum.length; e++) sum[e] += curve.get(Math.min(e, curve.size() - 1));
            ran++;
        }
        int best = 0; // 0 epochs = the ridge initialization, when no fold ran an epoch
        double[] mean = new double[ran == 0 ? 0 : sum.length];
        for (int e = 0; e < mean.length; e++) {
            mean[e] = sum[e] / ran;
            if (best == 0 || mean[e] < mean[best - 1]) best = e + 1;
        }
        log.accept(String.format(Locale.ROOT, "%d-fold epoch selection: %d epochs (mean validation mse %s); refitting on all rows",
                folds, best, mean.length == 0 ? "n/a" : String.format(Locale.ROOT, "%.6g", mean[best - 1])));
        DualEncoderOptions refit = options.withValidationShare(0).withSchedule(best, options.patience(), options.encoderSteps(), options.proxSteps());
        return new Outcome(best, mean, DualEncoderFitter.fit(data, refit, log, control));
    }

    /** Per task, per row: its fold, from a seeded permutation dealt round-robin (fold sizes differ by at most 1). */
    static int[][] assignFolds(MultiTaskData data, int folds, SplittableRandom rnd) {
        int[][] out = new int[data.taskCount()][];
        for (int r = 0; r < data.taskCount(); r++) {
            int n = data.task(r).rows();
            int[] perm = new int[n];
            for (int i = 0; i < n; i++) perm[i] = i;
            for (int i = n - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = perm[i]; perm[i] = perm[j]; perm[j] = t;
            }
            out[r] = new int[n];
            for (int k = 0; k < n; k++) out[r][perm[k]] = k % folds;
        }
        return out;
    }

    private static TaskSplit[] splits(int[][] foldOf, int fold) {
        TaskSplit[] out = new TaskSplit[foldOf.length];
        for (int r = 0; r < foldOf.length; r++) {
            int[] rows = foldOf[r];
            int[] val = java.util.stream.IntStream.range(0, rows.length).filter(i -> rows[i] == fold).toArray();
            int[] train = java.util.stream.IntStream.range(0, rows.length).filter(i -> rows[i] != fold).toArray();
            out[r] = new TaskSplit(train, val);
        }
        return out;
    }
}
