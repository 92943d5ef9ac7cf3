package certus.solver.ortools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import certus.solver.CancellationToken;
import certus.solver.Model;
import certus.solver.SolveListener;
import certus.solver.SolveParameters;
import certus.solver.SolveResult;
import certus.solver.Termination.Limit;
import certus.solver.Termination.Reason;
import certus.solver.conformance.ConformanceModels;
import certus.solver.testing.TestModels;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SCIP in a child JVM: a cancellation from another thread stops a long solve with its incumbent and a valid bound
 * (limit INTERRUPTED), the log and progress table reach the listener, and results equal the in-process solve.
 */
class ScipChildProcessTest {
    private final ScipBackend scip = new ScipBackend();

    @BeforeEach
    void available() {
        assumeTrue(scip.availability().available(), scip.availability().reason());
    }

    @Test
    void cancellationStopsALongSolveWithItsIncumbentAndBound() {
        Model hard = ConformanceModels.hardKnapsack(400, 15, 3);
        CancellationToken token = new CancellationToken();
        Recorder recorder = new Recorder();
        SolveParameters params = SolveParameters.defaults().withRelativeGap(0).withTimeLimitSeconds(120);
        assertTrue(ScipBackend.inChildProcess(params, token), "a cancellable 120 s solve runs in a child JVM");
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            timer.schedule(token::cancel, 3, TimeUnit.SECONDS);
            SolveResult r = scip.solve(hard, params, recorder, token);
            assertTrue(r.seconds() < 3 + ScipChildProcess.KILL_GRACE_SECONDS, "stopped long before its 120 s limit: " + r.seconds());
            assertEquals(Limit.INTERRUPTED, r.termination().limit(), r.termination()::toString);
            assertEquals(Reason.FEASIBLE, r.termination().reason(), r.termination()::toString);
            assertTrue(r.hasSolution());
            assertTrue(r.bestBound() <= r.objectiveValue() + 1e-9, r.bestBound() + " > " + r.objectiveValue());
            assertTrue(Double.isFinite(r.bestBound()));
            assertObjectiveOfPoint(hard, r);
            System.out.printf("scip child: cancelled at 3 s, returned after %.2f s, %s, objective %.6g bound %.6g, %d log lines, %d progress events%n",
                    r.seconds(), r.termination(), r.objectiveValue(), r.bestBound(), recorder.log.size(), recorder.progress.size());
        } finally {
            timer.shutdownNow();
        }
        assertFalse(recorder.log.isEmpty(), "SCIP's log reaches the listener");
        List<SolveListener.SolveProgress> table = recorder.progress.stream().filter(p -> Double.isFinite(p.incumbent())).toList();
        assertFalse(table.isEmpty(), "the progress table becomes events: " + recorder.log);
        for (SolveListener.SolveProgress p : table) assertTrue(p.bound() <= p.incumbent() + 1e-6, p.toString());
    }

    @Test
    void aChildSolveEqualsTheInProcessSolve() {
        Model subset = TestModels.bestSubset(40, 8, 3, 10, 5);
        SolveParameters params = SolveParameters.defaults().withRelativeGap(0).withTimeLimitSeconds(60);
        String before = System.getProperty(ScipBackend.CHILD_PROPERTY);
        try {
            System.setProperty(ScipBackend.CHILD_PROPERTY, "never");
            SolveResult inProcess = scip.solve(subset, params, SolveListener.NONE, new CancellationToken());
            System.setProperty(ScipBackend.CHILD_PROPERTY, "always");
            SolveResult child = scip.solve(subset, params, SolveListener.NONE, new CancellationToken());
            System.out.printf("scip child vs in process: %.3f s vs %.3f s (JVM start + native load)%n", child.seconds(), inProcess.seconds());
            assertEquals(Reason.OPTIMAL, inProcess.termination().reason(), inProcess.termination()::toString);
            assertEquals(Reason.OPTIMAL, child.termination().reason(), child.termination()::toString);
            assertEquals(inProcess.objectiveValue(), child.objectiveValue(), 1e-9 * Math.max(1, Math.abs(inProcess.objectiveValue())));
            assertObjectiveOfPoint(subset, child);
        } finally {
            if (before == null) System.clearProperty(ScipBackend.CHILD_PROPERTY);
            else System.setProperty(ScipBackend.CHILD_PROPERTY, before);
        }
    }

    @Test
    void aChildThatCannotStartFallsBackToAnInProcessSolve() {
        Model subset = TestModels.bestSubset(40, 8, 3, 10, 6);
        SolveParameters params = SolveParameters.defaults().withRelativeGap(0).withTimeLimitSeconds(60);
        SolveResult expected = scip.solve(subset, params, SolveListener.NONE, CancellationToken.none());
        Recorder recorder = new Recorder();
        System.setProperty(ScipChildProcess.CLASSPATH_PROPERTY, "/nonexistent/classes");
        try {
            SolveResult r = scip.solve(subset, params, recorder, new CancellationToken());
            assertEquals(Reason.OPTIMAL, r.termination().reason(), r.termination()::toString);
            assertEquals(expected.objectiveValue(), r.objectiveValue(), 1e-9 * Math.max(1, Math.abs(expected.objectiveValue())));
            assertTrue(recorder.log.stream().anyMatch(l -> l.contains("did not start")), recorder.log::toString);
        } finally {
            System.clearProperty(ScipChildProcess.CLASSPATH_PROPERTY);
        }
    }

    @Test
    void shortOrUncancellableSolvesStayInProcess() {
        SolveParameters longSolve = SolveParameters.defaults();
        assertFalse(ScipBackend.inChildProcess(longSolve, CancellationToken.none()));
        assertFalse(ScipBackend.inChildProcess(longSolve.withTimeLimitSeconds(1), new CancellationToken()));
        assertTrue(ScipBackend.inChildProcess(longSolve, new CancellationToken()));
    }

    /** The reported objective is the model's objective at the reported point (recomputed here, not trusted). */
    private static void assertObjectiveOfPoint(Model m, SolveResult r) {
        double recomputed = m.objective().evaluate(r.values());
        assertEquals(recomputed, r.objectiveValue(), 1e-6 * Math.max(1, Math.abs(recomputed)));
    }

    private static final class Recorder implements SolveListener {
        final List<String> log = new CopyOnWriteArrayList<>();
        final List<SolveProgress> progress = new CopyOnWriteArrayList<>();

        @Override
        public void onProgress(SolveProgress event) {
            progress.add(event);
        }

        @Override
        public void onLog(String line) {
            log.add(line);
        }
    }
}
