package certus.estimators.exact;

import certus.formulations.ExactMethod;
import certus.formulations.bnb.SupportBranchAndBound;
import certus.estimators.sim.SimulationDesign;
import certus.estimators.sim.Simulator;
import certus.smtl.SmtlProblem;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The default method follows the problem: our branch and bound wherever its relaxation models the objective. */
class ExactDefaultsTest {
    private static SmtlProblem problem(int k, double ridge, double bbar, double zbar, boolean cs) {
        return new SmtlProblem(Simulator.simulate(new SimulationDesign(8, k, 20, 0, 2, 1, 0.5, 0.0, null, 5.0, 5)).train(),
                2, ridge, bbar, zbar, cs);
    }

    @Test
    void branchAndBoundWhereverRidgeIsPositiveAndThereIsNoBbar() {
        assertEquals(ExactMethod.BNB, ExactDefaults.methodFor(problem(1, 0.1, 0, 0, false)));
        assertEquals(ExactMethod.BNB, ExactDefaults.methodFor(problem(3, 0.1, 0, 0, false)), "L0L2");
        assertEquals(ExactMethod.BNB, ExactDefaults.methodFor(problem(3, 0.1, 0, 0.2, false)), "Zbar+L2");
        assertEquals(ExactMethod.BNB, ExactDefaults.methodFor(problem(3, 0.1, 0, 0, true)), "common support");
        assertEquals(ExactMethod.PERSPECTIVE, ExactDefaults.methodFor(problem(3, 0.1, 0.5, 0, false)), "Bbar couples coefficients");
        assertEquals(ExactMethod.PERSPECTIVE, ExactDefaults.methodFor(problem(1, 0.0, 0, 0, false)), "no ridge, no perspective bound");
        assertEquals(SupportBranchAndBound.ENGINE, ExactDefaults.backendFor(ExactMethod.BNB));
        assertEquals("highs", ExactDefaults.backendFor(ExactMethod.OA));
        assertEquals("scip", ExactDefaults.backendFor(ExactMethod.PERSPECTIVE));
    }
}
