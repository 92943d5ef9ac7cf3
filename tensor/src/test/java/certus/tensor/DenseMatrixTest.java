package certus.tensor;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DenseMatrixTest {

    private static double[][] randomRows(int r, int c, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] a = new double[r][c];
        for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) a[i][j] = rnd.nextDouble(-2, 2);
        return a;
    }

    @Property(tries = 50)
    void kernelsMatchNaiveLoops(@ForAll @IntRange(min = 1, max = 13) int r, @ForAll @IntRange(min = 1, max = 9) int c,
                                @ForAll long seed) {
        double[][] a = randomRows(r, c, seed);
        DenseMatrix m = DenseMatrix.fromRows(a);
        double[] v = randomRows(1, r, seed + 1)[0];
        double[] x = randomRows(1, c, seed + 2)[0];
        double[] xtv = new double[c];
        m.transposeTimesInto(v, xtv);
        double[] mx = new double[r];
        m.timesInto(x, mx);
        for (int j = 0; j < c; j++) {
            double naive = 0;
            for (int i = 0; i < r; i++) naive += a[i][j] * v[i];
            assertEquals(naive, xtv[j], 1e-12);
            assertEquals(naive, m.columnDot(j, v), 1e-12);
        }
        for (int i = 0; i < r; i++) {
            double naive = 0;
            for (int j = 0; j < c; j++) naive += a[i][j] * x[j];
            assertEquals(naive, mx[i], 1e-12);
        }
    }

    @Test
    void layoutIsColumnMajorAndCopiesAreIndependent() {
        double[][] a = {{1, 2, 3}, {4, 5, 6}};
        DenseMatrix m = DenseMatrix.fromRows(a);
        assertArrayEquals(new double[]{1, 4, 2, 5, 3, 6}, m.toColumnMajor());
        a[0][0] = 99;
        assertEquals(1, m.get(0, 0));
        m.column(0)[0] = 99;
        assertEquals(1, m.get(0, 0));
        assertArrayEquals(new double[]{4, 5, 6}, m.row(1));
    }

    @Test
    void selectAndScale() {
        DenseMatrix m = DenseMatrix.fromRows(new double[][]{{1, 2}, {3, 4}, {5, 6}});
        assertEquals(DenseMatrix.fromRows(new double[][]{{5, 6}, {1, 2}}), m.selectRows(new int[]{2, 0}));
        assertEquals(DenseMatrix.fromRows(new double[][]{{2}, {4}, {6}}), m.selectColumns(new int[]{1}));
        assertEquals(DenseMatrix.fromRows(new double[][]{{2, 2}, {6, 4}, {10, 6}}), m.scaleColumns(new double[]{2, 1}));
        assertEquals(3.0, m.columnMean(0), 1e-15);
        assertEquals(8.0, m.columnCenteredSumOfSquares(0), 1e-12); // (1-3)^2 + 0 + (5-3)^2
    }

    @Test
    void raggedRowsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> DenseMatrix.fromRows(new double[][]{{1, 2}, {3}}));
        assertThrows(IllegalArgumentException.class, () -> DenseMatrix.fromColumnMajor(2, 2, new double[3]));
    }
}
