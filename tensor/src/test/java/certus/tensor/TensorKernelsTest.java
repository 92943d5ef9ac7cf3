package certus.tensor;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The hand-written row-major kernels agree with the unfolding definitions of {@link DenseTensor}. */
class TensorKernelsTest {

    @Property(tries = 200)
    void modeMultiplyEqualsModeProduct(@ForAll @LongRange(min = 1, max = 1_000_000) long seed, @ForAll @IntRange(min = 1, max = 4) int order) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] shape = DenseTensorTest.randomShape(r, order);
        int mode = r.nextInt(order);
        DenseTensor x = DenseTensorTest.random(r, shape);
        DenseMatrix a = DenseTensorTest.randomMatrix(r, 1 + r.nextInt(4), shape[mode]);
        double[] expected = x.modeProduct(mode, a).toRowMajor();
        assertArrayEquals(expected, TensorKernels.modeMultiply(x.toRowMajor(), shape, mode, rows(a)), 1e-12);
        // X x_mode U^T with U = A^T
        assertArrayEquals(expected, TensorKernels.modeMultiplyTransposed(x.toRowMajor(), shape, mode, rows(MatrixOps.transpose(a))), 1e-12);
    }

    @Property(tries = 200)
    void modeGramEqualsProductOfUnfoldings(@ForAll @LongRange(min = 1, max = 1_000_000) long seed, @ForAll @IntRange(min = 1, max = 4) int order) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] xShape = DenseTensorTest.randomShape(r, order);
        int mode = r.nextInt(order);
        int[] yShape = xShape.clone();
        yShape[mode] = 1 + r.nextInt(4);
        DenseTensor x = DenseTensorTest.random(r, xShape);
        DenseTensor y = DenseTensorTest.random(r, yShape);
        DenseMatrix expected = MatrixOps.multiply(x.unfold(mode), MatrixOps.transpose(y.unfold(mode)));
        double[][] got = TensorKernels.modeGram(x.toRowMajor(), xShape, y.toRowMajor(), yShape, mode);
        for (int a = 0; a < expected.rows(); a++) {
            for (int b = 0; b < expected.cols(); b++) assertEquals(expected.get(a, b), got[a][b], 1e-12 * (1 + Math.abs(expected.get(a, b))));
        }
    }

    private static double[][] rows(DenseMatrix m) {
        double[][] out = new double[m.rows()][];
        for (int i = 0; i < m.rows(); i++) out[i] = m.row(i);
        return out;
    }
}
