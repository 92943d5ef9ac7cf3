package certus.estimators.dualenc;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DualEncoderSelectionTest {
    @Test
    void chooseTakesTheSmallestScoreTiesToTheEarlierPointAndNeverANaN() {
        assertEquals(1, DualEncoderSelection.choose(new double[]{0.5, 0.2, 0.3}));
        assertEquals(0, DualEncoderSelection.choose(new double[]{0.2, 0.2, 0.3}));
        assertEquals(2, DualEncoderSelection.choose(new double[]{Double.NaN, 0.4, 0.3}));
        assertEquals(1, DualEncoderSelection.choose(new double[]{0.3, 0.1, Double.NaN}));
        assertEquals(0, DualEncoderSelection.choose(new double[]{Double.NaN, Double.NaN}));
    }

    @Test
    void selectScoresEveryGridPointMarksTheMinimumAndRefitsWithItsLambda() {
        DualEncoderSimulator.Synthetic s = DualEncoderSimulator.simulate(2, new DualEncoderSimulator.Settings(3, 4, 40, 5, 1.0, 0.5, 0.3));
        DualEncoderOptions base = DualEncoderOptions.defaults(3).withLatentSizes(2, 3).withSchedule(3, 2, 2, 5)
                .withArchitecture(new DualEncoderOptions.Fixed(List.of(6)));
        List<String> log = new ArrayList<>();
        DualEncoderSelection.Outcome out = DualEncoderSelection.select(s.train(), base, DualEncoderSelection.DEFAULT_LAMBDAS, 0.25, log::add);
        assertEquals(3, out.table().size());
        DualEncoderSelection.Row chosen = out.table().stream().filter(DualEncoderSelection.Row::chosen).findFirst().orElseThrow();
        assertEquals(1, out.table().stream().filter(DualEncoderSelection.Row::chosen).count());
        for (DualEncoderSelection.Row r : out.table()) {
            assertTrue(Double.isFinite(r.mse()) && r.mse() >= 0);
            assertTrue(chosen.mse() <= r.mse());
        }
        assertEquals(chosen.options(), out.options());
        assertEquals(out.options().lambdaAlpha(), out.options().lambdaBeta());
        assertEquals(base.lambdaO(), out.options().lambdaO());
        assertEquals(s.train().taskLabels(), out.model().taskLabels());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("chosen lambda")), log.toString());
        // deterministic: the same seed gives the same table
        assertEquals(out.table(), DualEncoderSelection.select(s.train(), base, DualEncoderSelection.DEFAULT_LAMBDAS, 0.25, null).table());
    }

    @Test
    void badGridOrHoldoutIsRejected() {
        DualEncoderSimulator.Synthetic s = DualEncoderSimulator.simulate(2, new DualEncoderSimulator.Settings(2, 3, 10, 2, 1.0, 0.5, 0.3));
        DualEncoderOptions base = DualEncoderOptions.defaults(1);
        assertThrows(IllegalArgumentException.class, () -> DualEncoderSelection.select(s.train(), base, List.of(), 0.2, null));
        assertThrows(IllegalArgumentException.class, () -> DualEncoderSelection.select(s.train(), base, List.of(-1.0), 0.2, null));
        assertThrows(IllegalArgumentException.class, () -> DualEncoderSelection.select(s.train(), base, List.of(0.1), 1.0, null));
    }
}
