package certus.estimators.sim;

import certus.data.TaskData;
import certus.smtl.SmtlSolution;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatorTest {
    private static SimulationDesign design(long seed, int testN) {
        return new SimulationDesign(40, 3, 30, testN, 6, 4, 0.5, 0.0, null, 5.0, seed);
    }

    @Test
    void sameSeedGivesIdenticalDataAndTruth() {
        Simulation a = Simulator.simulate(design(7, 10));
        Simulation b = Simulator.simulate(design(7, 10));
        assertEquals(a.train().tasks(), b.train().tasks());
        assertEquals(a.test().tasks(), b.test().tasks());
        assertEquals(a.truth(), b.truth());
        assertNotEquals(a.train().tasks(), Simulator.simulate(design(8, 10)).train().tasks());
    }

    @Test
    void testRowsDoNotChangeTrainingRows() {
        assertEquals(Simulator.simulate(design(3, 0)).train().tasks(), Simulator.simulate(design(3, 25)).train().tasks());
    }

    @Test
    void shapesAndNames() {
        Simulation s = Simulator.simulate(design(1, 10));
        assertEquals(3, s.train().taskCount());
        assertEquals(40, s.train().featureCount());
        assertEquals("x1", s.train().featureNames().get(0));
        assertEquals("task3", s.train().taskLabels().get(2));
        for (TaskData t : s.train().tasks()) assertEquals(30, t.rows());
        for (TaskData t : s.test().tasks()) assertEquals(10, t.rows());
        assertEquals(3, s.truth().taskCount());
        assertEquals(40, s.truth().featureCount());
    }

    @Test
    void supportsHaveCommonBlockAndDisjointTaskSpecificFeatures() {
        SmtlSolution truth = Simulator.simulate(design(11, 0)).truth();
        int shared = 0;
        for (int j = 0; j < 40; j++) {
            int m = 0;
            for (int k = 0; k < 3; k++) m += truth.inSupport(k, j) ? 1 : 0;
            assertTrue(m == 0 || m == 1 || m == 3, "feature " + j + " is in " + m + " supports");
            if (m == 3) shared++;
        }
        assertEquals(4, shared);
        for (int k = 0; k < 3; k++) {
            assertEquals(6, truth.supportSize(k));
            assertEquals(0.0, truth.intercept(k));
            for (int j = 0; j < 40; j++) {
                double b = truth.coefficient(k, j);
                if (truth.inSupport(k, j)) assertTrue(Math.abs(b) >= 0.2 && Math.abs(b) <= 0.5, "betaVar 0: |b| in [0.2, 0.5], got " + b);
                else assertEquals(0.0, b);
            }
        }
    }

    @Test
    void featuresHaveAr1Correlation() {
        SimulationDesign d = new SimulationDesign(3, 1, 20000, 0, 1, 1, 0.6, 0.0, 1.0, null, 5);
        TaskData t = Simulator.simulate(d).train().task(0);
        double[] x1 = t.x().column(0);
        double[] x3 = t.x().column(2);
        assertEquals(0.36, correlation(x1, x3), 0.03);
        assertEquals(0.6, correlation(x1, t.x().column(1)), 0.03);
        assertEquals(1.0, t.x().columnCenteredSumOfSquares(1) / t.rows(), 0.05);
    }

    @Test
    void snrSetsNoiseFromPopulationSignalVariance() {
        Simulation s = Simulator.simulate(design(2, 0));
        for (int k = 0; k < 3; k++) {
            double expected = Simulator.signalVariance(s.truth().coefficients(k), 0.5) / 5.0;
            assertEquals(expected, s.noiseVariances()[k], 1e-12);
        }
        // by hand: beta = (1, 1) adjacent with rho 0.5 -> 1 + 1 + 2*0.5 = 3
        assertEquals(3.0, Simulator.signalVariance(new double[]{1, 1, 0}, 0.5), 1e-15);
    }

    @Test
    void rejectsImpossibleDesigns() {
        assertThrows(IllegalArgumentException.class, () -> new SimulationDesign(10, 3, 30, 0, 5, 1, 0.5, 0, 1.0, null, 1));
        assertThrows(IllegalArgumentException.class, () -> new SimulationDesign(10, 1, 30, 0, 2, 1, 0.5, 0, 1.0, 2.0, 1));
        assertThrows(IllegalArgumentException.class, () -> new SimulationDesign(10, 1, 30, 0, 2, 1, 1.0, 0, 1.0, null, 1));
        assertFalse(Simulator.simulate(new SimulationDesign(10, 2, 5, 0, 2, 0, 0, 0, 0.5, null, 1)).train().hasConstantColumns());
    }

    private static double correlation(double[] a, double[] b) {
        double ma = 0, mb = 0;
        for (int i = 0; i < a.length; i++) { ma += a[i]; mb += b[i]; }
        ma /= a.length;
        mb /= b.length;
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    @Property(tries = 40)
    void poolSupportsComeFromEvenSpacedPoolIndicesWithTheRightSize(@ForAll @IntRange(min = 2, max = 6) int tasks,
                                                                   @ForAll @IntRange(min = 0, max = 12) int extra,
                                                                   @ForAll long seed) {
        int s = 4;
        int q = s + extra;
        SimulationDesign d = new SimulationDesign(60, tasks, 10, 0, s, 0, 0.5, 1.0, 1.0, null, seed, q);
        boolean[][] z = Simulator.drawSupports(d, new SplittableRandom(seed));
        for (boolean[] row : z) {
            int count = 0;
            for (int j = 0; j < row.length; j++) {
                if (!row[j]) continue;
                count++;
                assertTrue(j % 2 == 0 && j / 2 < q, "index " + j + " outside the pool of " + q + " even indices");
            }
            assertEquals(s, count);
        }
        if (q == s) for (boolean[] row : z) assertArrayEquals(z[0], row, "a pool of exactly s features: identical supports");
    }

    @Test
    void poolZeroGivesDisjointSupportsAndBadPoolsAreRejected() {
        SimulationDesign d = new SimulationDesign(60, 3, 10, 0, 5, 0, 0.5, 1.0, 1.0, null, 1L, 0);
        boolean[][] z = Simulator.drawSupports(d, new SplittableRandom(1));
        for (int j = 0; j < 60; j++) {
            int owners = 0;
            for (boolean[] row : z) if (row[j]) owners++;
            assertTrue(owners <= 1, "feature " + j + " shared");
        }
        assertThrows(IllegalArgumentException.class, () -> new SimulationDesign(60, 3, 10, 0, 5, 0, 0.5, 1.0, 1.0, null, 1L, 3));
        assertThrows(IllegalArgumentException.class, () -> new SimulationDesign(60, 3, 10, 0, 5, 2, 0.5, 1.0, 1.0, null, 1L, 8));
        assertThrows(IllegalArgumentException.class, () -> new SimulationDesign(20, 3, 10, 0, 5, 0, 0.5, 1.0, 1.0, null, 1L, 0));
    }
}
