package certus.tensor.nn;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdamTest {

    /**
     * After bias correction the first step is m1/(1-b1) = g and v1/(1-b2) = g^2, so each coordinate moves by
     * lr * g / (|g| + eps): by about lr whatever the gradient's scale, less when |g| is comparable to eps, 0 at g = 0.
     */
    @Property(tries = 50)
    void firstStepMovesEachCoordinateBySignedLearningRate(@ForAll @IntRange(min = 1, max = 20) int size, @ForAll long seed,
                                                          @ForAll boolean defaults) {
        Adam.Settings s = defaults ? Adam.Settings.DEFAULTS : new Adam.Settings(0.05, 0.8, 0.99, 1e-6);
        SplittableRandom r = new SplittableRandom(seed);
        double[] p = new double[size], g = new double[size];
        for (int i = 0; i < size; i++) {
            p[i] = r.nextGaussian();
            // gradients over 20 orders of magnitude, including ones near eps and exact zeros
            g[i] = i % 7 == 6 ? 0.0 : r.nextGaussian() * Math.pow(10, r.nextInt(-12, 8));
        }
        double[] before = p.clone(), gCopy = g.clone();
        Adam adam = new Adam(size, s);
        adam.step(p, g);
        assertArrayEquals(gCopy, g); // the gradient is not modified
        assertEquals(1, adam.steps());
        for (int i = 0; i < size; i++) {
            double mHat = ((1 - s.beta1()) * g[i]) / (1 - s.beta1());
            double vHat = ((1 - s.beta2()) * g[i] * g[i]) / (1 - s.beta2());
            double exact = before[i] - s.learningRate() * mHat / (Math.sqrt(vHat) + s.epsilon());
            assertEquals(exact, p[i], 0.0, "coordinate " + i); // the formulas, bit for bit
            double move = s.learningRate() * g[i] / (Math.abs(g[i]) + s.epsilon());
            assertEquals(move, before[i] - p[i], 1e-15, "coordinate " + i + " g = " + g[i]);
            assertTrue(Math.abs(before[i] - p[i]) <= s.learningRate() * (1 + 1e-12)); // the subtraction rounds
        }
    }

    /**
     * f(x) = 1/2 (x - c)^T A (x - c) with A = B^T B + I/2 (B Gaussian, so some problems are ill-conditioned), from
     * x0 = c + N(0, I). The rate decays geometrically, 0.05 * 0.999^t: a constant rate only reaches a neighbourhood
     * (see {@link Adam#step(double[], double[], double)}), and the total travel sum_t lr_t = 50 covers the long
     * valleys of the worst problems. Over 5,000 seeds the largest final f - f* was 2.3e-9.
     */
    @Property(tries = 20)
    void minimizesAConvexQuadraticWithADecayingRate(@ForAll @IntRange(min = 1, max = 8) int d, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] b = new double[d][d];
        for (double[] row : b) for (int j = 0; j < d; j++) row[j] = r.nextGaussian();
        double[][] a = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) for (int k = 0; k < d; k++) a[i][j] += b[k][i] * b[k][j];
            a[i][i] += 0.5;
        }
        double[] c = new double[d], x = new double[d];
        for (int i = 0; i < d; i++) {
            c[i] = r.nextGaussian();
            x[i] = c[i] + r.nextGaussian();
        }
        Adam adam = new Adam(d);
        double[] g = new double[d];
        double rate = 0.05;
        for (int t = 0; t < 5000; t++) {
            for (int i = 0; i < d; i++) {
                g[i] = 0;
                for (int j = 0; j < d; j++) g[i] += a[i][j] * (x[j] - c[j]);
            }
            adam.step(x, g, rate);
            rate *= 0.999;
        }
        double f = 0;
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) f += 0.5 * (x[i] - c[i]) * a[i][j] * (x[j] - c[j]);
        assertTrue(f < 1e-6, "f - f* = " + f);
        // lambda_min(A) >= 1/2, so f < 1e-6 implies ||x - c|| < 2e-3
        for (int i = 0; i < d; i++) assertEquals(c[i], x[i], 2e-3);
    }

    /** The per-step rate replaces only the learning rate: same trajectory as Settings with that rate. */
    @Test
    void perStepRateMatchesSettingsRate() {
        Adam a = new Adam(2), b = new Adam(2, Adam.Settings.DEFAULTS.withLearningRate(0.3));
        double[] p = {1, 2}, q = {1, 2};
        for (int t = 0; t < 10; t++) {
            double[] g = {p[0] - 0.5 * t, -p[1]};
            double[] h = {q[0] - 0.5 * t, -q[1]};
            a.step(p, g, 0.3);
            b.step(q, h);
        }
        assertArrayEquals(q, p);
        assertThrows(IllegalArgumentException.class, () -> a.step(p, new double[2], 0));
    }

    @Test
    void sameGradientsGiveIdenticalTrajectoriesAndResetRestarts() {
        double[] p1 = {1, -2, 3}, p2 = p1.clone(), p3 = p1.clone();
        Adam a1 = new Adam(3), a2 = new Adam(3);
        for (int t = 0; t < 50; t++) {
            double[] g = {Math.sin(t), Math.cos(t), 0.1 * t};
            a1.step(p1, g);
            a2.step(p2, g);
        }
        assertArrayEquals(p1, p2);
        a1.reset();
        assertEquals(0, a1.steps());
        Adam fresh = new Adam(3);
        double[] q = p3.clone();
        a1.step(p3, new double[]{1, 2, 3});
        fresh.step(q, new double[]{1, 2, 3});
        assertArrayEquals(q, p3);
    }

    @Test
    void rejectsBadSettingsAndLengths() {
        assertThrows(IllegalArgumentException.class, () -> new Adam.Settings(0, 0.9, 0.999, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new Adam.Settings(1e-3, 1, 0.999, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new Adam.Settings(1e-3, 0.9, -0.1, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new Adam.Settings(1e-3, 0.9, 0.999, 0));
        assertThrows(IllegalArgumentException.class, () -> new Adam(2).step(new double[2], new double[3]));
        assertEquals(new Adam.Settings(1e-3, 0.9, 0.999, 1e-8), new Adam(1).settings());
    }
}
