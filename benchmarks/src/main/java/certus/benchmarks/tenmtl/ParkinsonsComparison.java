package certus.benchmarks.tenmtl;

import certus.data.CsvFormatOptions;
import certus.data.MultiTaskCsvReader;
import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.estimators.glm.Family;
import certus.estimators.tenmtl.MultiTaskLinearModel;
import certus.estimators.tenmtl.TenMtlSelection;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Issue 5, point 2: TenMTL against Local, Global, LR-Tucker and SVD-ASO on Parkinson's telemonitoring (task = subject,
 * response motor or total UPDRS, all 19 other columns as features incl. test_time). Protocol (tenmtl.md §6 [RECON]):
 * split 0 is per subject chronological (rows sorted by test_time, first 70% train); splits 1..R are random per-subject
 * 70/30 splits. Every method is tuned inside the training part only and refitted on it as {@link MethodSuite} does,
 * and scored by the mean over subjects of the per-subject test RMSE.
 *
 * <p>Usage: {@code java -cp benchmarks.jar certus.benchmarks.tenmtl.ParkinsonsComparison CSV motor_UPDRS|total_UPDRS RANDOM_SPLITS}
 */
public final class ParkinsonsComparison {
    private static final List<Integer> TASK_RANKS = List.of(1, 2, 3);
    private static final List<Integer> FEATURE_RANKS = List.of(3, 5);
    /** One Lasso grid for every method, so no method wins by a wider search. */
    private static final List<Double> LAMBDAS = List.of(0.3, 0.1, 0.03, 0.01, 0.003);
    private static final double HOLDOUT = 0.3;

    private ParkinsonsComparison() {}

    public static void main(String[] args) {
        Path csv = Path.of(args[0]);
        String response = args[1];
        int randomSplits = Integer.parseInt(args[2]);
        String other = response.equals("motor_UPDRS") ? "total_UPDRS" : "motor_UPDRS";
        MultiTaskData data = new MultiTaskCsvReader(new CsvFormatOptions("subject#", response, new LinkedHashSet<>(List.of(other)), true))
                .read(csv).data();
        int timeColumn = data.featureNames().indexOf("test_time");
        Map<String, List<Double>> scores = new LinkedHashMap<>();
        for (int split = 0; split <= randomSplits; split++) {
            MultiTaskData[] tt = split == 0 ? chronological(data, timeColumn) : random(data, split);
            long t0 = System.nanoTime();
            Map<String, Double> row = evaluate(tt[0], tt[1]);
            row.forEach((k, v) -> scores.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
            System.err.printf(Locale.ROOT, "split %d (%s): %s  [%.0f s]%n", split, split == 0 ? "chronological" : "random", row,
                    (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf(Locale.ROOT, "Parkinson's telemonitoring, response %s, %d subjects, %d rows; test RMSE = mean over subjects%n",
                response, data.taskCount(), data.totalRows());
        System.out.println("| method | chronological split | random splits (mean ± sd, " + randomSplits + ") |");
        System.out.println("|---|---|---|");
        for (Map.Entry<String, List<Double>> e : scores.entrySet()) {
            List<Double> v = e.getValue();
            double[] rnd = v.subList(1, v.size()).stream().mapToDouble(Double::doubleValue).toArray();
            double mean = Arrays.stream(rnd).average().orElse(Double.NaN);
            double sd = Math.sqrt(Arrays.stream(rnd).map(x -> (x - mean) * (x - mean)).sum() / Math.max(1, rnd.length - 1));
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f ± %.3f |%n", e.getKey(), v.get(0), mean, sd);
        }
    }

    /** Test RMSE (mean over subjects) of every method fitted on {@code train}. */
    static Map<String, Double> evaluate(MultiTaskData train, MultiTaskData test) {
        Map<String, Double> out = new LinkedHashMap<>();
        new MethodSuite(Family.GAUSSIAN, TASK_RANKS, FEATURE_RANKS, LAMBDAS, List.of(1, 2, 3), HOLDOUT, 0.0).fitAll(train)
                .forEach((name, model) -> out.put(name, rmse(model, test)));
        return out;
    }

    private static double rmse(MultiTaskLinearModel m, MultiTaskData test) {
        return mean(TenMtlSelection.scores(m, test, Family.GAUSSIAN));
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    /** Per subject: rows sorted by test_time, the first 70% train. */
    static MultiTaskData[] chronological(MultiTaskData data, int timeColumn) {
        List<TaskData> train = new ArrayList<>();
        List<TaskData> test = new ArrayList<>();
        for (TaskData t : data.tasks()) {
            Integer[] order = new Integer[t.rows()];
            for (int r = 0; r < order.length; r++) order[r] = r;
            Arrays.sort(order, (a, b) -> Double.compare(t.x().get(a, timeColumn), t.x().get(b, timeColumn)));
            add(t, order, train, test);
        }
        return new MultiTaskData[]{new MultiTaskData(data.featureNames(), train), new MultiTaskData(data.featureNames(), test)};
    }

    /** Per subject: a seeded random 70/30 split (train rows kept in time order within the permutation's first 70%). */
    static MultiTaskData[] random(MultiTaskData data, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<TaskData> train = new ArrayList<>();
        List<TaskData> test = new ArrayList<>();
        for (TaskData t : data.tasks()) {
            Integer[] order = new Integer[t.rows()];
            for (int r = 0; r < order.length; r++) order[r] = r;
            for (int r = order.length - 1; r > 0; r--) {
                int k = rnd.nextInt(r + 1);
                Integer tmp = order[r];
                order[r] = order[k];
                order[k] = tmp;
            }
            add(t, order, train, test);
        }
        return new MultiTaskData[]{new MultiTaskData(data.featureNames(), train), new MultiTaskData(data.featureNames(), test)};
    }

    private static void add(TaskData t, Integer[] order, List<TaskData> train, List<TaskData> test) {
        int cut = (int) Math.round(0.7 * order.length);
        train.add(slice(t, Arrays.copyOfRange(order, 0, cut)));
        test.add(slice(t, Arrays.copyOfRange(order, cut, order.length)));
    }

    private static TaskData slice(TaskData t, Integer[] rows) {
        return t.selectRows(Arrays.stream(rows).mapToInt(Integer::intValue).toArray());
    }
}
