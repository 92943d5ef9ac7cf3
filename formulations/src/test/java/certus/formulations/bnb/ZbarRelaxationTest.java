package certus.formulations.bnb;

import certus.smtl.BruteForceEnumerator;
import certus.smtl.RandomInstances;
import certus.smtl.SmtlProblem;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The multi-task Zbar bound is a bound: from any relaxation point and any prices mu &gt;= 0 it stays below the
 * enumerated optimum; the prices chosen by coordinate ascent never lower it; at binary points the relaxation's
 * ingredients reproduce the objective.
 */
class ZbarRelaxationTest {

    private static SmtlProblem instance(long seed, int kCount) {
        SplittableRandom r = new SplittableRandom(seed);
        int p = 4 + r.nextInt(3);
        int s = 1 + r.nextInt(2);
        double ridge = Math.pow(10, -2 + 2 * r.nextDouble());
        double zbar = Math.pow(10, -2 + 2.5 * r.nextDouble());
        return RandomInstances.problem(kCount, p, 10 + r.nextInt(15), s, ridge, 0, zbar, false, seed);
    }

    private static ZbarRelaxation relaxation(SmtlProblem p) {
        List<WeightedRidge> ridges = new ArrayList<>();
        for (int k = 0; k < p.taskCount(); k++) ridges.add(new WeightedRidge(List.of(new TaskGram(p.data().task(k))), p.ridge()));
        return new ZbarRelaxation(ridges, p.s(), p.zbar(), z -> { }, false);
    }

    private static TaskNode root(SmtlProblem p, double[][] z) {
        int kCount = p.taskCount();
        int n = p.featureCount();
        boolean[][] out = new boolean[kCount][n];
        int[] budget = new int[kCount];
        for (int k = 0; k < kCount; k++) {
            budget[k] = p.s();
            for (int j = 0; j < n; j++) out[k][j] = !p.selectable(k, j);
        }
        return TaskNode.of(new boolean[kCount][n], out, budget, 0, 0, z, new double[kCount]);
    }

    @Property(tries = 40)
    void boundFromAnyPointAndPricesIsBelowTheOptimum(@ForAll @LongRange(min = 1, max = 100_000) long seed,
                                                     @ForAll @IntRange(min = 2, max = 3) int kCount) {
        SmtlProblem p = instance(seed, kCount);
        double optimum = BruteForceEnumerator.solve(p).objective();
        ZbarRelaxation rel = relaxation(p);
        SplittableRandom r = new SplittableRandom(seed + 3);
        for (int trial = 0; trial < 4; trial++) {
            double[][] z = new double[kCount][p.featureCount()];
            for (double[] row : z) for (int j = 0; j < row.length; j++) row[j] = r.nextInt(3) == 0 ? 0 : r.nextDouble();
            TaskNode node = root(p, z);
            WeightedRidge.Evaluation[] e = rel.evaluate(node.z());
            double[] mu = new double[kCount];
            for (int k = 0; k < kCount; k++) mu[k] = r.nextDouble() * 0.5;
            double random = rel.bound(node, e, mu);
            assertTrue(random <= optimum * (1 + 1e-12) + 1e-12, "bound " + random + " above optimum " + optimum);
            rel.optimizeMu(node, e, mu);
            double tuned = rel.bound(node, e, mu);
            assertTrue(tuned <= optimum * (1 + 1e-12) + 1e-12, "tuned bound " + tuned + " above optimum " + optimum);
            double[] zeroMu = new double[kCount];
            rel.optimizeMu(node, e, zeroMu);
            assertTrue(rel.bound(node, e, zeroMu) >= rel.bound(node, e, new double[kCount]) - 1e-12, "ascent from 0 never lowers the bound");
        }
    }

    @Property(tries = 30)
    void solvedRootBoundIsBelowTheOptimum(@ForAll @LongRange(min = 1, max = 100_000) long seed) {
        SmtlProblem p = instance(seed, 2);
        double optimum = BruteForceEnumerator.solve(p).objective();
        ZbarRelaxation rel = relaxation(p);
        ZbarRelaxation.Outcome o = rel.solve(root(p, new double[2][p.featureCount()]), Double.POSITIVE_INFINITY, 200, () -> false);
        assertTrue(o.bound() <= optimum * (1 + 1e-12) + 1e-12, "root bound " + o.bound() + " above optimum " + optimum);
    }
}
