package certus.estimators.dualenc;

import certus.estimators.Termination;
import certus.data.MultiTaskData;
import certus.data.TaskData;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Chooses λ_α = λ_β from a grid by mean validation MSE on a seeded within-task holdout, then refits on all rows. One
 * λ for both centers keeps the grid one-dimensional (three fits, not nine); the holdout is separate from the fitter's
 * own early-stopping split, which is drawn again inside each fit from the training part.
 */
public final class DualEncoderSelection {
    private DualEncoderSelection() {}

    /** The spec's default grid for {@code dualenc cv}. */
    public static final List<Double> DEFAULT_LAMBDAS = List.of(0.01, 0.1, 1.0);

    /** One grid point: λ (= λ_α = λ_β), mean over tasks of the holdout MSE (response scale), whether it was chosen. */
    public record Row(double lambda, double mse, boolean chosen) {}

    /** The refitted model, the options it was refitted with and the grid table in grid order. */
    public record Outcome(DualEncoderModel model, DualEncoderOptions options, List<Row> table) {
        public Outcome {
            table = List.copyOf(table);
        }
    }

    /**
     * @param base    every setting except λ_α and λ_β (its seed also draws the holdout, through its own stream)
     * @param holdout share of each task's rows held out for scoring, in (0, 1)
     */
    public static Outcome select(MultiTaskData data, DualEncoderOptions base, List<Double> lambdas, double holdout,
                                 Consumer<String> progress) {
        return select(data, base, lambdas, holdout, progress, FitControl.none());
    }

    /**
     * As above, under one deadline/cancellation for the whole run. When it hits during the grid, the grid points not
     * yet run are skipped (mse NaN, never chosen) and the chosen grid model — fitted on the inner training rows only —
     * is returned without a refit; its termination names the limit. When it hits during the refit, the refit returns
     * its best state so far.
     */
    public static Outcome select(MultiTaskData data, DualEncoderOptions base, List<Double> lambdas, double holdout,
                                 Consumer<String> progress, FitControl control) {
        if (lambdas.isEmpty()) throw new IllegalArgumentException("the lambda grid is empty");
        for (double l : lambdas) {
            if (!(l >= 0) || !Double.isFinite(l)) throw new IllegalArgumentException("grid lambdas must be finite and >= 0, got " + lambdas);
        }
        if (!(holdout > 0 && holdout < 1)) throw new IllegalArgumentException("holdout must be in (0, 1), got " + holdout);
        Consumer<String> log = progress == null ? s -> { } : progress;
        // a stream distinct from the fitter's (which starts from the same seed) so the two splits are independent
        SplittableRandom rnd = new SplittableRandom(base.seed() ^ 0x5DEECE66DL);
        List<TaskData> train = new ArrayList<>(), val = new ArrayList<>();
        for (TaskData t : data.tasks()) {
            TaskSplit s = TaskSplit.of(t.rows(), holdout, rnd);
            train.add(t.selectRows(s.train()));
            val.add(t.selectRows(s.validation()));
        }
        MultiTaskData trainData = data.withTasks(train);
        double[] mse = new double[lambdas.size()];
        java.util.Arrays.fill(mse, Double.NaN);
        DualEncoderModel[] gridModels = new DualEncoderModel[lambdas.size()];
        boolean stopped = false;
        for (int g = 0; g < lambdas.size() && !stopped; g++) {
            double l = lambdas.get(g);
            String prefix = "[lambda " + l + "] ";
            DualEncoderModel m = DualEncoderFitter.fit(trainData, withLambda(base, l), line -> log.accept(prefix + line), control);
            gridModels[g] = m;
            stopped = control.hit() != Termination.Limit.NONE;
            double total = 0;
            for (int r = 0; r < val.size(); r++) {
                TaskData v = val.get(r);
                double[] f = m.predict(r, v.x());
                double s = 0;
                for (int i = 0; i < f.length; i++) s += (v.y(i) - f[i]) * (v.y(i) - f[i]);
                total += s / f.length;
            }
            mse[g] = total / val.size();
            log.accept(String.format(Locale.ROOT, "lambda_alpha = lambda_beta = %g: holdout mse %.6g", l, mse[g]));
        }
        int chosen = choose(mse);
        List<Row> table = new ArrayList<>();
        for (int g = 0; g < lambdas.size(); g++) table.add(new Row(lambdas.get(g), mse[g], g == chosen));
        DualEncoderOptions best = withLambda(base, lambdas.get(chosen));
        if (stopped) {
            log.accept(String.format(Locale.ROOT, "stopped (%s) during the grid: returning the lambda %g model fitted on the inner training rows, no refit",
                    control.hit().name().toLowerCase(Locale.ROOT), lambdas.get(chosen)));
            DualEncoderModel m = gridModels[chosen];
            Termination t = new Termination(Termination.Reason.FEASIBLE, control.hit(),
                    "stopped during the lambda grid; model fitted on the inner training rows (no refit)");
            return new Outcome(withTermination(m, t), best, table);
        }
        log.accept(String.format(Locale.ROOT, "chosen lambda %g; refitting on all rows", lambdas.get(chosen)));
        return new Outcome(DualEncoderFitter.fit(data, best, log, control), best, table);
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

    private static DualEncoderOptions withLambda(DualEncoderOptions base, double l) {
        return base.withPenalties(base.lambdaO(), l, l);
    }
}
