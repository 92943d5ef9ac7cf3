package certus.benchmarks;

import certus.data.MultiTaskData;
import certus.estimators.dualenc.DualEncoderFitter;
import certus.estimators.dualenc.DualEncoderModel;
import certus.estimators.dualenc.DualEncoderOptions;
import certus.estimators.dualenc.DualEncoderSimulator;
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
 * Issue 6, point 4: dual-encoder epochs on a PDX-sized problem (5 tasks x 35 rows x 178 features, synthetic data
 * from {@link DualEncoderSimulator}). A fit with one epoch and one with two (same start) are measured; their
 * difference is one epoch (5 Adam steps on the encoders, 20 prox steps per task, a center update, a validation pass),
 * and the one-epoch fit minus it is the start (standardization, initialization, ridge fits). Hidden layers: the automatic
 * choice for n_r &lt; 100 (one layer of 32) and the spec's default 2 x 64.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DualEncoderEpochBenchmark {
    @Param({"1", "2"})
    public int epochs;

    @Param({"auto", "64,64"})
    public String hidden;

    private MultiTaskData data;
    private DualEncoderOptions options;

    @Setup
    public void setup() {
        data = DualEncoderSimulator.simulate(3, new DualEncoderSimulator.Settings(5, 178, 35, 2, 1.0, 0.5, 1.0)).train();
        DualEncoderOptions o = DualEncoderOptions.defaults(1L).withSchedule(epochs, 1000, 5, 20);
        options = hidden.equals("auto") ? o : o.withArchitecture(new DualEncoderOptions.Fixed(List.of(64, 64)));
    }

    @Benchmark
    public DualEncoderModel fit() {
        return DualEncoderFitter.fit(data, options, line -> { });
    }
}
