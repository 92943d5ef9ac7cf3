package certus.formulations.bnb;

import certus.smtl.BruteForceEnumerator;
import certus.smtl.ObjectiveEvaluator;
import certus.smtl.RandomInstances;
import certus.smtl.SmtlProblem;
import certus.smtl.SupportRefitter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The relaxation behind branch and bound: its value at a binary support is the objective of the exact refit, its
 * h is minus its gradient, and its weak-duality bound never exceeds the enumerated optimum, whatever z the dual
 * comes from. These three facts are what make every pruning decision valid.
 */
class WeightedRidgeTest {

    /** One task (K = 1) or several with a common support: the problems whose supports are one vector. */
    private static SmtlProblem instance(long seed, int kCount) {
        SplittableRandom r = new SplittableRandom(seed);
        int p = 5 + r.nextInt(6);
        int s = 1 + r.nextInt(3);
        double ridge = Math.pow(10, -2 + 2 * r.nextDouble());
        return RandomInstances.problem(kCount, p, 12 + r.nextInt(20), s, ridge, 0, 0, kCount > 1, seed);
    }

    private static WeightedRidge relaxation(SmtlProblem p) {
        List<TaskGram> grams = new ArrayList<>();
        for (int k = 0; k < p.taskCount(); k++) grams.add(new TaskGram(p.data().task(k)));
        return new WeightedRidge(grams, p.ridge());
    }

    @Property(tries = 60)
    void valueAtABinarySupportIsTheRefitObjective(@ForAll @LongRange(min = 1, max = 100_000) long seed,
                                                  @ForAll @IntRange(min = 1, max = 3) int kCount) {
        SmtlProblem p = instance(seed, kCount);
        SplittableRandom r = new SplittableRandom(seed + 7);
        double[] z = new double[p.featureCount()];
        boolean[][] supports = new boolean[kCount][p.featureCount()];
        for (int j = 0; j < z.length; j++) {
            if (r.nextInt(3) == 0) {
                z[j] = 1;
                for (int k = 0; k < kCount; k++) supports[k][j] = true;
            }
        }
        double expected = ObjectiveEvaluator.value(p, SupportRefitter.refit(p, supports));
        assertEquals(expected, relaxation(p).evaluate(z).value(), 1e-9 * Math.max(1, expected));
    }

    @Property(tries = 40)
    void hIsMinusTheGradient(@ForAll @LongRange(min = 1, max = 100_000) long seed, @ForAll @IntRange(min = 1, max = 2) int kCount) {
        SmtlProblem p = instance(seed, kCount);
        WeightedRidge w = relaxation(p);
        SplittableRandom r = new SplittableRandom(seed + 11);
        double[] z = new double[p.featureCount()];
        for (int j = 0; j < z.length; j++) z[j] = 0.2 + 0.6 * r.nextDouble();
        double[] h = w.evaluate(z).h();
        double eps = 1e-6;
        for (int j = 0; j < z.length; j++) {
            double[] up = z.clone();
            double[] down = z.clone();
            up[j] += eps;
            down[j] -= eps;
            double numeric = -(w.evaluate(up).value() - w.evaluate(down).value()) / (2 * eps);
            assertEquals(numeric, h[j], 1e-5 * Math.max(1, Math.abs(numeric)), "feature " + j);
        }
    }

    @Property(tries = 40)
    void slopeIsTheDirectionalDerivative(@ForAll @LongRange(min = 1, max = 100_000) long seed, @ForAll @IntRange(min = 1, max = 2) int kCount) {
        SmtlProblem p = instance(seed, kCount);
        WeightedRidge w = relaxation(p);
        SplittableRandom r = new SplittableRandom(seed + 17);
        int n = p.featureCount();
        double[] z = new double[n];
        double[] d = new double[n];
        for (int j = 0; j < n; j++) {
            z[j] = r.nextInt(3) == 0 ? 0 : 0.1 + 0.8 * r.nextDouble();
            d[j] = r.nextInt(2) == 0 ? 0 : r.nextDouble() - 0.5;
        }
        double[] h = w.evaluate(z).h();
        double expected = 0;
        for (int j = 0; j < n; j++) expected -= d[j] * h[j];
        assertEquals(expected, w.ray(z, d, DiagonalShift.NONE).at(0), 1e-9 * Math.max(1, Math.abs(expected)));
    }

    /**
     * The line search's ray slope (Gram block gathered once per ray) equals -d.h of the full evaluation at the
     * clamped point z + t d, with and without linear costs and a diagonal shift, including steps that clamp features
     * to 0 or 1 and tiny weights.
     */
    @Property(tries = 60)
    void theRaySlopeIsTheSlopeAtTheClampedPoint(@ForAll @LongRange(min = 1, max = 100_000) long seed,
                                                @ForAll @IntRange(min = 1, max = 2) int kCount) {
        SmtlProblem p = instance(seed, kCount);
        SplittableRandom r = new SplittableRandom(seed + 19);
        int n = p.featureCount();
        double[] costs = new double[n];
        for (int j = 0; j < n; j++) costs[j] = 0.05 * (r.nextDouble() - 0.5);
        WeightedRidge w = r.nextBoolean() ? relaxation(p) : relaxation(p).withLinearCosts(costs);
        double[] shifts = new double[kCount];
        for (int k = 0; k < kCount; k++) shifts[k] = r.nextBoolean() ? 0 : 1e-3 * r.nextDouble();
        int[] all = new int[n];
        for (int j = 0; j < n; j++) all[j] = j;
        DiagonalShift shift = r.nextBoolean() ? DiagonalShift.NONE : new DiagonalShift(shifts, all);
        double[] z = new double[n];
        double[] d = new double[n];
        for (int j = 0; j < n; j++) {
            int kind = r.nextInt(4);
            z[j] = kind == 0 ? 0 : kind == 1 ? 1e-9 : r.nextDouble();
            d[j] = r.nextInt(3) == 0 ? 0 : 2 * r.nextDouble() - 1;
        }
        RaySlope ray = w.ray(z, d, shift);
        for (double t : new double[]{0, 1e-6, 0.3 * r.nextDouble(), r.nextDouble(), 1}) {
            double[] x = new double[n];
            for (int j = 0; j < n; j++) x[j] = Math.min(1, Math.max(0, z[j] + t * d[j]));
            double[] h = w.evaluate(x, shift).h();
            double expected = 0;
            for (int j = 0; j < n; j++) expected -= d[j] * h[j];
            assertEquals(expected, ray.at(t), 1e-8 * Math.max(1, Math.abs(expected)), "t = " + t);
        }
    }

    @Property(tries = 60)
    void theDualBoundFromAnyZNeverExceedsTheOptimum(@ForAll @LongRange(min = 1, max = 100_000) long seed,
                                                   @ForAll @IntRange(min = 1, max = 2) int kCount) {
        SmtlProblem p = instance(seed, kCount);
        double optimum = BruteForceEnumerator.solve(p).objective();
        WeightedRidge w = relaxation(p);
        SplittableRandom r = new SplittableRandom(seed + 13);
        int pCount = p.featureCount();
        boolean[] out = new boolean[pCount];
        for (int j = 0; j < pCount; j++) out[j] = !p.selectable(0, j);
        Node root = new Node(new boolean[pCount], out, p.s(), 0, 0, Map.of());
        for (int trial = 0; trial < 5; trial++) {
            double[] z = new double[pCount];
            double sum = 0;
            for (int j = 0; j < pCount; j++) {
                z[j] = r.nextInt(3) == 0 || out[j] ? 0 : r.nextDouble();
                sum += z[j];
            }
            // Inside the relaxation's polytope (sum z <= s), so c(z) itself is an upper bound on the bound too.
            if (sum > p.s()) for (int j = 0; j < pCount; j++) z[j] *= p.s() / sum;
            WeightedRidge.Evaluation e = w.evaluate(z);
            double bound = NodeRelaxation.bound(root, e);
            assertTrue(bound <= optimum + 1e-12 * Math.max(1, optimum), "bound " + bound + " above optimum " + optimum);
            assertTrue(bound <= e.value() + 1e-12 * Math.max(1, e.value()), "bound above c(z)");
        }
    }

    /**
     * Linear costs shift the value by costs.z, the scores by -costs and the slope by costs.d, so the costed function's
     * h is still minus its gradient and its weak-duality bound q - sum_j z_j h_j is still below its value at every
     * binary support.
     */
    @Property(tries = 40)
    void linearCostsShiftValueScoresAndSlopeConsistently(@ForAll @LongRange(min = 1, max = 100_000) long seed) {
        SmtlProblem p = instance(seed, 1);
        WeightedRidge plain = relaxation(p);
        int n = p.featureCount();
        SplittableRandom r = new SplittableRandom(seed + 23);
        double[] costs = new double[n];
        for (int j = 0; j < n; j++) costs[j] = r.nextDouble() - 0.5;
        WeightedRidge costed = plain.withLinearCosts(costs);
        double[] z = new double[n];
        double[] d = new double[n];
        for (int j = 0; j < n; j++) {
            z[j] = r.nextInt(3) == 0 ? 0 : 0.1 + 0.8 * r.nextDouble();
            d[j] = r.nextDouble() - 0.5;
        }
        WeightedRidge.Evaluation a = plain.evaluate(z);
        WeightedRidge.Evaluation b = costed.evaluate(z);
        double shift = 0;
        double slopeShift = 0;
        for (int j = 0; j < n; j++) {
            shift += costs[j] * z[j];
            slopeShift += costs[j] * d[j];
            assertEquals(a.h()[j] - costs[j], b.h()[j], 1e-12, "score " + j);
        }
        assertEquals(a.value() + shift, b.value(), 1e-12 * Math.max(1, Math.abs(b.value())));
        assertEquals(a.q(), b.q(), 0.0);
        assertEquals(plain.ray(z, d, DiagonalShift.NONE).at(0) + slopeShift, costed.ray(z, d, DiagonalShift.NONE).at(0), 1e-10);
        for (int mask = 0; mask < 1 << n; mask++) {
            double[] v = new double[n];
            double dual = b.q();
            for (int j = 0; j < n; j++) {
                if ((mask >> j & 1) == 0) continue;
                v[j] = 1;
                dual -= b.h()[j];
            }
            double value = costed.evaluate(v).value();
            int[] idx = java.util.stream.IntStream.range(0, n).filter(j -> v[j] == 1).toArray();
            assertEquals(plain.evaluate(v).value(), plain.valueAt(idx), 0.0, "value-only path, support " + mask);
            assertTrue(dual <= value + 1e-10 * Math.max(1, Math.abs(value)), "weak duality at support " + mask);
        }
    }
}
