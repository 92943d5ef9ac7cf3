package certus.estimators.tenmtl;

import certus.estimators.FitControl;
import certus.estimators.Termination;
import certus.estimators.glm.Family;
import certus.estimators.io.TenMtlJson;
import certus.solver.CancellationToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TenMTL stops between sweeps on cancellation or a deadline, keeps its best state, and says why in its JSON. */
class TenMtlFitControlTest {
    @TempDir
    Path dir;

    private static final TenMtlSimulator.Synthetic SIM = TenMtlRecoveryTest.simulate(1, 80, Family.GAUSSIAN);

    @Test
    void aCancelledFitStopsBeforeItsFirstSweepAndSaysSo() throws Exception {
        CancellationToken token = new CancellationToken();
        token.cancel();
        TenMtlOptions o = TenMtlOptions.of(Family.GAUSSIAN, 2, 2, 0.01);
        TenMtl.Result stopped = TenMtl.fit(SIM.train(), o, FitControl.of(null, token));
        assertEquals(Termination.Limit.INTERRUPTED, stopped.termination().limit());
        assertEquals(1, stopped.factors().objective().size(), "only the start's objective");
        TenMtl.Result full = TenMtl.fit(SIM.train(), o);
        assertEquals(Termination.Reason.CONVERGED, full.termination().reason(), full.termination().toString());
        assertTrue(full.factors().objective().get(full.factors().objective().size() - 1) <= stopped.factors().objective().get(0),
                "sweeps only lower the objective");
        Path file = dir.resolve("m.json");
        Files.writeString(file, TenMtlJson.write(stopped, null));
        assertEquals(stopped.termination(), TenMtlJson.read(file).termination(), "termination survives the JSON round trip");
    }

    @Test
    void aPassedDeadlineIsATimeLimit() {
        FitControl past = new FitControl(System.nanoTime() - 1, CancellationToken.none());
        TenMtl.Result r = TenMtl.fit(SIM.train(), TenMtlOptions.of(Family.GAUSSIAN, 2, 2, 0.01), past);
        assertEquals(Termination.Limit.TIME, r.termination().limit());
        assertEquals(Termination.Reason.FEASIBLE, r.termination().reason());
    }
}
