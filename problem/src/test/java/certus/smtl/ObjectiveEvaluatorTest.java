package certus.smtl;

import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.tensor.DenseMatrix;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ObjectiveEvaluatorTest {
    /**
     * Two tasks, two features, two rows each.
     * Task a: X = [[1, 0], [0, 1]], y = [1, 2]; task b: X = [[1, 1], [2, 0]], y = [0, 4].
     */
    private static SmtlProblem tiny(double ridge, double bbar, double zbar) {
        TaskData a = new TaskData("a", DenseMatrix.fromRows(new double[][] {{1, 0}, {0, 1}}), new double[] {1, 2});
        TaskData b = new TaskData("b", DenseMatrix.fromRows(new double[][] {{1, 1}, {2, 0}}), new double[] {0, 4});
        return new SmtlProblem(new MultiTaskData(List.of("u", "v"), List.of(a, b)), 2, ridge, bbar, zbar, false);
    }

    /** b = (0.5, 1), beta_a = (1, 0) with z_a = (1, 0), beta_b = (2, 0) with z_b = (1, 1). */
    private static SmtlSolution point() {
        return new SmtlSolution(new double[] {0.5, 1}, new double[][] {{1, 0}, {2, 0}},
                new boolean[][] {{true, false}, {true, true}});
    }

    @Test
    void lossTermByHand() {
        // Task a residuals: y - b - X beta = (1 - 0.5 - 1, 2 - 0.5 - 0) = (-0.5, 1.5); ss = 0.25 + 2.25 = 2.5; /(2*2) = 0.625.
        // Task b residuals: (0 - 1 - 2, 4 - 1 - 4) = (-3, -1); ss = 10; /4 = 2.5. Loss = 3.125.
        ObjectiveValue v = ObjectiveEvaluator.evaluate(tiny(0, 0, 0), point());
        assertEquals(3.125, v.loss(), 1e-15);
        assertEquals(3.125, v.total(), 1e-15);
    }

    @Test
    void ridgeTermInIsolation() {
        // ridge/2 * (1^2 + 2^2) = 0.5 * 0.4 * 5 = 1.0
        ObjectiveValue v = ObjectiveEvaluator.evaluate(tiny(0.4, 0, 0), point());
        assertEquals(1.0, v.ridge(), 1e-15);
        assertEquals(0.0, v.bbar(), 0.0);
        assertEquals(0.0, v.zbar(), 0.0);
    }

    @Test
    void bbarTermInIsolation() {
        // betabar = (1.5, 0); deviations (-0.5, 0) and (0.5, 0): sum of squares 0.5; bbar/2 * 0.5 = 0.25 * 3 = 0.75.
        ObjectiveValue v = ObjectiveEvaluator.evaluate(tiny(0, 3, 0), point());
        assertEquals(0.75, v.bbar(), 1e-15);
        assertEquals(3.125 + 0.75, v.total(), 1e-15);
    }

    @Test
    void zbarTermInIsolationUsesExplicitSupport() {
        // zbar_vec = (1, 0.5); z_a - zbar = (0, -0.5), z_b - zbar = (0, 0.5): sum of squares 0.5; zbar/2 * 0.5 = 0.5 for zbar = 2.
        ObjectiveValue v = ObjectiveEvaluator.evaluate(tiny(0, 0, 2), point());
        assertEquals(0.5, v.zbar(), 1e-15);
        assertEquals(0.0, v.ridge(), 0.0);
    }

    @Test
    void feasibilityViolations() {
        SmtlProblem problem = tiny(0, 0, 0);
        assertTrue(ObjectiveEvaluator.isFeasible(problem, point()));
        SmtlSolution outside = new SmtlSolution(new double[] {0, 0}, new double[][] {{1, 1}, {0, 0}},
                new boolean[][] {{true, false}, {false, false}});
        assertTrue(ObjectiveEvaluator.violations(problem, outside).get(0).contains("outside the support"));
        SmtlProblem s1 = problem.withS(1);
        assertTrue(ObjectiveEvaluator.violations(s1, point()).stream().anyMatch(m -> m.contains("exceeds s=1")));
        SmtlProblem common = problem.with(2, 0, 0, 0, true);
        assertTrue(ObjectiveEvaluator.violations(common, point()).stream().anyMatch(m -> m.contains("common support")));
    }

    @Test
    void constantColumnMayNotBeSelected() {
        TaskData a = new TaskData("a", DenseMatrix.fromRows(new double[][] {{1, 5}, {0, 5}, {2, 5}}), new double[] {1, 2, 3});
        SmtlProblem problem = new SmtlProblem(new MultiTaskData(List.of("u", "c"), List.of(a)), 1, 0, 0, 0, false);
        SmtlSolution sol = new SmtlSolution(new double[] {0}, new double[][] {{0, 0}}, new boolean[][] {{false, true}});
        assertFalse(ObjectiveEvaluator.isFeasible(problem, sol));
        assertTrue(ObjectiveEvaluator.violations(problem, sol).get(0).contains("constant column"));
    }
}
