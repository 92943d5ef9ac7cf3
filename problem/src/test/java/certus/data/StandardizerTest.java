package certus.data;

import certus.smtl.SmtlSolution;
import certus.tensor.DenseMatrix;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StandardizerTest {
    /** Task a: x1 = 1,2,3,4 (mean 2.5, SS 5), x2 constant. Task b: x1 = 10,10,13 (mean 11, SS 6), x2 = 0,2,4. */
    private static MultiTaskData small() {
        TaskData a = new TaskData("a", DenseMatrix.fromRows(new double[][]{{1, 7}, {2, 7}, {3, 7}, {4, 7}}), new double[]{1, 2, 3, 4});
        TaskData b = new TaskData("b", DenseMatrix.fromRows(new double[][]{{10, 0}, {10, 2}, {13, 4}}), new double[]{5, 6, 7});
        return new MultiTaskData(List.of("x1", "x2"), List.of(a, b));
    }

    /** Independent two-pass computation, written out from the definitions rather than through ColumnStatistics. */
    private static double twoPassSumOfSquares(TaskData t, int j) {
        double mean = 0;
        for (int i = 0; i < t.rows(); i++) mean += t.x().get(i, j);
        mean /= t.rows();
        double ss = 0;
        for (int i = 0; i < t.rows(); i++) ss += (t.x().get(i, j) - mean) * (t.x().get(i, j) - mean);
        return ss;
    }

    @Test
    void mleScaleIsSqrtOfBiasedVariance() {
        StandardizedData s = Standardizer.MLE.standardize(small());
        assertEquals(Math.sqrt(5.0 / 4), s.scale(0, 0), 1e-15);
        assertEquals(Math.sqrt(6.0 / 3), s.scale(1, 0), 1e-15);
        assertEquals(Math.sqrt(8.0 / 3), s.scale(1, 1), 1e-15);
        assertEquals(1.1180339887498949, s.scale(0, 0), 1e-15);
        MultiTaskData d = small();
        for (int k = 0; k < 2; k++) {
            for (int j = 0; j < 2; j++) {
                if (d.isConstant(k, j)) continue;
                TaskData t = d.task(k);
                assertEquals(Math.sqrt(twoPassSumOfSquares(t, j) / t.rows()), s.scale(k, j), 1e-14);
            }
        }
    }

    @Test
    void referenceScaleIsSampleSdTimesNMinusOneOverN() {
        StandardizedData s = Standardizer.REFERENCE.standardize(small());
        assertEquals(Math.sqrt(5.0 / 3) * 3 / 4, s.scale(0, 0), 1e-15);
        assertEquals(0.9682458365518543, s.scale(0, 0), 1e-15);
        assertEquals(Math.sqrt(6.0 / 2) * 2 / 3, s.scale(1, 0), 1e-15);
        TaskData t = small().task(1);
        assertEquals(Math.sqrt(twoPassSumOfSquares(t, 1) / (t.rows() - 1)) * (t.rows() - 1) / t.rows(), s.scale(1, 1), 1e-15);
    }

    @Test
    void zeroVarianceColumnGetsScaleOneAndIsFlagged() {
        for (Standardizer mode : Standardizer.values()) {
            StandardizedData s = mode.standardize(small());
            assertEquals(1.0, s.scale(0, 1), mode.name());
            assertTrue(s.isZeroVariance(0, 1), mode.name());
            assertFalse(s.isZeroVariance(1, 1), mode.name());
            assertEquals(1, s.zeroVarianceCount(), mode.name());
            assertArrayEquals(new double[]{7, 7, 7, 7}, s.data().task(0).x().column(1), mode.name());
        }
    }

    @Test
    void columnsAreScaledNotCenteredAndResponseIsUntouched() {
        StandardizedData s = Standardizer.MLE.standardize(small());
        double sc = s.scale(1, 0);
        assertArrayEquals(new double[]{10 / sc, 10 / sc, 13 / sc}, s.data().task(1).x().column(0), 1e-14);
        assertArrayEquals(new double[]{5, 6, 7}, s.data().task(1).y());
        // The MLE-scaled column has unit biased variance.
        TaskData t = s.data().task(1);
        assertEquals(1.0, twoPassSumOfSquares(t, 0) / t.rows(), 1e-12);
    }

    @Test
    void noneIsTheIdentity() {
        MultiTaskData d = small();
        StandardizedData s = Standardizer.NONE.standardize(d);
        assertSame(d, s.data());
        assertSame(d, s.raw());
        double[][] beta = {{1.5, -2}, {0, 3}};
        assertArrayEquals(beta, s.coefficientsToRaw(beta));
    }

    @Test
    void coefficientsMapBackByDivisionAndInterceptsAreUnchanged() {
        StandardizedData s = Standardizer.MLE.standardize(small());
        LinearCoefficients raw = s.toRaw(new double[]{0.5, -1}, new double[][]{{2, 3}, {4, 0}});
        assertArrayEquals(new double[]{0.5, -1}, raw.intercepts());
        assertArrayEquals(new double[]{2 / s.scale(0, 0), 3}, raw.coefficients()[0], 1e-15);
        assertArrayEquals(new double[]{4 / s.scale(1, 0), 0}, raw.coefficients()[1], 1e-15);
    }

    @Test
    void smtlSolutionKeepsSupportsAndRoundTripsThroughToScaled() {
        StandardizedData s = Standardizer.REFERENCE.standardize(small());
        SmtlSolution fit = new SmtlSolution(new double[]{1, 2}, new double[][]{{0.25, 0}, {0, -1}},
                new boolean[][]{{true, true}, {false, true}});
        SmtlSolution raw = s.toRaw(fit);
        assertArrayEquals(fit.intercepts(), raw.intercepts());
        assertArrayEquals(fit.supports()[1], raw.supports()[1]);
        assertTrue(raw.inSupport(0, 1));
        SmtlSolution back = s.toScaled(raw);
        for (int k = 0; k < 2; k++) assertArrayEquals(fit.coefficients(k), back.coefficients(k), 1e-15);
    }

    @Test
    void wrongShapesAreRejected() {
        StandardizedData s = Standardizer.MLE.standardize(small());
        assertThrows(IllegalArgumentException.class, () -> s.toRaw(new double[]{1}, new double[][]{{1, 2}}));
        assertThrows(IllegalArgumentException.class, () -> s.coefficientsToRaw(new double[][]{{1, 2}, {1}}));
    }

    @Test
    void parseAcceptsCliNamesAndListsChoicesOtherwise() {
        assertEquals(Standardizer.MLE, Standardizer.parse("mle"));
        assertEquals(Standardizer.REFERENCE, Standardizer.parse(" Reference "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Standardizer.parse("zscore"));
        assertTrue(e.getMessage().contains("'zscore'") && e.getMessage().contains("[none, mle, reference]"), e.getMessage());
    }

    @Test
    void columnStatisticsGiveMeans() {
        ColumnStatistics st = ColumnStatistics.of(small());
        assertEquals(2.5, st.mean(0, 0), 1e-15);
        assertEquals(11.0, st.means()[1][0], 1e-15);
        assertEquals(5.0, st.centeredSumOfSquares(0, 0), 1e-15);
    }
}
