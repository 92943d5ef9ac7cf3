package certus.heuristics;

import certus.smtl.RandomInstances;
import certus.smtl.SmtlProblem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Fits running at the same time (the solver service's workers) do not influence each other: the only state shared
 * between fits is {@link Lipschitz}'s memo of whole-design eigenvalues, a pure function of an immutable matrix.
 * p &gt; {@link IhtSolver#FULL_ACTIVE_LIMIT} so the memo is used; several problems share one data set so its entry
 * is read and written concurrently.
 */
class ConcurrentFitsTest {
    @Test
    void concurrentFitsEqualSequentialFitsBitForBit() throws Exception {
        List<SmtlProblem> problems = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            SmtlProblem base = RandomInstances.problem(2, 150, 60, 4, 0.05, 0, 0.02, false, seed);
            problems.add(base);
            problems.add(base.withS(3));
            problems.add(base.withS(6));
        }
        List<HeuristicResult> sequential = new ArrayList<>();
        for (SmtlProblem problem : problems) sequential.add(fit(problem));

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 2; round++) {
                List<Future<HeuristicResult>> futures = new ArrayList<>();
                for (SmtlProblem problem : problems) futures.add(pool.submit(() -> fit(problem)));
                for (int i = 0; i < problems.size(); i++) {
                    HeuristicResult expected = sequential.get(i);
                    HeuristicResult actual = futures.get(i).get();
                    assertEquals(expected.objective(), actual.objective(), 0.0, "problem " + i);
                    for (int k = 0; k < expected.solution().coefficients().length; k++) {
                        assertArrayEquals(expected.solution().coefficients()[k], actual.solution().coefficients()[k], 0.0);
                        assertArrayEquals(expected.solution().supports()[k], actual.solution().supports()[k]);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static HeuristicResult fit(SmtlProblem problem) {
        return SmtlHeuristic.fit(problem, HeuristicOptions.defaults(), null, HeuristicListener.NONE);
    }
}
