package certus.heuristics;

import certus.smtl.ObjectiveEvaluator;
import certus.smtl.RandomInstances;
import certus.smtl.SmtlProblem;
import certus.smtl.SmtlSolution;
import certus.smtl.Variant;
import certus.data.MultiTaskData;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Limiting cases and invariants of spec §9. */
class HeuristicPropertiesTest {
    private static final HeuristicOptions OPTS = HeuristicOptions.defaults();

    private static HeuristicResult fit(SmtlProblem problem) {
        HeuristicResult r = SmtlHeuristic.fit(problem, OPTS, null, HeuristicListener.NONE);
        assertTrue(ObjectiveEvaluator.isFeasible(problem, r.solution()), () -> ObjectiveEvaluator.violations(problem, r.solution()).toString());
        assertEquals(ObjectiveEvaluator.value(problem, r.solution()), r.objective(), 0.0);
        return r;
    }

    @Test
    void withoutSharingTheFitIsTheSumOfIndependentSingleTaskFits() {
        for (int seed = 0; seed < 5; seed++) {
            SmtlProblem problem = RandomInstances.problem(3, 20, 30, 3, 0.01, 0, 0, false, seed);
            double sum = 0;
            for (int k = 0; k < 3; k++) {
                MultiTaskData one = problem.data().withTasks(List.of(problem.data().task(k)));
                sum += fit(problem.withData(one)).objective();
            }
            assertEquals(sum, fit(problem).objective(), 1e-9 * sum);
        }
    }

    @Test
    void hugeZbarMakesAllSupportsIdentical() {
        for (int seed = 0; seed < 5; seed++) {
            SmtlProblem problem = RandomInstances.problem(3, 15, 25, 3, 0.01, 0, 1e6, false, seed);
            SmtlSolution sol = fit(problem).solution();
            for (int k = 1; k < 3; k++) assertArrayEquals(sol.supports()[0], sol.supports()[k]);
        }
    }

    @Test
    void hugeBbarWithCommonSupportMakesCoefficientsEqual() {
        SmtlProblem problem = RandomInstances.problem(3, 10, 30, 3, 0.01, 1e8, 0, true, 3);
        SmtlSolution sol = fit(problem).solution();
        for (int j = 0; j < 10; j++) {
            for (int k = 1; k < 3; k++) assertEquals(sol.coefficient(0, j), sol.coefficient(k, j), 1e-5);
        }
    }

    @Test
    void commonSupportGivesIdenticalSupportsAndCardinalityHolds() {
        for (Variant v : Variant.values()) {
            for (int seed = 0; seed < 3; seed++) {
                SmtlProblem problem = RandomInstances.small(v, 77 + seed);
                SmtlSolution sol = fit(problem).solution();
                for (int k = 0; k < problem.taskCount(); k++) {
                    assertTrue(sol.supportSize(k) <= problem.s());
                    if (problem.commonSupport()) assertArrayEquals(sol.supports()[0], sol.supports()[k]);
                }
            }
        }
    }

    @Property(tries = 15)
    void neverWorseThanTheProjectedWarmStart(@ForAll @LongRange(min = 0, max = 100_000) long seed) {
        SmtlProblem problem = RandomInstances.problem(2, 12, 20, 2, 0.05, 0.3, 0.1, false, seed);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        double[][] beta = new double[2][12];
        for (double[] row : beta) for (int j = 0; j < 12; j++) row[j] = rnd.nextGaussian();
        SmtlSolution warm = SmtlSolution.fromCoefficients(new double[2], beta);
        SmtlSolution projected = SmtlHeuristic.project(problem, warm);
        assertTrue(ObjectiveEvaluator.isFeasible(problem, projected));
        HeuristicResult r = SmtlHeuristic.fit(problem, OPTS.withRestarts(0), warm, HeuristicListener.NONE);
        assertTrue(r.objective() <= ObjectiveEvaluator.value(problem, projected) + 1e-12);
    }

    @Test
    void sameSeedSameSolution() {
        SmtlProblem problem = RandomInstances.problem(3, 40, 30, 3, 0.01, 0.2, 0.1, false, 11);
        assertEquals(fit(problem).solution(), fit(problem).solution());
    }

    @Test
    void tinyTimeLimitReturnsAFeasibleSolutionFlaggedTimeLimit() {
        SmtlProblem problem = RandomInstances.problem(4, 600, 200, 8, 1e-3, 0.1, 0.1, false, 2);
        HeuristicResult r = SmtlHeuristic.fit(problem, OPTS.withTimeLimitSeconds(1e-6), null, HeuristicListener.NONE);
        assertEquals(HeuristicResult.StopReason.TIME_LIMIT, r.stop());
        assertTrue(ObjectiveEvaluator.isFeasible(problem, r.solution()));
        assertEquals(ObjectiveEvaluator.value(problem, r.solution()), r.objective(), 0.0);
    }

    @Test
    void pathWarmStartsAndReportsEveryProblem() {
        SmtlProblem base = RandomInstances.problem(2, 30, 25, 1, 0.01, 0.1, 0.05, false, 9);
        List<SmtlProblem> problems = new ArrayList<>();
        for (int s = 1; s <= 4; s++) problems.add(base.withS(s));
        List<String> stages = new ArrayList<>();
        List<HeuristicResult> results = SmtlHeuristic.path(problems, OPTS, (stage, it, f, sec) -> stages.add(stage));
        assertEquals(4, results.size());
        for (int i = 0; i < 4; i++) {
            assertTrue(ObjectiveEvaluator.isFeasible(problems.get(i), results.get(i).solution()));
            if (i > 0) assertTrue(results.get(i).objective() <= results.get(i - 1).objective() + 1e-9, "larger s cannot be worse here");
        }
        assertTrue(stages.contains("path 4/4"));
        List<HeuristicResult> cut = SmtlHeuristic.path(problems, OPTS.withTimeLimitSeconds(1e-6), HeuristicListener.NONE);
        assertFalse(cut.isEmpty());
        assertEquals(HeuristicResult.StopReason.TIME_LIMIT, cut.get(cut.size() - 1).stop());
    }

    @Test
    void largerProblemUsesActiveSetsAndStaysFeasible() {
        SmtlProblem problem = RandomInstances.problem(2, 400, 80, 5, 1e-3, 0.05, 0.05, false, 4);
        HeuristicResult r = fit(problem);
        HeuristicResult noLs = SmtlHeuristic.fit(problem, OPTS.withLocalSearch(false).withRestarts(0), null, HeuristicListener.NONE);
        assertTrue(r.objective() <= noLs.objective() + 1e-12);
        for (int k = 0; k < 2; k++) assertTrue(r.solution().supportSize(k) <= 5);
        assertTrue(Arrays.stream(r.solution().supports()).noneMatch(z -> z.length != 400));
    }
}
