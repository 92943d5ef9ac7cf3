package certus.benchmarks;

import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.estimators.glm.Family;
import certus.estimators.tenmtl.TenMtl;
import certus.estimators.tenmtl.TenMtlOptions;
import certus.tensor.DenseMatrix;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Issue 5, point 5: TenMTL alternating sweeps on a Parkinson's-sized problem (42 tasks x 140 rows, p = 19, R0 = 2,
 * R1 = 3). A fit with one sweep and with two sweeps (same start) are measured; their difference is one sweep, the
 * one-sweep fit minus it is the start (local fits + HOSVD).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TenMtlSweepBenchmark {
    @Param({"1", "2"})
    public int sweeps;

    private MultiTaskData data;
    private TenMtlOptions options;

    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(7);
        int p = 19;
        double[][] basis = new double[p][3];
        for (double[] row : basis) for (int c = 0; c < 3; c++) row[c] = r.nextGaussian();
        List<TaskData> tasks = new ArrayList<>();
        for (int i = 0; i < 42; i++) {
            double[] a = {1 + 0.3 * r.nextGaussian(), 0.5 * r.nextGaussian(), 0.5 * r.nextGaussian()};
            double[][] x = new double[140][p];
            double[] y = new double[140];
            for (int t = 0; t < 140; t++) {
                double eta = 0;
                for (int j = 0; j < p; j++) {
                    x[t][j] = r.nextGaussian();
                    eta += x[t][j] * (basis[j][0] * a[0] + basis[j][1] * a[1] + basis[j][2] * a[2]);
                }
                y[t] = eta + r.nextGaussian();
            }
            tasks.add(new TaskData("s" + i, DenseMatrix.fromRows(x), y));
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < p; j++) names.add("x" + j);
        data = new MultiTaskData(names, tasks);
        TenMtlOptions o = TenMtlOptions.of(Family.GAUSSIAN, 2, 3, 0.01);
        options = new TenMtlOptions(o.family(), o.taskRank(), o.featureRank(), o.lambda(), o.ridgeF(), o.shared(), o.init(), sweeps, 0.0, 1L, o.shape(), 0.0);
    }

    @Benchmark
    public TenMtl.Result fit() {
        return TenMtl.fit(data, options);
    }
}
