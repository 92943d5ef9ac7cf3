package certus.solver.ojalgo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certus.solver.CancellationToken;
import certus.solver.Model;
import certus.solver.SolveListener;
import certus.solver.SolveParameters;
import certus.solver.SolveResult;
import certus.solver.Termination.Limit;
import certus.solver.Termination.Reason;
import certus.solver.testing.SubsetOracle;
import certus.solver.testing.TestModels;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Regression-shaped MIQPs: correctness against enumeration, limits, hints and cancellation. */
class OjalgoLimitsTest {
    /** Time limits overshoot by the node being solved plus JIT warm-up; generous for 2 shared cores. */
    private static final double OVERSHOOT_SECONDS = 5.0;
    private final OjalgoBackend backend = new OjalgoBackend();

    @Test
    void bestSubsetMatchesEnumeratedOptimum() {
        Model m = TestModels.bestSubset(40, 8, 3, 10, 7);
        SolveResult r = backend.solve(m, SolveParameters.defaults().withTimeLimitSeconds(30), SolveListener.NONE, CancellationToken.none());
        assertEquals(Reason.FEASIBLE, r.termination().reason(), r.termination().toString()); // MIQP: never certified
        double oracle = SubsetOracle.optimum(m, 8, 3);
        assertEquals(oracle, r.objectiveValue(), 1e-4 * oracle);
        assertTrue(r.bestBound() <= oracle + 1e-9, "bound " + r.bestBound() + " above the true optimum " + oracle);
    }

    @Test
    void timeLimitedHardMiqpIsNeverOptimalWithoutProofAndBoundStaysBelow() {
        Model m = TestModels.bestSubset(60, 25, 5, 10, 11);
        SolveResult r = backend.solve(m, SolveParameters.defaults().withTimeLimitSeconds(0.5), SolveListener.NONE, CancellationToken.none());
        if (r.termination().reason() == Reason.OPTIMAL) {
            assertTrue(r.relativeGap() <= 1.001e-4, "OPTIMAL must carry a bound that proves it: " + r.bestBound());
        } else {
            assertEquals(Limit.TIME, r.termination().limit(), r.termination().toString());
            assertTrue(r.termination().reason() == Reason.FEASIBLE || r.termination().reason() == Reason.NO_SOLUTION_FOUND);
            assertEquals(Double.NEGATIVE_INFINITY, r.bestBound());
        }
        if (r.hasSolution()) {
            assertTrue(m.maxViolation(r.values()) <= 1e-6);
            assertTrue(r.bestBound() <= r.objectiveValue() + 1e-9);
        }
        assertTrue(r.seconds() < 0.5 + OVERSHOOT_SECONDS, "took " + r.seconds());
    }

    @Test
    void aHintIsHarmlessAndTheOptimumUnchanged() {
        Model m = TestModels.selectionMiqp(new double[] {0.5, -2.0, 1.2, 3.0}, 1, 5.0);
        double[] hint = {0, 0, 0, 3.0, 0, 0, 0, 1}; // the optimum itself
        SolveResult r = backend.solve(m.withHint(hint), SolveParameters.defaults(), SolveListener.NONE, CancellationToken.none());
        assertEquals(Reason.FEASIBLE, r.termination().reason()); // MIQP: never certified
        assertEquals(TestModels.selectionByEnumeration(new double[] {0.5, -2.0, 1.2, 3.0}, 1), r.objectiveValue(), 1e-6);
    }

    @Test
    void cancellationStopsTheSearchAndReportsInterrupted() throws Exception {
        Model m = TestModels.bestSubset(60, 25, 5, 10, 11);
        CancellationToken token = new CancellationToken();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            timer.schedule(token::cancel, 300, TimeUnit.MILLISECONDS);
            SolveResult r = backend.solve(m, SolveParameters.defaults().withTimeLimitSeconds(60), SolveListener.NONE, token);
            assertTrue(r.seconds() < 0.3 + OVERSHOOT_SECONDS, "cancel ignored for " + r.seconds() + " s");
            if (r.termination().reason() != Reason.OPTIMAL) assertEquals(Limit.INTERRUPTED, r.termination().limit(), r.termination().toString());
        } finally {
            timer.shutdownNow();
        }
    }
}
