package certus.benchmarks;

import certus.heuristics.FullGradientPass;
import certus.smtl.SmtlProblem;
import certus.smtl.SmtlSolution;
import certus.smtl.SupportRefitter;
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

import java.util.concurrent.TimeUnit;

/**
 * A full prox-gradient pass of the heuristic (all p features, every task: gradient, Zbar-aware score, top-s
 * selection) against the bare {@code X^T r} products it must compute anyway. Target (issue 3): within 2x.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GradientStepBenchmark {
    @Param({"K1_n1000_p10000", "K5_n100_p2500_zbar"})
    public String problem;

    private FullGradientPass pass;
    private DenseMatrix[] designs;
    private double[][] residuals;
    private double[][] products;

    @Setup
    public void setUp() {
        SmtlProblem instance = BenchmarkProblems.byName(problem);
        int kCount = instance.taskCount();
        boolean[][] firstS = new boolean[kCount][instance.featureCount()];
        for (boolean[] z : firstS) for (int j = 0; j < instance.s(); j++) z[j] = true;
        SmtlSolution point = SupportRefitter.refit(instance, firstS);
        pass = FullGradientPass.at(instance, point);
        pass.run(); // the whole-design Lipschitz estimate is computed once per data set and cached
        designs = new DenseMatrix[kCount];
        residuals = new double[kCount][];
        products = new double[kCount][instance.featureCount()];
        for (int k = 0; k < kCount; k++) {
            designs[k] = instance.data().task(k).x();
            residuals[k] = instance.data().task(k).y();
        }
    }

    @Benchmark
    public int fullGradientPass() {
        return pass.run();
    }

    @Benchmark
    public double[][] bareTransposeTimes() {
        for (int k = 0; k < designs.length; k++) designs[k].transposeTimesInto(residuals[k], products[k]);
        return products;
    }
}
