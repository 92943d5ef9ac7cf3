package certus.estimators;

import certus.estimators.sim.Simulation;
import certus.estimators.sim.SimulationDesign;
import certus.estimators.sim.Simulator;
import certus.smtl.InvalidProblemException;
import certus.smtl.ObjectiveEvaluator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmtlTest {
    private static final Simulation SIM = Simulator.simulate(new SimulationDesign(15, 3, 60, 40, 3, 2, 0.5, 0, null, 10.0, 4));

    @Test
    void heuristicFitsAreFeasibleNeverOptimalAndCarryTheEvaluatorsObjective() {
        SmtlModel m = Smtl.builder().s(3).ridge(0.01).zbar(0.1).fitter(new ScreeningFitter()).build().fit(SIM.train());
        assertEquals(FitStatus.FEASIBLE, m.status());
        assertEquals(Termination.Reason.CONVERGED, m.termination().reason());
        assertNull(m.bound());
        assertNull(m.gap());
        assertNull(m.backend());
        assertEquals("heuristic:bcd+local-search", m.method());
        assertEquals(ObjectiveEvaluator.value(m.params().toProblem(SIM.train()), m.solution()), m.objective(), 0.0);
        assertEquals(List.of("task1", "task2", "task3"), m.tasks());
        assertEquals(3, m.support("task2").size());
    }

    @Test
    void predictUsesTheTasksOwnInterceptAndCoefficients() {
        SmtlModel m = Smtl.builder().s(2).fitter(new ScreeningFitter()).build().fit(SIM.train());
        double[] x = new double[15];
        x[3] = 2.0;
        double expected = m.intercept("task3") + 2.0 * m.coefficients("task3")[3];
        assertEquals(expected, Smtl.predict(m, "task3", x), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> m.predict("nope", x));
    }

    @Test
    void parametersAreValidatedAtTheBoundary() {
        assertThrows(InvalidProblemException.class, () -> Smtl.builder().s(0).build());
        assertThrows(InvalidProblemException.class, () -> Smtl.builder().s(2).ridge(-1).build());
        assertThrows(InvalidProblemException.class, () -> Smtl.builder().s(2).timeLimitSeconds(0).build());
        Smtl tooSparse = Smtl.builder().s(16).fitter(new ScreeningFitter()).build();
        assertThrows(InvalidProblemException.class, () -> tooSparse.fit(SIM.train()));
    }

    @Test
    void realHeuristicIsNeverWorseThanTheTrueSupportAndRecoversItWhenSignalIsStrong() {
        Simulation strong = Simulator.simulate(new SimulationDesign(15, 3, 200, 100, 3, 2, 0.5, 0, null, 10.0, 4));
        SmtlModel m = Smtl.builder().s(3).ridge(1e-3).zbar(0.05).seed(1).build().fit(strong.train());
        assertEquals(FitStatus.FEASIBLE, m.status());
        certus.smtl.SmtlProblem problem = m.params().toProblem(strong.train());
        assertTrue(ObjectiveEvaluator.isFeasible(problem, m.solution()));
        // Optimization property, independent of statistics: the oracle support refitted is a feasible point.
        double oracle = ObjectiveEvaluator.value(problem, certus.smtl.SupportRefitter.refit(problem, strong.truth().supports()));
        assertTrue(m.objective() <= oracle * (1 + 1e-12), "heuristic " + m.objective() + " worse than true support " + oracle);
        SupportRecovery r = SupportRecovery.average(Metrics.supportRecovery(m.solution().supports(), strong.truth().supports()));
        assertTrue(r.f1() >= 0.8, "SNR 10, n=200, p=15: F1 " + r.f1());
        double rmse = Metrics.multiTaskRmse(Metrics.perTaskRmse(m, strong.test()));
        double noise = Math.sqrt(java.util.Arrays.stream(strong.noiseVariances()).max().orElseThrow());
        assertTrue(rmse < 1.5 * noise, "test RMSE " + rmse + " vs noise sd " + noise);
    }
}
