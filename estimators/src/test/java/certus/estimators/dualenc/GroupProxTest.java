package certus.estimators.dualenc;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** dualencoder.md §7.1: the proximal maps minimize their objectives, checked against a brute-force search. */
class GroupProxTest {

    private static double[] randomVector(long seed, int dim, double scale) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] u = new double[dim];
        for (int i = 0; i < dim; i++) u[i] = scale * r.nextGaussian();
        return u;
    }

    private static double proxObjective(double[] v, double[] u, double tau, boolean squared) {
        double s = 0;
        for (int i = 0; i < u.length; i++) s += 0.5 * (v[i] - u[i]) * (v[i] - u[i]);
        return s + tau * GroupProx.penalty(v, squared);
    }

    /**
     * Independent oracle: a fine grid over v = t u/||u||, t in [0, 2||u||] (the minimizer lies on that ray), then
     * random perturbations in every direction, which must not decrease the objective at the prox output.
     */
    private static void assertMinimizes(double[] u, double tau, boolean squared, long seed) {
        double[] v = GroupProx.prox(u, tau, squared);
        double fv = proxObjective(v, u, tau, squared);
        double nu = GroupProx.norm(u);
        if (nu > 0) {
            int steps = 20_000;
            double best = Double.POSITIVE_INFINITY;
            for (int k = 0; k <= steps; k++) {
                double t = 2 * nu * k / steps;
                double[] w = new double[u.length];
                for (int i = 0; i < u.length; i++) w[i] = t * u[i] / nu;
                best = Math.min(best, proxObjective(w, u, tau, squared));
            }
            // grid spacing h = 2||u||/20000 bounds the grid's excess over the true minimum by ~h^2 (curvature <= 1 + 2 tau)
            double h = 2 * nu / steps;
            assertTrue(fv <= best + 1e-12 * (1 + Math.abs(best)), "prox value " + fv + " above grid minimum " + best);
            assertTrue(fv >= best - (1 + 2 * tau) * h * h - 1e-12 * (1 + Math.abs(best)), "grid found " + best + " far below " + fv);
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int k = 0; k < 200; k++) {
            double eps = Math.pow(10, -1 - 5 * r.nextDouble());
            double[] w = v.clone();
            for (int i = 0; i < w.length; i++) w[i] += eps * r.nextGaussian();
            assertTrue(proxObjective(w, u, tau, squared) >= fv - 1e-13 * (1 + Math.abs(fv)), "a perturbation decreased the objective");
        }
    }

    @Property(tries = 200)
    void groupSoftThresholdMinimizesProxObjective(@ForAll @IntRange(min = 1, max = 8) int dim, @ForAll long seed,
                                                  @ForAll @DoubleRange(min = 0, max = 3) double tau) {
        assertMinimizes(randomVector(seed, dim, 1.0), tau, false, seed + 1);
    }

    @Property(tries = 200)
    void ridgeShrinkMinimizesProxObjective(@ForAll @IntRange(min = 1, max = 8) int dim, @ForAll long seed,
                                           @ForAll @DoubleRange(min = 0, max = 3) double tau) {
        assertMinimizes(randomVector(seed, dim, 1.0), tau, true, seed + 1);
    }

    @Property(tries = 500)
    void groupSoftThresholdIsZeroIffNormAtMostTau(@ForAll @IntRange(min = 1, max = 8) int dim, @ForAll long seed,
                                                  @ForAll("ratios") double ratio) {
        double[] u = randomVector(seed, dim, 1.0);
        double tau = ratio * GroupProx.norm(u);
        boolean zero = GroupProx.norm(GroupProx.groupSoftThreshold(u, tau)) == 0.0;
        assertEquals(GroupProx.norm(u) <= tau, zero, "||u|| = " + GroupProx.norm(u) + ", tau = " + tau);
    }

    @Provide
    Arbitrary<Double> ratios() {
        // concentrate around the threshold ratio 1 where the two branches meet
        return Arbitraries.oneOf(Arbitraries.doubles().between(0, 3).ofScale(6), Arbitraries.doubles().between(0.999, 1.001).ofScale(9),
                Arbitraries.of(1.0));
    }

    @Property(tries = 50)
    void zeroInputGivesZero(@ForAll @IntRange(min = 1, max = 8) int dim, @ForAll @DoubleRange(min = 0, max = 3) double tau) {
        assertArrayEquals(new double[dim], GroupProx.groupSoftThreshold(new double[dim], tau));
        assertArrayEquals(new double[dim], GroupProx.ridgeShrink(new double[dim], tau));
    }
}
