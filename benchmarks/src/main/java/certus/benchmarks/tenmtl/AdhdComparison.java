package certus.benchmarks.tenmtl;

import certus.data.CsvFormatOptions;
import certus.data.MultiTaskCsvReader;
import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.estimators.Metrics;
import certus.estimators.glm.Family;
import certus.estimators.tenmtl.MultiTaskLinearModel;
import certus.tensor.DenseMatrix;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Issue 5, point 3: TenMTL against Local, Global, LR-Tucker and SVD-ASO for ADHD classification on ADHD-200 regional
 * ALFF (116 AAL regions), tasks = the NYU and Peking sites, logistic loss. Protocol (tenmtl.md §6 [RECON]): repeated
 * stratified 5-fold CV within each site (folds balanced by site and label); inside every training fold the features are
 * standardized per site with that fold's statistics (site scales differ ~10x), the fold's rows are shuffled (seeded) and
 * every method is tuned and refitted as {@link MethodSuite} does (best holdout log-loss on the fold's last 30%). Scored per site by accuracy and AUC of the out-of-fold predictions of a repeat;
 * the table reports mean ± sd over repeats, with the majority-class rate as the chance reference.
 *
 * <p>The data carry regional scalars, not connectivity matrices, so predictors are vectors here (the tensor-predictor
 * path is exercised by the synthetic tests). Only the 116 ALFF columns are features: dx_code and the rating scales
 * are the label in other words and are dropped.
 *
 * <p>Usage: {@code java -cp benchmarks.jar certus.benchmarks.tenmtl.AdhdComparison CSV REPEATS}
 */
public final class AdhdComparison {
    private static final int FOLDS = 5;
    private static final List<Integer> TASK_RANKS = List.of(1, 2);
    private static final List<Integer> FEATURE_RANKS = List.of(1, 2, 3);
    /** One Lasso grid for every method. */
    private static final List<Double> LAMBDAS = List.of(0.1, 0.03, 0.01, 0.003);
    private static final double HOLDOUT = 0.3;
    /** TenMTL's ridge on factors and core: without it the bilinear Lasso lets separable fits diverge (see TenMtlOptions). */
    private static final double FACTOR_RIDGE = 0.1;
    private static final MethodSuite SUITE = new MethodSuite(Family.BINOMIAL, TASK_RANKS, FEATURE_RANKS, LAMBDAS, List.of(1, 2), HOLDOUT, FACTOR_RIDGE);
    private static final Set<String> NOT_FEATURES = Set.of("scandir_id", "row_in_source_mat", "dx_code", "adhd_index", "inattentive",
            "hyper_impulsive", "gender", "age", "handedness", "med_status");

    private AdhdComparison() {}

    public static void main(String[] args) {
        Path csv = Path.of(args[0]);
        int repeats = Integer.parseInt(args[1]);
        MultiTaskData data = new MultiTaskCsvReader(new CsvFormatOptions("site", "adhd", new LinkedHashSet<>(NOT_FEATURES), true)).read(csv).data();
        System.err.printf(Locale.ROOT, "ADHD-200 ALFF: %s%n", data);
        // method -> site -> [accuracy, auc] per repeat
        Map<String, double[][][]> results = new LinkedHashMap<>();
        for (int rep = 1; rep <= repeats; rep++) {
            long t0 = System.nanoTime();
            Map<String, double[][]> oof = outOfFold(data, rep);
            for (Map.Entry<String, double[][]> e : oof.entrySet()) {
                double[][][] slot = results.computeIfAbsent(e.getKey(), k -> new double[data.taskCount()][2][repeats]);
                for (int i = 0; i < data.taskCount(); i++) {
                    slot[i][0][rep - 1] = Metrics.accuracy(data.task(i).y(), e.getValue()[i]);
                    slot[i][1][rep - 1] = Metrics.auc(data.task(i).y(), e.getValue()[i]);
                }
            }
            System.err.printf(Locale.ROOT, "repeat %d done [%.0f s]%n", rep, (System.nanoTime() - t0) / 1e9);
        }
        print(data, results, repeats);
    }

    private static void print(MultiTaskData data, Map<String, double[][][]> results, int repeats) {
        System.out.printf(Locale.ROOT, "ADHD-200 ALFF (116 AAL regions), tasks = sites, %d x stratified %d-fold CV; mean ± sd over repeats%n", repeats, FOLDS);
        StringBuilder head = new StringBuilder("| method |");
        StringBuilder rule = new StringBuilder("|---|");
        for (TaskData t : data.tasks()) {
            head.append(" ").append(t.label()).append(" accuracy | ").append(t.label()).append(" AUC |");
            rule.append("---|---|");
        }
        head.append(" mean accuracy | mean AUC |");
        rule.append("---|---|");
        System.out.println(head);
        System.out.println(rule);
        StringBuilder chance = new StringBuilder("| majority class |");
        double chanceMean = 0;
        for (TaskData t : data.tasks()) {
            double ones = Arrays.stream(t.y()).sum() / t.rows();
            double rate = Math.max(ones, 1 - ones);
            chanceMean += rate / data.taskCount();
            chance.append(String.format(Locale.ROOT, " %.3f | 0.500 |", rate));
        }
        chance.append(String.format(Locale.ROOT, " %.3f | 0.500 |", chanceMean));
        System.out.println(chance);
        for (Map.Entry<String, double[][][]> e : results.entrySet()) {
            StringBuilder row = new StringBuilder("| " + e.getKey() + " |");
            double[] meanAcc = new double[repeats];
            double[] meanAuc = new double[repeats];
            for (int i = 0; i < data.taskCount(); i++) {
                double[][] m = e.getValue()[i];
                row.append(" ").append(meanSd(m[0])).append(" | ").append(meanSd(m[1])).append(" |");
                for (int r = 0; r < repeats; r++) {
                    meanAcc[r] += m[0][r] / data.taskCount();
                    meanAuc[r] += m[1][r] / data.taskCount();
                }
            }
            row.append(" ").append(meanSd(meanAcc)).append(" | ").append(meanSd(meanAuc)).append(" |");
            System.out.println(row);
        }
    }

    private static String meanSd(double[] v) {
        double mean = Arrays.stream(v).average().orElse(Double.NaN);
        double sd = Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / Math.max(1, v.length - 1));
        return String.format(Locale.ROOT, "%.3f ± %.3f", mean, sd);
    }

    /** Out-of-fold probabilities per method and site for one repeat of stratified K-fold CV. */
    static Map<String, double[][]> outOfFold(MultiTaskData data, long seed) {
        int[][] fold = stratifiedFolds(data, seed);
        Map<String, double[][]> out = new LinkedHashMap<>();
        for (int k = 0; k < FOLDS; k++) {
            List<TaskData> train = new ArrayList<>();
            List<TaskData> test = new ArrayList<>();
            for (int i = 0; i < data.taskCount(); i++) {
                TaskData t = data.task(i);
                int[] siteFolds = fold[i];
                int fk = k;
                int[] tr = IntStream.range(0, t.rows()).filter(r -> siteFolds[r] != fk).toArray();
                int[] te = IntStream.range(0, t.rows()).filter(r -> siteFolds[r] == fk).toArray();
                SiteScaling sc = SiteScaling.of(t.selectRows(tr));
                train.add(sc.apply(shuffled(t.selectRows(tr), seed * 31 + k)));
                test.add(sc.apply(t.selectRows(te)));
            }
            MultiTaskData trainData = new MultiTaskData(data.featureNames(), train);
            MultiTaskData testData = new MultiTaskData(data.featureNames(), test);
            Map<String, MultiTaskLinearModel> models = SUITE.fitAll(trainData);
            for (Map.Entry<String, MultiTaskLinearModel> e : models.entrySet()) {
                double[][] p = out.computeIfAbsent(e.getKey(), key -> new double[data.taskCount()][]);
                for (int i = 0; i < data.taskCount(); i++) {
                    if (p[i] == null) p[i] = new double[data.task(i).rows()];
                    TaskData t = testData.task(i);
                    int at = 0;
                    for (int r = 0; r < data.task(i).rows(); r++) {
                        if (fold[i][r] == k) p[i][r] = e.getValue().predict(i, t.x().row(at++));
                    }
                }
            }
            System.err.printf(Locale.ROOT, "  repeat %d fold %d/%d%n", seed, k + 1, FOLDS);
        }
        return out;
    }

    /** Per site, rows of each label dealt round-robin to folds after a seeded shuffle. */
    static int[][] stratifiedFolds(MultiTaskData data, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[][] fold = new int[data.taskCount()][];
        for (int i = 0; i < data.taskCount(); i++) {
            TaskData t = data.task(i);
            fold[i] = new int[t.rows()];
            for (int label = 0; label <= 1; label++) {
                int fl = label;
                int[] rows = IntStream.range(0, t.rows()).filter(r -> t.y(r) == fl).toArray();
                shuffle(rows, rnd);
                for (int k = 0; k < rows.length; k++) fold[i][rows[k]] = k % FOLDS;
            }
        }
        return fold;
    }

    /** The task's rows in a seeded random order, so the selection's "last 30%" holdout is a random one. */
    private static TaskData shuffled(TaskData t, long seed) {
        int[] order = IntStream.range(0, t.rows()).toArray();
        shuffle(order, new SplittableRandom(seed));
        return t.selectRows(order);
    }

    private static void shuffle(int[] a, SplittableRandom rnd) {
        for (int r = a.length - 1; r > 0; r--) {
            int k = rnd.nextInt(r + 1);
            int tmp = a[r];
            a[r] = a[k];
            a[k] = tmp;
        }
    }

    /** Per-site standardization with one training fold's means and standard deviations. */
    private record SiteScaling(double[] mean, double[] sd) {
        static SiteScaling of(TaskData t) {
            int p = t.x().cols();
            double[] mean = new double[p];
            double[] sd = new double[p];
            for (int j = 0; j < p; j++) {
                for (int r = 0; r < t.rows(); r++) mean[j] += t.x().get(r, j) / t.rows();
                for (int r = 0; r < t.rows(); r++) sd[j] += Math.pow(t.x().get(r, j) - mean[j], 2) / t.rows();
                sd[j] = sd[j] > 1e-24 ? Math.sqrt(sd[j]) : 1.0;
            }
            return new SiteScaling(mean, sd);
        }

        TaskData apply(TaskData t) {
            double[][] x = new double[t.rows()][mean.length];
            for (int r = 0; r < t.rows(); r++) for (int j = 0; j < mean.length; j++) x[r][j] = (t.x().get(r, j) - mean[j]) / sd[j];
            return new TaskData(t.label(), DenseMatrix.fromRows(x), t.y());
        }
    }
}
