package certus.estimators.dualenc;

import certus.estimators.FitControl;
import certus.data.MultiTaskData;
import certus.estimators.Termination;
import certus.solver.CancellationToken;
import certus.tensor.DenseMatrix;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stopping a fit early returns exactly the state a shorter run would have reached, labelled with the limit. */
class FitControlTest {
    private static final MultiTaskData TRAIN = DualEncoderSimulator.simulate(5,
            new DualEncoderSimulator.Settings(3, 6, 40, 10, 1.0, 1.0, 0.5)).train();
    private static final DualEncoderOptions OPTIONS = DualEncoderOptions.defaults(2).withSchedule(40, 40, 3, 10);

    @Test
    void cancellingAfterKEpochsGivesTheModelOfAKEpochCap() {
        int k = 4;
        CancellationToken token = new CancellationToken();
        int[] epochs = {0};
        DualEncoderModel cut = DualEncoderFitter.fit(TRAIN, OPTIONS, line -> {
            if (line.startsWith("epoch ") && ++epochs[0] == k) token.cancel();
        }, new FitControl(Long.MAX_VALUE, token));
        DualEncoderModel capped = DualEncoderFitter.fit(TRAIN, OPTIONS.withSchedule(k, 40, 3, 10), null);
        assertEquals(Termination.Limit.INTERRUPTED, cut.termination().limit());
        assertEquals(Termination.Reason.FEASIBLE, cut.termination().reason());
        assertEquals(Termination.Limit.ITERATIONS, capped.termination().limit());
        assertEquals(capped.validationLosses(), cut.validationLosses());
        assertEquals(capped.bestEpoch(), cut.bestEpoch());
        DenseMatrix x = TRAIN.task(1).x();
        assertArrayEquals(capped.predict(1, x), cut.predict(1, x), 0.0);
    }

    @Test
    void aPassedDeadlineReturnsTheInitializationWithATimeLimit() {
        DualEncoderModel m = DualEncoderFitter.fit(TRAIN, OPTIONS, null, new FitControl(System.nanoTime() - 1, CancellationToken.none()));
        assertEquals(Termination.Limit.TIME, m.termination().limit());
        assertEquals(0, m.bestEpoch());
        assertTrue(m.validationLosses().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> FitControl.of(0.0, CancellationToken.none()));
        assertEquals(Termination.Limit.NONE, FitControl.of(null, CancellationToken.none()).hit());
    }

    @Test
    void earlyStoppingIsConvergence() {
        DualEncoderModel m = DualEncoderFitter.fit(TRAIN, OPTIONS.withSchedule(400, 3, 3, 10), null);
        assertEquals(Termination.Reason.CONVERGED, m.termination().reason());
        assertEquals(Termination.Limit.NONE, m.termination().limit());
        assertTrue(m.validationLosses().size() < 400);
    }

    @Test
    void selectionStoppedInTheGridReturnsTheBestGridModelWithoutRefit() {
        CancellationToken token = new CancellationToken();
        DualEncoderSelection.Outcome stopped = DualEncoderSelection.select(TRAIN,
                DualEncoderSelection.grid(OPTIONS, List.of(0.01, 0.1, 1.0), List.of(0.1), List.of(OPTIONS.architecture())), 0.25, 0, line -> {
            if (line.startsWith("[lambda 0.1,") && line.contains("] epoch 5/")) token.cancel(); // partway through the second grid fit
        }, new FitControl(Long.MAX_VALUE, token));
        assertTrue(Double.isNaN(stopped.table().get(2).mse()), "the third grid point never ran");
        assertTrue(!Double.isNaN(stopped.table().get(0).mse()) && !Double.isNaN(stopped.table().get(1).mse()));
        assertEquals(1, stopped.table().stream().filter(DualEncoderSelection.Row::chosen).count());
        assertEquals(Termination.Limit.INTERRUPTED, stopped.model().termination().limit());
        assertTrue(stopped.model().termination().detail().contains("no refit"), stopped.model().termination().detail());
    }
}
