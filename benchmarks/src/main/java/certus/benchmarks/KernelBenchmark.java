package certus.benchmarks;

import certus.tensor.DenseMatrix;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
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

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The kernel every gradient step rests on: {@code X^T r} for a column-major n x p design. Our hand loop is
 * measured against EJML's row-major {@code multTransA} so that owning the kernel stays justified.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KernelBenchmark {
    @Param({"1000x10000", "100x2500"})
    public String shape;

    private DenseMatrix x;
    private double[] r;
    private double[] out;
    private DMatrixRMaj ejmlX;
    private DMatrixRMaj ejmlR;
    private DMatrixRMaj ejmlOut;

    @Setup
    public void setUp() {
        String[] parts = shape.split("x");
        int n = Integer.parseInt(parts[0]);
        int p = Integer.parseInt(parts[1]);
        SplittableRandom rnd = new SplittableRandom(7);
        double[] data = new double[n * p];
        for (int i = 0; i < data.length; i++) data[i] = rnd.nextGaussian();
        x = DenseMatrix.fromColumnMajor(n, p, data);
        r = new double[n];
        for (int i = 0; i < n; i++) r[i] = rnd.nextGaussian();
        out = new double[p];
        ejmlX = new DMatrixRMaj(n, p);
        for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) ejmlX.set(i, j, x.get(i, j));
        ejmlR = new DMatrixRMaj(n, 1, true, r);
        ejmlOut = new DMatrixRMaj(p, 1);
    }

    @Benchmark
    public double[] certusTransposeTimes() {
        x.transposeTimesInto(r, out);
        return out;
    }

    @Benchmark
    public DMatrixRMaj ejmlMultTransA() {
        CommonOps_DDRM.multTransA(ejmlX, ejmlR, ejmlOut);
        return ejmlOut;
    }
}
