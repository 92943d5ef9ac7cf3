package certus.benchmarks.dualenc;

import certus.benchmarks.HoldoutTuning;
import certus.benchmarks.data.PdxPreparation;
import certus.data.CsvFormatOptions;
import certus.data.MultiTaskCsvReader;
import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.estimators.dualenc.Competitor;
import certus.estimators.dualenc.DualEncoderOptions;
import certus.estimators.dualenc.DualEncoderSelection;
import certus.estimators.FitControl;
import certus.estimators.dualenc.MultiTaskPredictor;
import certus.estimators.glm.Family;
import certus.estimators.tenmtl.Baselines;
import certus.estimators.tenmtl.MultiTaskLinearModel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Issue 6, point 3: the dual encoder against baselines on the PDX Encyclopedia (tasks = the five cancer types,
 * response = log untreated time to tumor doubling, features = the 178 common screened genes with RNA FPKM as
 * log2(x + 1); {@link PdxPreparation}). Protocol (dualencoder.md §6 [RECON]): repeated random 70/30 train/test splits
 * stratified by task (seed = repeat number); everything that looks at data — standardization, early stopping,
 * penalty choice — happens inside the training part. Scored by test RMSE per cancer type, averaged over types; the
 * table gives mean ± sd over repeats. The genes were pre-screened by the data set's source against treatment outcomes,
 * so absolute errors are optimistic; only the comparison between methods is meaningful.
 *
 * <p>Usage: {@code java -cp benchmarks.jar certus.benchmarks.dualenc.PdxComparison PDXE_DIR REPEATS [THREADS]}
 */
public final class PdxComparison {
    private static final double TRAIN_SHARE = 0.7;
    private static final double HOLDOUT = 0.3;

    private PdxComparison() {}

    public static void main(String[] args) throws InterruptedException, ExecutionException {
        MultiTaskData data = load(Path.of(args[0]));
        int repeats = Integer.parseInt(args[1]);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        System.err.println("PDX: " + data + ", " + threads + " thread(s)");
        // every fit is single-threaded and seeded by its repeat, so the table does not depend on the thread count
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Map<String, Double>>> rows = new ArrayList<>();
        for (int rep = 1; rep <= repeats; rep++) {
            int r = rep;
            rows.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                MultiTaskData[] tt = split(data, r);
                Map<String, Double> row = evaluate(tt[0], tt[1], r);
                System.err.printf(Locale.ROOT, "repeat %d: %s [%.0f s]%n", r, row, (System.nanoTime() - t0) / 1e9);
                return row;
            }));
        }
        pool.shutdown();
        Map<String, double[]> scores = new LinkedHashMap<>();
        for (int rep = 0; rep < repeats; rep++) {
            int at = rep;
            rows.get(rep).get().forEach((k, v) -> scores.computeIfAbsent(k, x -> new double[repeats])[at] = v);
        }
        System.out.printf(Locale.ROOT, "PDX (5 cancer types, %d models, 178 screened genes), response log time to doubling; %d random 70/30 splits%n",
                data.totalRows(), repeats);
        double[] ref = scores.get(REFERENCE);
        System.out.println("| method | test RMSE (mean over types; mean ± sd over splits) | minus " + REFERENCE + " (paired mean ± se) | splits it beats that |");
        System.out.println("|---|---|---|---|");
        for (Map.Entry<String, double[]> e : scores.entrySet()) {
            double[] v = e.getValue();
            double[] diff = new double[v.length];
            int beats = 0;
            for (int i = 0; i < v.length; i++) {
                diff[i] = v[i] - ref[i];
                if (v[i] < ref[i]) beats++;
            }
            System.out.printf(Locale.ROOT, "| %s | %.3f ± %.3f | %+.3f ± %.3f | %s |%n", e.getKey(), mean(v), sd(v), mean(diff),
                    sd(diff) / Math.sqrt(v.length), e.getKey().equals(REFERENCE) ? "-" : beats + "/" + v.length);
        }
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    private static double sd(double[] v) {
        double m = mean(v);
        return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / Math.max(1, v.length - 1));
    }

    static MultiTaskData load(Path pdxeDir) {
        try {
            Path csv = Files.createTempFile("certus-pdx", ".csv");
            try {
                PdxPreparation.prepare(pdxeDir).write(csv);
                return new MultiTaskCsvReader(new CsvFormatOptions(PdxPreparation.TASK, PdxPreparation.RESPONSE, Set.of(PdxPreparation.ID), true))
                        .read(csv).data();
            } finally {
                Files.deleteIfExists(csv);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** K of the K-fold epoch selection (the default of {@code dualenc cv} for tasks under 100 rows). */
    private static final int EPOCH_FOLDS = 5;
    /** The row every other method is compared with, split by split. */
    private static final String REFERENCE = "dual encoder, 5-fold epochs";

    /**
     * Mean over tasks of the test RMSE of every method fitted on {@code train}: linear baselines (task mean, ridge per
     * task, pooled ridge with task intercepts; ridge chosen on an inner holdout), every neural {@link Competitor} at
     * the spec defaults with the spec's 20% early-stopping split and again with 5-fold epoch selection, and the dual
     * encoder tuned as {@code certus dualenc cv --lambda-o-grid 0.01,0.1,1 --hidden-grid "auto;none"} does it.
     */
    static Map<String, Double> evaluate(MultiTaskData train, MultiTaskData test, long seed) {
        Map<String, Double> out = new LinkedHashMap<>();
        Family g = Family.GAUSSIAN;
        double[] means = new double[train.taskCount()];
        for (int i = 0; i < means.length; i++) means[i] = train.task(i).responseMean();
        out.put("task mean", rmse(rowwise((i, x) -> means[i]), test));
        List<Function<MultiTaskData, MultiTaskLinearModel>> local = new ArrayList<>();
        List<Function<MultiTaskData, MultiTaskLinearModel>> global = new ArrayList<>();
        for (double ridge : new double[]{0.1, 1, 10, 100}) {
            local.add(d -> Baselines.local(d, g, 0, ridge));
            global.add(d -> Baselines.global(d, g, 0, ridge));
        }
        MultiTaskLinearModel localRidge = HoldoutTuning.best(train, g, HOLDOUT, local);
        MultiTaskLinearModel globalRidge = HoldoutTuning.best(train, g, HOLDOUT, global);
        out.put("ridge per task", rmse(rowwise(localRidge::predict), test));
        out.put("pooled ridge (task intercepts)", rmse(rowwise(globalRidge::predict), test));
        DualEncoderOptions defaults = DualEncoderOptions.defaults(seed);
        for (Competitor c : Competitor.values()) {
            out.put(c.label() + ", 20% split", rmse(c.fit(train, defaults, 0, null)::predict, test));
        }
        for (Competitor c : Competitor.values()) {
            out.put(c.label() + ", 5-fold epochs", rmse(c.fit(train, defaults, EPOCH_FOLDS, null)::predict, test));
        }
        List<DualEncoderOptions> grid = DualEncoderSelection.grid(defaults, DualEncoderSelection.DEFAULT_LAMBDAS, List.of(0.01, 0.1, 1.0),
                List.of(new DualEncoderOptions.Auto(), new DualEncoderOptions.Fixed(List.of())));
        DualEncoderSelection.Outcome tuned = DualEncoderSelection.select(train, grid, HOLDOUT, EPOCH_FOLDS, null, FitControl.none());
        System.err.println("  split " + seed + ": tuned dual encoder chose " + DualEncoderSelection.describe(tuned.options()));
        out.put("dual encoder, tuned (dualenc cv)", rmse(tuned.model()::predict, test));
        return out;
    }

    private interface RowPredictor {
        double predict(int task, double[] x);
    }

    private static MultiTaskPredictor rowwise(RowPredictor p) {
        return (task, x) -> IntStream.range(0, x.rows()).mapToDouble(r -> p.predict(task, x.row(r))).toArray();
    }

    private static double rmse(MultiTaskPredictor p, MultiTaskData test) {
        return p.meanTaskRmse(test);
    }

    /** Per task a seeded random 70/30 split; the training rows in random order (so inner holdouts are random). */
    static MultiTaskData[] split(MultiTaskData data, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<TaskData> train = new ArrayList<>();
        List<TaskData> test = new ArrayList<>();
        for (TaskData t : data.tasks()) {
            int[] order = IntStream.range(0, t.rows()).toArray();
            for (int r = order.length - 1; r > 0; r--) {
                int k = rnd.nextInt(r + 1);
                int tmp = order[r];
                order[r] = order[k];
                order[k] = tmp;
            }
            int cut = (int) Math.round(TRAIN_SHARE * order.length);
            train.add(t.selectRows(Arrays.copyOfRange(order, 0, cut)));
            int[] te = Arrays.copyOfRange(order, cut, order.length);
            Arrays.sort(te);
            test.add(t.selectRows(te));
        }
        return new MultiTaskData[]{new MultiTaskData(data.featureNames(), train), new MultiTaskData(data.featureNames(), test)};
    }
}
