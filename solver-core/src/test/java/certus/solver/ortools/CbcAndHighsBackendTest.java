package certus.solver.ortools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import certus.solver.Backends;
import certus.solver.CancellationToken;
import certus.solver.Model;
import certus.solver.SolveListener;
import certus.solver.SolveParameters;
import certus.solver.SolveResult;
import certus.solver.SolverBackend;
import certus.solver.Termination.Limit;
import certus.solver.Termination.Reason;
import certus.solver.conformance.ConformanceModels;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** CBC- and HiGHS-specific behaviour, and what all three OR-Tools backends share. */
class CbcAndHighsBackendTest {
    static void assumeAvailable(SolverBackend b) {
        assumeTrue(b.availability().available(), b.name() + ": " + b.availability().reason());
    }

    /**
     * An OA master on which HiGHS 1.12's presolve fails ("Error running HiGHS run()"): the backend retries without
     * presolve and must agree with SCIP on the optimum. Without the retry this returned OTHER_ERROR.
     */
    @Test
    void highsPresolveFailureIsRetriedWithoutPresolveAndAgreesWithScip() throws Exception {
        HighsBackend highs = new HighsBackend();
        assumeAvailable(highs);
        String text = new String(CbcAndHighsBackendTest.class.getResourceAsStream("/highs/oa-master-presolve-error.mps").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        Model m = certus.solver.io.MpsReader.read(text, "oa-master-presolve-error.mps");
        SolveParameters p = SolveParameters.defaults().withRelativeGap(1e-7);
        SolveResult h = highs.solve(m, p, SolveListener.NONE, CancellationToken.none());
        SolveResult s = new ScipBackend().solve(m, p, SolveListener.NONE, CancellationToken.none());
        assertEquals(Reason.OPTIMAL, h.termination().reason(), h.termination().detail());
        assertEquals(Reason.OPTIMAL, s.termination().reason(), s.termination().detail());
        assertEquals(s.objectiveValue(), h.objectiveValue(), 1e-6 * Math.abs(s.objectiveValue()));
        assertTrue(h.bestBound() <= s.objectiveValue() + 1e-6 * Math.abs(s.objectiveValue()));
    }

    /** HiGHS's native "bound" equals its objective at a loose gap; ours must still be a true lower bound. */
    @Test
    void highsBoundAtLooseGapStaysBelowTheTrueOptimum() {
        HighsBackend highs = new HighsBackend();
        assumeAvailable(highs);
        ConformanceModels.Case c = ConformanceModels.knapsack(14, 3, 5);
        SolveResult r = highs.solve(c.model(), SolveParameters.defaults().withRelativeGap(0.5), SolveListener.NONE, CancellationToken.none());
        assertEquals(Reason.OPTIMAL, r.termination().reason());
        assertTrue(r.bestBound() <= c.optimum() + 1e-9, () -> "bound " + r.bestBound() + " above optimum " + c.optimum());
        assertTrue(r.relativeGap() <= 0.5 + 1e-12);
    }

    /** Documents the observed HiGHS time-limit path: UNKNOWN_STATUS without incumbent becomes NO_SOLUTION_FOUND/TIME. */
    @Test
    void highsTimeLimitIsALimitWithoutPoint() {
        HighsBackend highs = new HighsBackend();
        assumeAvailable(highs);
        SolveResult r = highs.solve(ConformanceModels.hardKnapsack(150, 8, 11), SolveParameters.defaults().withRelativeGap(0).withTimeLimitSeconds(0.3),
                SolveListener.NONE, CancellationToken.none());
        assertEquals(Limit.TIME, r.termination().limit(), r.termination()::toString);
    }

    @Test
    void cbcHonoursTheRequestedGapInsteadOfOrToolsDefault() {
        CbcBackend cbc = new CbcBackend();
        assumeAvailable(cbc);
        Model m = ConformanceModels.knapsack(14, 3, 5).model();
        SolveResult loose = cbc.solve(m, SolveParameters.defaults().withRelativeGap(0.5), SolveListener.NONE, CancellationToken.none());
        SolveResult exact = cbc.solve(m, SolveParameters.defaults().withRelativeGap(0), SolveListener.NONE, CancellationToken.none());
        assertEquals(Reason.OPTIMAL, exact.termination().reason());
        assertTrue(exact.relativeGap() <= 1e-9, () -> "gap " + exact.relativeGap());
        assertTrue(loose.relativeGap() <= 0.5 + 1e-12);
    }

    @Test
    void cbcRejectsBackendOptionsAsAResult() {
        CbcBackend cbc = new CbcBackend();
        assumeAvailable(cbc);
        SolveResult r = cbc.solve(ConformanceModels.infeasible(), SolveParameters.defaults().withBackendOptions(Map.of("ratioGap", "0.1")),
                SolveListener.NONE, CancellationToken.none());
        assertEquals(Reason.OTHER_ERROR, r.termination().reason());
    }

    @Test
    void allThreeAreDiscoveredThroughServiceLoader() {
        Backends all = Backends.discover();
        for (String name : List.of("scip", "cbc", "highs")) assertTrue(all.find(name).isPresent(), name);
    }

    /** The SPI requires concurrent solves of different models to be safe. */
    @Test
    void concurrentSolvesOnTwoThreadsGiveTheSameOptima() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (SolverBackend b : List.of(new ScipBackend(), new CbcBackend(), new HighsBackend())) {
                assumeAvailable(b);
                ConformanceModels.Case c1 = ConformanceModels.knapsack(12, 2, 21), c2 = ConformanceModels.knapsack(12, 2, 22);
                SolveParameters p = SolveParameters.defaults().withRelativeGap(0);
                Future<SolveResult> f1 = pool.submit(() -> b.solve(c1.model(), p, SolveListener.NONE, CancellationToken.none()));
                Future<SolveResult> f2 = pool.submit(() -> b.solve(c2.model(), p, SolveListener.NONE, CancellationToken.none()));
                assertEquals(c1.optimum(), f1.get().objectiveValue(), 1e-6, b.name());
                assertEquals(c2.optimum(), f2.get().objectiveValue(), 1e-6, b.name());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
