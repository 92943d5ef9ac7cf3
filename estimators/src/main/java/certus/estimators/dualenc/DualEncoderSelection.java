package certus.estimators.dualenc;

import certus.estimators.FitControl;
import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.estimators.Termination;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Hyperparameter choice for {@code certus dualenc cv} [RECON: the spec tunes λ's "by validation"]: every candidate
 * setting is fitted on a seeded within-task split of the training rows and scored by the mean over tasks of the
 * holdout MSE (response scale); the best is refitted on all rows — with the fitter's own validation split for early
 * stopping, or with K-fold epoch selection ({@link KFoldEpochs}) when the tasks are too small to spare one.
 */
public final class DualEncoderSelection {
    private DualEncoderSelection() {}

    /** The spec's default λ grid for {@code dualenc cv} (λ_α = λ_β). */
    public static final List<Double> DEFAULT_LAMBDAS = List.of(0.01, 0.1, 1.0);

    /** One candidate: its settings, mean over tasks of the holdout MSE (NaN: not run), whether it was chosen. */
    public record Row(DualEncoderOptions options, double mse, boolean chosen) {}

    /** The refitted model, the options it was refitted with and the table in candidate order. */
    public record Outcome(DualEncoderModel model, DualEncoderOptions options, List<Row> table) {
        public Outcome {
            table = List.copyOf(table);
        }
    }

    /** Candidates: every combination of λ (= λ_α = λ_β), λ_o and hidden layers, other settings from {@code base}. */
    public static List<DualEncoderOptions> grid(DualEncoderOptions base, List<Double> lambdas, List<Double> lambdaOs,
                                                List<DualEncoderOptions.Architecture> architectures) {
        if (lambdas.isEmpty() || lambdaOs.isEmpty() || architectures.isEmpty()) throw new IllegalArgumentException("an empty grid axis");
        for (double l : lambdas) {
            if (!(l >= 0) || !Double.isFinite(l)) throw new IllegalArgumentException("grid lambdas must be finite and >= 0, got " + lambdas);
        }
        List<DualEncoderOptions> out = new ArrayList<>();
        for (DualEncoderOptions.Architecture a : architectures) {
            for (double lo : lambdaOs) {
                for (double l : lambdas) out.add(base.withArchitecture(a).withPenalties(lo, l, l)); // validates lo
            }
        }
        return out;
    }

    /** λ grid only, single-split refit: {@code select(data, grid(base, lambdas, [λ_o], [hidden]), holdout, 0, ...)}. */
    public static Outcome select(MultiTaskData data, DualEncoderOptions base, List<Double> lambdas, double holdout,
                                 Consumer<String> progress) {
        return select(data, grid(base, lambdas, List.of(base.lambdaO()), List.of(base.architecture())), holdout, 0, progress, FitControl.none());
    }

    /**
     * Scores every candidate and refits the best, all under one deadline/cancellation. When it hits during the grid,
     * the candidates not yet run are skipped (mse NaN, never chosen) and the chosen grid model — fitted on the inner
     * training rows only — is returned without a refit; its termination names the limit. When it hits during the
     * refit, the refit returns its best state so far.
     *
     * @param candidates settings to compare; the first one's seed draws the holdout (through its own stream)
     * @param holdout    share of each task's rows held out for scoring, in (0, 1)
     * @param epochFolds 0: refit with the fitter's validation split; K >= 2: refit with K-fold epoch selection
     */
    public static Outcome select(MultiTaskData data, List<DualEncoderOptions> candidates, double holdout, int epochFolds,
                                 Consumer<String> progress, FitControl control) {
        if (candidates.isEmpty()) throw new IllegalArgumentException("no candidate settings");
        if (!(holdout > 0 && holdout < 1)) throw new IllegalArgumentException("holdout must be in (0, 1), got " + holdout);
        if (epochFolds == 1 || epochFolds < 0) throw new IllegalArgumentException("epoch folds must be 0 (off) or >= 2, got " + epochFolds);
        Consumer<String> log = progress == null ? s -> { } : progress;
        // a stream distinct from the fitter's (which starts from the same seed) so the two splits are independent
        SplittableRandom rnd = new SplittableRandom(candidates.get(0).seed() ^ 0x5DEECE66DL);
        List<TaskData> train = new ArrayList<>(), val = new ArrayList<>();
        for (TaskData t : data.tasks()) {
            TaskSplit s = TaskSplit.of(t.rows(), holdout, rnd);
            train.add(t.selectRows(s.train()));
            val.add(t.selectRows(s.validation()));
        }
        MultiTaskData trainData = data.withTasks(train);
        double[] mse = new double[candidates.size()];
        Arrays.fill(mse, Double.NaN);
        DualEncoderModel[] gridModels = new DualEncoderModel[candidates.size()];
        boolean stopped = false;
        for (int g = 0; g < candidates.size() && !stopped; g++) {
            DualEncoderOptions o = candidates.get(g);
            String prefix = "[" + describe(o) + "] ";
            gridModels[g] = DualEncoderFitter.fit(trainData, o, line -> log.accept(prefix + line), control);
            stopped = control.hit() != Termination.Limit.NONE;
            mse[g] = holdoutMse(gridModels[g], val);
            log.accept(String.format(Locale.ROOT, "%s: holdout mse %.6g", describe(o), mse[g]));
        }
        int chosen = choose(mse);
        List<Row> table = new ArrayList<>();
        for (int g = 0; g < candidates.size(); g++) table.add(new Row(candidates.get(g), mse[g], g == chosen));
        DualEncoderOptions best = candidates.get(chosen);
        if (stopped) {
            log.accept(String.format(Locale.ROOT, "stopped (%s) during the grid: returning the %s model fitted on the inner training rows, no refit",
                    control.hit().name().toLowerCase(Locale.ROOT), describe(best)));
            Termination t = new Termination(Termination.Reason.FEASIBLE, control.hit(),
                    "stopped during the grid; model fitted on the inner training rows (no refit)");
            return new Outcome(withTermination(gridModels[chosen], t), best, table);
        }
        log.accept("chosen " + describe(best) + "; refitting on all rows" + (epochFolds >= 2 ? " with " + epochFolds + "-fold epoch selection" : ""));
        DualEncoderModel refit = epochFolds >= 2
                ? KFoldEpochs.fit(data, best, epochFolds, log, control).model()
                : DualEncoderFitter.fit(data, best, log, control);
        return new Outcome(refit, best, table);
    }

    /** "lambda 0.1, lambda_o 0.1, hidden auto": the settings a grid varies, for progress lines. */
    public static String describe(DualEncoderOptions o) {
        String hidden = o.architecture() instanceof DualEncoderOptions.Fixed f ? (f.widths().isEmpty() ? "none" : f.widths().toString()) : "auto";
        String lambda = o.lambdaAlpha() == o.lambdaBeta() ? "lambda " + o.lambdaAlpha()
                : "lambda_alpha " + o.lambdaAlpha() + ", lambda_beta " + o.lambdaBeta();
        return lambda + ", lambda_o " + o.lambdaO() + ", hidden " + hidden;
    }

    private static double holdoutMse(DualEncoderModel m, List<TaskData> val) {
        double total = 0;
        for (int r = 0; r < val.size(); r++) {
            TaskData v = val.get(r);
            double[] f = m.predict(r, v.x());
            double s = 0;
            for (int i = 0; i < f.length; i++) s += (v.y(i) - f[i]) * (v.y(i) - f[i]);
            total += s / f.length;
        }
        return total / val.size();
    }

    /**
     * Index of the smallest score; ties go to the earlier grid point; NaN (a diverged fit) never wins unless every
     * score is NaN, then the first.
     */
    static int choose(double[] scores) {
        int best = 0;
        for (int g = 1; g < scores.length; g++) {
            if (scores[g] < scores[best] || (Double.isNaN(scores[best]) && !Double.isNaN(scores[g]))) best = g;
        }
        return best;
    }

    private static DualEncoderModel withTermination(DualEncoderModel m, Termination t) {
        return new DualEncoderModel(m.taskLabels(), m.specificEncoder(), m.sharedEncoder(), m.specificParameters(), m.sharedParameters(),
                m.intercepts(), m.alphas(), m.betas(), m.alphaCenter(), m.betaCenter(), m.scaling(), m.bestEpoch(), m.validationLosses(), t);
    }
}
