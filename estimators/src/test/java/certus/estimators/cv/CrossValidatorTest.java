package certus.estimators.cv;

import certus.data.MultiTaskData;
import certus.estimators.FitStatus;
import certus.estimators.Metrics;
import certus.estimators.ScreeningFitter;
import certus.estimators.Smtl;
import certus.estimators.SmtlParams;
import certus.estimators.sim.Simulation;
import certus.estimators.sim.SimulationDesign;
import certus.estimators.sim.Simulator;
import certus.smtl.InvalidProblemException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrossValidatorTest {
    private static final Simulation SIM = Simulator.simulate(new SimulationDesign(20, 3, 40, 0, 4, 2, 0.5, 0, null, 5.0, 3));
    private static final CvGrid GRID = new CvGrid(List.of(2, 4, 6), List.of(0.01), List.of(0.0), List.of(0.0, 0.1), false);

    private static Smtl template() {
        return Smtl.builder().s(1).seed(5).fitter(new ScreeningFitter()).build();
    }

    @Test
    void tableHasOneRowPerGridPointAndFoldErrorsAreMultiTaskRmses() {
        List<String> progress = Collections.synchronizedList(new ArrayList<>());
        CvResult r = new CrossValidator(GRID, 4, 2, template(), (d, t, m) -> progress.add(m)).run(SIM.train());
        assertEquals(6, r.rows().size());
        assertEquals(4, r.folds());
        assertTrue(progress.size() >= 5, "one line per fold plus the refit: " + progress);
        // recompute one cell independently: fold 0, the grid point s=4, zbar=0
        Folds folds = Folds.stratified(SIM.train(), 4, 5);
        SmtlParams point = new SmtlParams(4, 0.01, 0, 0, false);
        var sol = ScreeningFitter.fit(point.toProblem(folds.train(0))).solution();
        double expected = Metrics.multiTaskRmse(Metrics.perTaskRmse(sol, folds.test(0)));
        CvRow row = r.rows().stream().filter(x -> x.params().equals(point)).findFirst().orElseThrow();
        assertEquals(expected, row.foldRmse()[0], 1e-12);
        assertEquals(r.chosen().params(), r.model().params());
        assertEquals(FitStatus.FEASIBLE, r.model().status());
        assertEquals(r.rows().get(OneSeRule.select(r.rows())), r.chosen());
    }

    @Test
    void resultDoesNotDependOnThreadCount() {
        CvResult one = new CrossValidator(GRID, 3, 1, template(), null).run(SIM.train());
        CvResult two = new CrossValidator(GRID, 3, 2, template(), null).run(SIM.train());
        for (int g = 0; g < one.rows().size(); g++) {
            assertArrayEquals(one.rows().get(g).foldRmse(), two.rows().get(g).foldRmse(), 0.0);
        }
        assertEquals(one.chosenIndex(), two.chosenIndex());
    }

    @Test
    void gridBeyondPIsRejectedBeforeAnyFit() {
        CvGrid tooBig = new CvGrid(List.of(2, 25), List.of(0.0), List.of(0.0), List.of(0.0), false);
        assertThrows(InvalidProblemException.class, () -> new CrossValidator(tooBig, 3, 1, template(), null).run(SIM.train()));
    }

    @Test
    void engineFailureInAFoldPropagates() {
        Smtl broken = Smtl.builder().s(1).fitter((problems, options, listener) -> {
            throw new IllegalStateException("boom");
        }).build();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new CrossValidator(GRID, 3, 2, broken, null).run(SIM.train()));
        assertEquals("boom", e.getMessage());
    }

    @Test
    void realHeuristicCvChoosesAReasonableSparsity() {
        MultiTaskData data = SIM.train();
        CvResult r = new CrossValidator(GRID, 4, 2, Smtl.builder().s(1).seed(1).build(), null).run(data);
        assertEquals(FitStatus.FEASIBLE, r.model().status());
        assertTrue(r.chosen().params().s() >= 2 && r.chosen().meanRmse() <= r.rows().get(r.bestIndex()).meanRmse()
                + r.rows().get(r.bestIndex()).seRmse() + 1e-12);
    }
}
