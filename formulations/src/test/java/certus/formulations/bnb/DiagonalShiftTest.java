package certus.formulations.bnb;

import certus.smtl.RandomInstances;
import certus.smtl.SmtlProblem;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The eigenvalue-shifted relaxation is only sound if: its value at a binary support inside A is the exact refit
 * objective (the shift cancels there), its scores are minus its gradient, its weak-duality bound from any point stays
 * below the value of every support inside A, it is never weaker than the plain perspective relaxation, and the shift
 * itself never exceeds the smallest eigenvalue of Gc_AA / n. Each is checked here against an independent computation.
 */
class DiagonalShiftTest {

    /** A problem with more rows than features (so the shift is non-trivial), A = a random subset, and its shift. */
    private record Case(SmtlProblem problem, List<TaskGram> grams, boolean[] out, DiagonalShift shift, WeightedRidge ridge) {
        int p() {
            return out.length;
        }
    }

    private static Case instance(long seed, int kCount) {
        SplittableRandom r = new SplittableRandom(seed);
        int p = 5 + r.nextInt(6);
        double ridge = Math.pow(10, -2 + 2 * r.nextDouble());
        SmtlProblem problem = RandomInstances.problem(kCount, p, 2 * p + 2 + r.nextInt(20), 1 + r.nextInt(3), ridge, 0, 0, kCount > 1, seed);
        List<TaskGram> grams = TaskGram.perTask(problem);
        boolean[] out = new boolean[p];
        for (int j = 0; j < p; j++) out[j] = !problem.selectable(0, j) || r.nextInt(4) == 0;
        DiagonalShift shift = DiagonalShift.NONE.refreshed(grams, out);
        return new Case(problem, grams, out, shift, new WeightedRidge(grams, ridge));
    }

    /** A point of [0,1]^p that is zero outside A (some entries exactly 0 or 1). */
    private static double[] pointInA(Case c, SplittableRandom r) {
        double[] z = new double[c.p()];
        for (int j = 0; j < z.length; j++) {
            if (c.out[j]) continue;
            int kind = r.nextInt(4);
            z[j] = kind == 0 ? 0 : kind == 1 ? 1 : 0.05 + 0.9 * r.nextDouble();
        }
        return z;
    }

    @Property(tries = 60)
    void theShiftIsPositiveAndAtMostTheSmallestEigenvalue(@ForAll @LongRange(min = 1, max = 100_000) long seed,
                                                          @ForAll @IntRange(min = 1, max = 2) int kCount) {
        Case c = instance(seed, kCount);
        int[] a = java.util.stream.IntStream.range(0, c.p()).filter(j -> !c.out[j]).toArray();
        if (a.length == 0) return;
        assertTrue(!c.shift.isNone(), "rows > 2p: Gc_AA is positive definite, a shift is expected");
        for (int k = 0; k < kCount; k++) {
            double lambda = smallestEigenvalue(c.problem, k, a);
            assertTrue(c.shift.of(k) > 0 && c.shift.of(k) <= lambda, "task " + k + ": shift " + c.shift.of(k) + " vs lambda_min " + lambda);
        }
        // Dropping features can only raise lambda_min: the recomputed shift never falls.
        boolean[] fewer = c.out.clone();
        fewer[a[0]] = true;
        for (int j = 0; j < fewer.length; j++) if (new SplittableRandom(seed + j).nextBoolean()) fewer[j] = true;
        DiagonalShift child = c.shift.refreshed(c.grams, fewer);
        for (int k = 0; k < kCount; k++) assertTrue(child.of(k) >= c.shift.of(k), "inherited shift fell");
    }

    @Property(tries = 60)
    void atABinarySupportInsideATheShiftCancels(@ForAll @LongRange(min = 1, max = 100_000) long seed,
                                               @ForAll @IntRange(min = 1, max = 2) int kCount) {
        Case c = instance(seed, kCount);
        SplittableRandom r = new SplittableRandom(seed + 3);
        double[] z = new double[c.p()];
        for (int j = 0; j < z.length; j++) if (!c.out[j] && r.nextBoolean()) z[j] = 1;
        double plain = c.ridge.evaluate(z).value();
        assertEquals(plain, c.ridge.evaluate(z, c.shift).value(), 1e-10 * Math.max(1, plain));
    }

    @Property(tries = 40)
    void shiftedScoresAreMinusTheGradientAndTheSlopeAgrees(@ForAll @LongRange(min = 1, max = 100_000) long seed,
                                                           @ForAll @IntRange(min = 1, max = 2) int kCount) {
        Case c = instance(seed, kCount);
        SplittableRandom r = new SplittableRandom(seed + 5);
        double[] z = new double[c.p()];
        double[] d = new double[c.p()];
        for (int j = 0; j < z.length; j++) {
            if (c.out[j]) continue;
            z[j] = 0.2 + 0.6 * r.nextDouble();
            d[j] = r.nextDouble() - 0.5;
        }
        double[] h = c.ridge.evaluate(z, c.shift).h();
        double eps = 1e-6;
        double slope = 0;
        for (int j = 0; j < z.length; j++) {
            slope -= d[j] * h[j];
            if (c.out[j]) continue;
            double[] up = z.clone();
            double[] down = z.clone();
            up[j] += eps;
            down[j] -= eps;
            double numeric = -(c.ridge.evaluate(up, c.shift).value() - c.ridge.evaluate(down, c.shift).value()) / (2 * eps);
            assertEquals(numeric, h[j], 1e-5 * Math.max(1, Math.abs(numeric)), "feature " + j);
        }
        assertEquals(slope, c.ridge.ray(z, d, c.shift).at(0), 1e-9 * Math.max(1, Math.abs(slope)));
    }

    @Property(tries = 60)
    void theShiftedBoundFromAnyPointStaysBelowEverySupportInsideA(@ForAll @LongRange(min = 1, max = 100_000) long seed,
                                                                @ForAll @IntRange(min = 1, max = 2) int kCount) {
        Case c = instance(seed, kCount);
        SplittableRandom r = new SplittableRandom(seed + 7);
        int p = c.p();
        for (int trial = 0; trial < 4; trial++) {
            double[] z = pointInA(c, r);
            WeightedRidge.Evaluation plain = c.ridge.evaluate(z);
            WeightedRidge.Evaluation e = c.ridge.evaluate(z, c.shift);
            // A tighter relaxation: c_delta(z) >= c(z) (equal at binary z).
            assertTrue(e.value() >= plain.value() - 1e-12 * Math.max(1, plain.value()), "shifted value below the plain one");
            for (int mask = 0; mask < 1 << p; mask++) {
                double dual = e.q();
                double[] v = new double[p];
                boolean inside = true;
                for (int j = 0; j < p; j++) {
                    if ((mask >> j & 1) == 0) continue;
                    inside &= !c.out[j];
                    v[j] = 1;
                    dual -= e.h()[j];
                }
                if (!inside) continue;
                double value = c.ridge.evaluate(v).value();
                assertTrue(dual <= value + 1e-10 * Math.max(1, Math.abs(value)), "weak duality at support " + mask + ": " + dual + " > " + value);
            }
        }
    }

    private static double smallestEigenvalue(SmtlProblem problem, int k, int[] a) {
        var task = problem.data().task(k);
        int n = task.rows();
        int m = a.length;
        double[][] xc = new double[n][m];
        for (int c = 0; c < m; c++) {
            double mean = 0;
            for (int i = 0; i < n; i++) mean += task.x().get(i, a[c]);
            mean /= n;
            for (int i = 0; i < n; i++) xc[i][c] = task.x().get(i, a[c]) - mean;
        }
        DMatrixRMaj g = new DMatrixRMaj(m, m);
        for (int u = 0; u < m; u++) {
            for (int v = 0; v < m; v++) {
                double s = 0;
                for (int i = 0; i < n; i++) s += xc[i][u] * xc[i][v];
                g.set(u, v, s / n);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, false, true);
        assertTrue(eig.decompose(g));
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < m; i++) min = Math.min(min, eig.getEigenvalue(i).getReal());
        return min;
    }
}
