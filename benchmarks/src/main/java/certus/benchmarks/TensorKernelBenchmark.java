package certus.benchmarks;

import certus.tensor.DenseMatrix;
import certus.tensor.DenseTensor;
import certus.tensor.MatrixOps;
import certus.tensor.TensorKernels;
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
 * Issue 5: the hand-written row-major kernels ({@link TensorKernels}) against the library route (unfold, EJML GEMM,
 * fold: {@link DenseTensor#modeProduct}) for the per-observation work of TenMTL's matrix-predictor design rows:
 * H = X x_1 U1^T x_2 U2^T for one P x P observation with ranks R = 3 (tenmtl.md §6's 20 x 20 scenario).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TensorKernelBenchmark {
    @Param({"20", "60"})
    public int side;

    private static final int RANK = 3;
    private double[] x;
    private int[] shape;
    private double[][] u1;
    private double[][] u2;
    private DenseTensor xTensor;
    private DenseMatrix u1t;
    private DenseMatrix u2t;

    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(1);
        shape = new int[]{side, side};
        x = new double[side * side];
        for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian();
        u1 = new double[side][RANK];
        u2 = new double[side][RANK];
        for (int i = 0; i < side; i++) {
            for (int k = 0; k < RANK; k++) {
                u1[i][k] = r.nextGaussian();
                u2[i][k] = r.nextGaussian();
            }
        }
        xTensor = DenseTensor.of(shape, x);
        u1t = MatrixOps.transpose(DenseMatrix.fromRows(u1));
        u2t = MatrixOps.transpose(DenseMatrix.fromRows(u2));
    }

    @Benchmark
    public double[] projectKernels() {
        double[] y = TensorKernels.modeMultiplyTransposed(x, shape, 0, u1);
        return TensorKernels.modeMultiplyTransposed(y, new int[]{RANK, side}, 1, u2);
    }

    @Benchmark
    public DenseTensor projectLibrary() {
        return xTensor.modeProduct(0, u1t).modeProduct(1, u2t);
    }
}
