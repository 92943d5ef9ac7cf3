package certus.benchmarks;

import certus.formulations.oa.CutGenerator;
import certus.formulations.oa.InnerPoint;
import certus.formulations.oa.InnerProblem;
import certus.heuristics.FullGradientPass;
import certus.heuristics.HeuristicListener;
import certus.heuristics.HeuristicOptions;
import certus.heuristics.SmtlHeuristic;
import certus.smtl.SmtlProblem;
import certus.smtl.SmtlSolution;
import certus.smtl.SupportRefitter;
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

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The kernels that dominate each sMTL method (issue 7), on the paper preset's problem size and at scale:
 * <ul>
 *   <li>{@code gradientStep} — one full prox-gradient pass (IHT/BCD);</li>
 *   <li>{@code innerRidgeSolve} — the exact (b, B) refit for a fixed support (every local-search move, every OA inner
 *       problem, every certificate);</li>
 *   <li>{@code oaCut} — one outer-approximation cut: inner solve plus the perspective cut's slopes;</li>
 *   <li>{@code swapSearch} — the swap local search from a fixed start: {@code localSearchFromStart} minus
 *       {@code ihtFromStart} is what the swap evaluations cost (LocalSearch itself is internal to the heuristics).</li>
 * </ul>
 * One-line command: {@code java -jar benchmarks/target/benchmarks.jar MethodKernelsBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MethodKernelsBenchmark {
    @Param({"K5_n50_p250_zbar_bbar", "K5_n100_p2500_zbar"})
    public String problem;

    private SmtlProblem instance;
    private boolean[][] support;
    private FullGradientPass pass;
    private CutGenerator cuts;
    private SmtlSolution start;
    private HeuristicOptions ihtOnly, withLocalSearch;

    @Setup
    public void setUp() {
        instance = BenchmarkProblems.byName(problem);
        support = new boolean[instance.taskCount()][instance.featureCount()];
        for (boolean[] z : support) for (int j = 0; j < instance.s(); j++) z[j] = true;
        start = SupportRefitter.refit(instance, support);
        pass = FullGradientPass.at(instance, start);
        pass.run(); // Lipschitz estimate cached once per data set
        cuts = CutGenerator.perspective(instance);
        ihtOnly = HeuristicOptions.defaults().withLocalSearch(false).withRestarts(0);
        withLocalSearch = HeuristicOptions.defaults().withLocalSearch(true).withRestarts(0);
    }

    @Benchmark
    public int gradientStep() {
        return pass.run();
    }

    @Benchmark
    public SmtlSolution innerRidgeSolve() {
        return SupportRefitter.refit(instance, support);
    }

    @Benchmark
    public List<?> oaCut() {
        InnerPoint inner = InnerProblem.solve(instance, support);
        return cuts.cuts(inner);
    }

    @Benchmark
    public double ihtFromStart() {
        return SmtlHeuristic.fit(instance, ihtOnly, start, HeuristicListener.NONE).objective();
    }

    @Benchmark
    public double localSearchFromStart() {
        return SmtlHeuristic.fit(instance, withLocalSearch, start, HeuristicListener.NONE).objective();
    }
}
