package certus.estimators.tenmtl;

import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.estimators.glm.Family;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Chooses TenMTL's ranks and Lasso weight by validation inside the training data (tenmtl.md §4): each task's last
 * {@code holdout} share of rows (in input order: chronological when the file is) is held out, every grid point is fitted
 * on the rest and scored per task (RMSE for Gaussian, mean log-loss for binomial); among the points whose mean
 * score is within one standard error (over tasks) of the best, the smallest ranks win, then the largest lambda.
 * The chosen point is refitted on all rows.
 */
public final class TenMtlSelection {
    private TenMtlSelection() {}

    /**
     * How the grid point is picked from the validation table: the 1-SE rule (smallest ranks, then largest lambda, among
     * points within one standard error of the best; the CLI default) or simply the best mean score (what a comparison
     * with baselines tuned by their best score should use, so no method gets a different rule).
     */
    public enum Rule { ONE_STANDARD_ERROR, BEST }

    /** One grid point's validation result. */
    public record Row(int taskRank, int featureRank, double lambda, double mean, double se, boolean chosen) {}

    /** The chosen fit and the whole validation table. */
    public record Outcome(TenMtl.Result result, List<Row> table) {}

    /** Default grids of tenmtl.md §4, trimmed to minutes on 2 cores: R0 {1,2,3}, R1 {2,3,5}, 5 lambdas. */
    public static List<Double> defaultLambdas() {
        return List.of(1e-1, 3e-2, 1e-2, 3e-3, 1e-3);
    }

    public static Outcome select(MultiTaskData data, Family family, List<Integer> taskRanks, List<Integer> featureRanks,
                                 List<Double> lambdas, double holdout, Consumer<String> progress) {
        return select(data, TenMtlOptions.of(family, 1, 1, 0), taskRanks, featureRanks, lambdas, holdout, Rule.ONE_STANDARD_ERROR, progress);
    }

    /**
     * As above with every other setting (family, shape, shared/distinct split — {@code false} gives the LR-Tucker
     * baseline —, factor ridge, sweeps) taken from {@code template}, and the given rule.
     */
    public static Outcome select(MultiTaskData data, TenMtlOptions template, List<Integer> taskRanks, List<Integer> featureRanks,
                                 List<Double> lambdas, double holdout, Rule rule, Consumer<String> progress) {
        List<Row> rows = validate(data, template, taskRanks, featureRanks, lambdas, holdout, progress);
        Row chosen = choose(rows, rule);
        List<Row> table = new ArrayList<>();
        for (Row r : rows) table.add(new Row(r.taskRank(), r.featureRank(), r.lambda(), r.mean(), r.se(), r == chosen));
        return new Outcome(refit(data, template, chosen), table);
    }

    /**
     * The validation table: every grid point fitted on each task's first rows and scored on its held-out last share.
     * Feature ranks above every feature dimension are skipped (they would repeat a smaller one).
     */
    public static List<Row> validate(MultiTaskData data, TenMtlOptions template, List<Integer> taskRanks, List<Integer> featureRanks,
                                     List<Double> lambdas, double holdout, Consumer<String> progress) {
        if (!(holdout > 0 && holdout < 1)) throw new IllegalArgumentException("holdout share must be in (0, 1), got " + holdout);
        int maxDimension = java.util.Arrays.stream(template.shape().resolve(data.featureCount())).max().orElseThrow();
        MultiTaskData[] split = split(data, holdout);
        List<Row> rows = new ArrayList<>();
        int total = taskRanks.size() * featureRanks.size() * lambdas.size();
        int done = 0;
        for (int r0 : taskRanks) {
            for (int r1 : featureRanks) {
                if (r1 > maxDimension) continue;
                for (double lambda : lambdas) {
                    TenMtl.Result fit = TenMtl.fit(split[0], template.withGridPoint(r0, r1, lambda));
                    double[] scores = scores(fit.raw(), split[1], template.family());
                    double mean = 0;
                    for (double s : scores) mean += s / scores.length;
                    double var = 0;
                    for (double s : scores) var += (s - mean) * (s - mean) / Math.max(1, scores.length - 1);
                    rows.add(new Row(r0, r1, lambda, mean, Math.sqrt(var / scores.length), false));
                    done++;
                    progress.accept(String.format(java.util.Locale.ROOT, "tenmtl cv %d/%d: R0=%d R1=%d lambda=%g -> %.5f", done, total, r0, r1,
                            lambda, mean));
                }
            }
        }
        return rows;
    }

    /** The grid point the rule picks from a validation table. */
    public static Row choose(List<Row> rows, Rule rule) {
        Row best = rows.stream().min(Comparator.comparingDouble(Row::mean)).orElseThrow();
        if (rule == Rule.BEST) return best;
        return rows.stream().filter(r -> r.mean() <= best.mean() + best.se())
                .min(Comparator.comparingInt((Row r) -> r.taskRank() * r.featureRank()).thenComparing(Row::lambda, Comparator.reverseOrder()))
                .orElseThrow();
    }

    /** The chosen grid point fitted on all of {@code data}. */
    public static TenMtl.Result refit(MultiTaskData data, TenMtlOptions template, Row chosen) {
        return TenMtl.fit(data, template.withGridPoint(chosen.taskRank(), chosen.featureRank(), chosen.lambda()));
    }

    /** Per-task validation score: RMSE (Gaussian) or mean log-loss (binomial). */
    public static double[] scores(MultiTaskLinearModel m, MultiTaskData valid, Family family) {
        double[] out = new double[valid.taskCount()];
        for (int i = 0; i < out.length; i++) {
            TaskData t = valid.task(i);
            double s = 0;
            for (int r = 0; r < t.rows(); r++) {
                double mu = m.predict(i, t.x().row(r));
                if (family == Family.GAUSSIAN) s += (t.y(r) - mu) * (t.y(r) - mu);
                else s += -(t.y(r) * Math.log(Math.max(mu, 1e-15)) + (1 - t.y(r)) * Math.log(Math.max(1 - mu, 1e-15)));
            }
            out[i] = family == Family.GAUSSIAN ? Math.sqrt(s / t.rows()) : s / t.rows();
        }
        return out;
    }

    /** [train, validation]: each task's last share of rows (at least MIN_ROWS_PER_TASK each side). */
    public static MultiTaskData[] split(MultiTaskData data, double holdout) {
        List<TaskData> train = new ArrayList<>();
        List<TaskData> valid = new ArrayList<>();
        for (TaskData t : data.tasks()) {
            int n = t.rows();
            int min = MultiTaskData.MIN_ROWS_PER_TASK;
            int v = Math.max(min, Math.min(n - min, (int) Math.round(holdout * n)));
            if (n - v < min || v < min) {
                throw new IllegalArgumentException("task '" + t.label() + "' has " + n + " rows: too few to hold out a validation share");
            }
            train.add(slice(t, 0, n - v));
            valid.add(slice(t, n - v, n));
        }
        return new MultiTaskData[]{new MultiTaskData(data.featureNames(), train), new MultiTaskData(data.featureNames(), valid)};
    }

    private static TaskData slice(TaskData t, int from, int to) {
        int[] idx = new int[to - from];
        for (int r = from; r < to; r++) idx[r - from] = r;
        return t.selectRows(idx);
    }
}
