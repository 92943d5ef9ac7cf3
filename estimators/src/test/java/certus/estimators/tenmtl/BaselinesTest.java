package certus.estimators.tenmtl;

import certus.estimators.glm.Family;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Penalties of the pooled baseline reach the shared coefficients only, never the task intercepts. */
class BaselinesTest {

    @Test
    void heavyRidgeOnGlobalLeavesEachTaskAtItsOwnMean() {
        TenMtlSimulator.Synthetic s = TenMtlSimulator.simulate(4, 5, 8, 30, 0, Family.GAUSSIAN);
        // standardize-free check: with an overwhelming ridge the shared coefficients vanish, so each task intercept is
        // that task's mean response (the intercepts were shrunk towards 0 before the fix)
        MultiTaskLinearModel m = Baselines.global(s.train(), Family.GAUSSIAN, 0, 1e9);
        for (int i = 0; i < 5; i++) {
            for (double c : m.coefficients(i)) assertEquals(0.0, c, 1e-6);
            assertEquals(s.train().task(i).responseMean(), m.intercepts()[i], 1e-6, "task " + i);
        }
    }
}
