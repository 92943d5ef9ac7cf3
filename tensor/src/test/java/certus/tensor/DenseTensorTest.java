package certus.tensor;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Unfolding, folding and mode products against their definitions. */
class DenseTensorTest {

    static DenseTensor random(SplittableRandom r, int[] shape) {
        int size = 1;
        for (int d : shape) size *= d;
        double[] v = new double[size];
        for (int i = 0; i < size; i++) v[i] = r.nextGaussian();
        return DenseTensor.of(shape, v);
    }

    static int[] randomShape(SplittableRandom r, int order) {
        int[] shape = new int[order];
        for (int k = 0; k < order; k++) shape[k] = 1 + r.nextInt(4);
        return shape;
    }

    static DenseMatrix randomMatrix(SplittableRandom r, int rows, int cols) {
        double[][] v = new double[rows][cols];
        for (double[] row : v) for (int j = 0; j < cols; j++) row[j] = r.nextGaussian();
        return DenseMatrix.fromRows(v);
    }

    /** Kolda & Bader (2009), §2.4: the 3 x 4 x 2 example and its three unfoldings, as printed in the paper. */
    @Test
    void unfoldingsMatchKoldaAndBadersExample() {
        double[] v = new double[24];
        // X(:,:,1) = [1 4 7 10; 2 5 8 11; 3 6 9 12], X(:,:,2) = [13 16 19 22; 14 17 20 23; 15 18 21 24]
        for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) for (int k = 0; k < 2; k++) v[(i * 4 + j) * 2 + k] = 1 + i + 3 * j + 12 * k;
        DenseTensor x = DenseTensor.of(new int[]{3, 4, 2}, v);
        assertArrayEquals(new double[]{1, 4, 7, 10, 13, 16, 19, 22}, x.unfold(0).row(0));
        assertArrayEquals(new double[]{3, 6, 9, 12, 15, 18, 21, 24}, x.unfold(0).row(2));
        assertArrayEquals(new double[]{1, 2, 3, 13, 14, 15}, x.unfold(1).row(0));
        assertArrayEquals(new double[]{10, 11, 12, 22, 23, 24}, x.unfold(1).row(3));
        assertArrayEquals(new double[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, x.unfold(2).row(0));
        assertArrayEquals(new double[]{13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24}, x.unfold(2).row(1));
    }

    @Property(tries = 100)
    void foldInvertsUnfold(@ForAll @LongRange(min = 1, max = 1_000_000) long seed, @ForAll @IntRange(min = 1, max = 4) int order) {
        SplittableRandom r = new SplittableRandom(seed);
        DenseTensor x = random(r, randomShape(r, order));
        for (int n = 0; n < order; n++) assertEquals(x, DenseTensor.fold(x.unfold(n), n, x.shape()));
    }

    @Property(tries = 100)
    void modeProductMatchesItsElementwiseDefinition(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                    @ForAll @IntRange(min = 1, max = 4) int order) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] shape = randomShape(r, order);
        DenseTensor x = random(r, shape);
        int n = r.nextInt(order);
        DenseMatrix u = randomMatrix(r, 1 + r.nextInt(4), shape[n]);
        DenseTensor y = x.modeProduct(n, u);
        // y[i_0 .. j .. i_{N-1}] = sum_{i_n} x[i_0 .. i_n .. i_{N-1}] u[j, i_n]
        int[] yShape = y.shape();
        int size = y.size();
        int[] idx = new int[order];
        for (int lin = 0; lin < size; lin++) {
            int rem = lin;
            for (int k = order - 1; k >= 0; k--) {
                idx[k] = rem % yShape[k];
                rem /= yShape[k];
            }
            double expected = 0;
            int j = idx[n];
            for (int i = 0; i < shape[n]; i++) {
                int[] xi = idx.clone();
                xi[n] = i;
                expected += x.get(xi) * u.get(j, i);
            }
            assertEquals(expected, y.get(idx), 1e-12 * (1 + Math.abs(expected)));
        }
    }

    @Property(tries = 60)
    void productsInDifferentModesCommute(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] shape = randomShape(r, 3);
        DenseTensor x = random(r, shape);
        DenseMatrix a = randomMatrix(r, 2, shape[0]);
        DenseMatrix b = randomMatrix(r, 3, shape[2]);
        DenseTensor ab = x.modeProduct(0, a).modeProduct(2, b);
        DenseTensor ba = x.modeProduct(2, b).modeProduct(0, a);
        assertEquals(0.0, ab.minus(ba).norm(), 1e-10 * (1 + ab.norm()));
    }

    @Test
    void badShapesAndIndicesAreClearErrors() {
        assertThrows(IllegalArgumentException.class, () -> DenseTensor.of(new int[]{2, 3}, new double[5]));
        assertThrows(IllegalArgumentException.class, () -> DenseTensor.zeros(2, 0));
        DenseTensor x = DenseTensor.zeros(2, 3);
        assertThrows(IndexOutOfBoundsException.class, () -> x.get(2, 0));
        assertThrows(IllegalArgumentException.class, () -> x.modeProduct(1, DenseMatrix.fromRows(new double[][]{{1, 2}})));
    }
}
