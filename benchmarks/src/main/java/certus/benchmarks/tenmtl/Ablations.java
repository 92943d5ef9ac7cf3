package certus.benchmarks.tenmtl;

import certus.data.AtomicFiles;
import certus.estimators.glm.Family;
import certus.estimators.tenmtl.MultiTaskLinearModel;
import certus.estimators.tenmtl.TenMtlFitter;
import certus.estimators.tenmtl.TenMtlModel;
import certus.estimators.tenmtl.TenMtlOptions;
import certus.estimators.tenmtl.TenMtlSelection;
import certus.estimators.tenmtl.TenMtlSimulator;
import certus.benchmarks.Charts;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Issue 5, point 4: TenMTL's rank-sensitivity and initialization ablations on data from a known low-rank model
 * ({@link TenMtlSimulator}: true R0 = 2, R1 = 2). Writes {@code ablation_rank.csv/.png} (coefficient error and test
 * RMSE against R0, R1 = 2) and {@code ablation_init.csv/.png} (local + HOSVD start vs random starts: error, test RMSE,
 * final objective, sweeps), means over seeds. Files are written atomically.
 *
 * <p>Usage: {@code java -cp benchmarks.jar certus.benchmarks.tenmtl.Ablations OUT_DIR [SEEDS]}
 */
public final class Ablations {
    static final int TASKS = 20;
    static final int FEATURES = 20;
    static final int TRAIN_ROWS = 20;
    static final int TEST_ROWS = 100;
    static final double LAMBDA = 1e-3;
    static final int MAX_TASK_RANK = 5;
    static final int RANDOM_STARTS = 5;

    private Ablations() {}

    public static void main(String[] args) {
        Path out = Path.of(args[0]);
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        run(out, seeds);
        System.out.println("wrote " + out.resolve("ablation_rank.csv") + ", ablation_rank.png, ablation_init.csv, ablation_init.png");
    }

    static void run(Path out, int seeds) {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rankSensitivity(out, seeds);
        initialization(out, seeds);
    }

    private static void rankSensitivity(Path out, int seeds) {
        double[] ranks = new double[MAX_TASK_RANK];
        double[] error = new double[MAX_TASK_RANK];
        double[] rmse = new double[MAX_TASK_RANK];
        StringBuilder csv = new StringBuilder("task_rank,feature_rank,mean_relative_coefficient_error,mean_test_rmse,seeds\n");
        for (int r0 = 1; r0 <= MAX_TASK_RANK; r0++) {
            for (int seed = 1; seed <= seeds; seed++) {
                TenMtlSimulator.Synthetic s = TenMtlSimulator.simulate(seed, TASKS, FEATURES, TRAIN_ROWS, TEST_ROWS, Family.GAUSSIAN);
                MultiTaskLinearModel m = MultiTaskLinearModel.of(TenMtlFitter.fit(s.train(), TenMtlOptions.of(Family.GAUSSIAN, r0, 2, LAMBDA)));
                error[r0 - 1] += s.relativeError(m) / seeds;
                rmse[r0 - 1] += mean(TenMtlSelection.scores(m, s.test(), Family.GAUSSIAN)) / seeds;
            }
            ranks[r0 - 1] = r0;
            csv.append(String.format(Locale.ROOT, "%d,2,%.6f,%.6f,%d%n", r0, error[r0 - 1], rmse[r0 - 1], seeds));
        }
        AtomicFiles.writeString(out.resolve("ablation_rank.csv"), csv.toString());
        XYChart chart = new XYChartBuilder().width(640).height(420).title("TenMTL rank sensitivity (true R0 = 2, R1 = 2)")
                .xAxisTitle("task rank R0").yAxisTitle("mean over seeds").build();
        chart.addSeries("relative coefficient error", ranks, error);
        chart.addSeries("test RMSE / 10", ranks, Arrays.stream(rmse).map(v -> v / 10).toArray());
        Charts.savePng(chart, out.resolve("ablation_rank.png"));
    }

    private static void initialization(Path out, int seeds) {
        List<String> labels = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        StringBuilder csv = new StringBuilder("init,start_seed,mean_relative_coefficient_error,mean_test_rmse,mean_final_objective,mean_sweeps,seeds\n");
        for (int start = 0; start <= RANDOM_STARTS; start++) {
            double err = 0;
            double rmse = 0;
            double obj = 0;
            double sweeps = 0;
            for (int seed = 1; seed <= seeds; seed++) {
                TenMtlSimulator.Synthetic s = TenMtlSimulator.simulate(seed, TASKS, FEATURES, TRAIN_ROWS, TEST_ROWS, Family.GAUSSIAN);
                TenMtlOptions base = TenMtlOptions.of(Family.GAUSSIAN, 2, 2, LAMBDA);
                TenMtlOptions o = start == 0 ? base : new TenMtlOptions(base.family(), 2, 2, LAMBDA, base.ridgeF(), true,
                        TenMtlOptions.Init.RANDOM, base.maxSweeps(), base.tolerance(), start, base.shape(), 0.0);
                TenMtlModel fit = TenMtlFitter.fit(s.train(), o);
                MultiTaskLinearModel m = MultiTaskLinearModel.of(fit);
                err += s.relativeError(m) / seeds;
                rmse += mean(TenMtlSelection.scores(m, s.test(), Family.GAUSSIAN)) / seeds;
                obj += fit.objective().get(fit.objective().size() - 1) / seeds;
                sweeps += (fit.objective().size() - 1) / (double) seeds;
            }
            String label = start == 0 ? "local+HOSVD" : "random " + start;
            labels.add(label);
            errors.add(err);
            csv.append(String.format(Locale.ROOT, "%s,%d,%.6f,%.6f,%.6f,%.1f,%d%n", start == 0 ? "local_hosvd" : "random", start, err, rmse, obj,
                    sweeps, seeds));
        }
        AtomicFiles.writeString(out.resolve("ablation_init.csv"), csv.toString());
        CategoryChart chart = new CategoryChartBuilder().width(640).height(420).title("TenMTL initialization (true ranks)")
                .xAxisTitle("start").yAxisTitle("relative coefficient error (mean over seeds)").build();
        chart.addSeries("error", labels, errors);
        Charts.savePng(chart, out.resolve("ablation_init.png"));
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }
}
