package certus.heuristics;

import certus.smtl.BruteForceEnumerator;
import certus.smtl.ObjectiveEvaluator;
import certus.smtl.RandomInstances;
import certus.smtl.SmtlProblem;
import certus.smtl.Variant;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance test of the heuristic against the brute-force optimum on small random instances of every
 * variant (K 1..4, p &lt;= 12, s &lt;= 3, weights on log scales): at least 95% reach the optimum within 1e-9
 * relative, none is more than 1% above it, none is below it (that would be a bug in one of the two), and the
 * reported objective is always the evaluator's value of a feasible solution.
 */
class EnumeratedOptimumTest {
    private static final int PER_VARIANT = 100;
    private static final double HIT_REL = 1e-9;

    @Test
    void heuristicReachesTheEnumeratedOptimumOnSmallInstances() {
        HeuristicOptions options = HeuristicOptions.defaults();
        int total = 0;
        int hits = 0;
        double worstOverall = 0;
        List<String> failures = new ArrayList<>();
        for (Variant variant : Variant.values()) {
            int variantHits = 0;
            double worst = 0;
            for (int i = 0; i < PER_VARIANT; i++) {
                SmtlProblem problem = RandomInstances.small(variant, 1000 + i);
                assertEquals(variant, problem.variant());
                BruteForceEnumerator.Optimum opt = BruteForceEnumerator.solve(problem);
                HeuristicResult r = SmtlHeuristic.fit(problem, options, null, HeuristicListener.NONE);
                assertTrue(ObjectiveEvaluator.violations(problem, r.solution()).isEmpty(),
                        () -> "infeasible: " + ObjectiveEvaluator.violations(problem, r.solution()));
                assertEquals(ObjectiveEvaluator.value(problem, r.solution()), r.objective(), 0.0, "reported objective");
                double gap = (r.objective() - opt.objective()) / Math.abs(opt.objective());
                assertTrue(gap > -HIT_REL, () -> variant + " below the enumerated optimum: " + r.objective() + " < " + opt.objective()
                        + " for " + problem + " heuristic " + r.solution() + " enumerated " + opt.solution());
                if (gap <= HIT_REL) variantHits++;
                else failures.add(variant + " #" + i + " gap " + gap + " " + problem + " got " + r.solution() + " opt " + opt.solution());
                worst = Math.max(worst, gap);
            }
            System.out.printf("%-10s hit %d/%d (%.1f%%), worst relative gap %.3e%n", variant.displayName(), variantHits,
                    PER_VARIANT, 100.0 * variantHits / PER_VARIANT, worst);
            total += PER_VARIANT;
            hits += variantHits;
            worstOverall = Math.max(worstOverall, worst);
        }
        System.out.printf("ALL        hit %d/%d (%.1f%%), worst relative gap %.3e%n", hits, total, 100.0 * hits / total, worstOverall);
        failures.stream().limit(10).forEach(System.out::println);
        assertTrue(hits >= 0.95 * total, "hit rate " + hits + "/" + total);
        assertTrue(worstOverall <= 0.01, "worst gap " + worstOverall);
    }
}
