package certus.smtl;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The oracle checked against an independent, naive enumeration of every z (all sizes, full product). */
class BruteForceEnumeratorTest {
    @Test
    void matchesNaiveEnumerationOfEveryJointSupport() {
        for (int seed = 0; seed < 12; seed++) {
            for (Variant v : Variant.values()) {
                SmtlProblem problem = RandomInstances.problem(2, 4, 10, 2, 0.05, 0, 0, v.commonSupport(), seed);
                double bbar = v == Variant.BBAR || v == Variant.ZBAR_BBAR || v == Variant.CS_BBAR ? 0.5 : 0;
                double zbar = v == Variant.ZBAR_L2 || v == Variant.ZBAR_BBAR ? 0.2 * (1 + seed % 3) : 0;
                problem = problem.with(2, 0.05, bbar, zbar, v.commonSupport());
                BruteForceEnumerator.Optimum opt = BruteForceEnumerator.solve(problem);
                assertTrue(ObjectiveEvaluator.isFeasible(problem, opt.solution()));
                assertEquals(ObjectiveEvaluator.value(problem, opt.solution()), opt.objective(), 1e-12);
                assertEquals(naive(problem), opt.objective(), 1e-10 * Math.abs(opt.objective()), v + " seed " + seed);
            }
        }
    }

    @Test
    void singleFeatureByHand() {
        // One task, one usable feature, s = 1: the optimum is the ridge fit on that feature (checked by formula).
        SmtlProblem problem = RandomInstances.problem(1, 1, 12, 1, 0.3, 0, 0, false, 5);
        var t = problem.data().task(0);
        double xm = t.x().columnMean(0);
        double ym = t.responseMean();
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < t.rows(); i++) {
            sxy += (t.x().get(i, 0) - xm) * (t.y(i) - ym);
            sxx += (t.x().get(i, 0) - xm) * (t.x().get(i, 0) - xm);
        }
        double n = t.rows();
        double beta = (sxy / n) / (sxx / n + 0.3);
        BruteForceEnumerator.Optimum opt = BruteForceEnumerator.solve(problem);
        assertEquals(beta, opt.solution().coefficient(0, 0), 1e-12);
    }

    private static double naive(SmtlProblem problem) {
        int kCount = problem.taskCount();
        int p = problem.featureCount();
        List<boolean[]> sets = new ArrayList<>();
        for (int mask = 0; mask < (1 << p); mask++) {
            if (Integer.bitCount(mask) > problem.s()) continue;
            boolean[] z = new boolean[p];
            for (int j = 0; j < p; j++) z[j] = (mask >> j & 1) == 1;
            sets.add(z);
        }
        double best = Double.POSITIVE_INFINITY;
        int total = (int) Math.pow(sets.size(), kCount);
        for (int code = 0; code < total; code++) {
            boolean[][] z = new boolean[kCount][];
            int c = code;
            for (int k = 0; k < kCount; k++) {
                z[k] = sets.get(c % sets.size());
                c /= sets.size();
            }
            SmtlSolution sol = SupportRefitter.refit(problem, z);
            if (!ObjectiveEvaluator.isFeasible(problem, sol)) continue;
            best = Math.min(best, ObjectiveEvaluator.value(problem, sol));
        }
        return best;
    }
}
