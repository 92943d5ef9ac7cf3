package certus.formulations.oa;

import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.smtl.SmtlProblem;
import certus.tensor.DenseMatrix;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** exact.md §5: the single-task worked example, reproduced to 1e-6. */
class WorkedExampleTest {
    static final double[][] X = {{1, 0, 1}, {0, 1, 1}, {1, 1, 0}, {-1, 0, 1}, {0, -1, -1}, {-1, -1, -2}};
    static final double[] Y = {2, 1, 2, -1, -1, -3};

    static SmtlProblem problem() {
        TaskData t = new TaskData("t", DenseMatrix.fromRows(X), Y);
        return new SmtlProblem(new MultiTaskData(List.of("x1", "x2", "x3"), List.of(t)), 1, 0.1, 0, 0, false);
    }

    static boolean[][] z(int... support) {
        boolean[][] z = new boolean[1][3];
        for (int j : support) z[0][j - 1] = true;
        return z;
    }

    @Test
    void ridgeValuesOfEverySupportMatchTheSpec() {
        SmtlProblem p = problem();
        assertEquals(0.507246, InnerProblem.solve(p, z(1)).value(), 1e-6);
        assertEquals(1.739130, InnerProblem.solve(p, z(1)).solution().coefficient(0, 0), 1e-6);
        assertEquals(0.778986, InnerProblem.solve(p, z(2)).value(), 1e-6);
        assertEquals(0.881783, InnerProblem.solve(p, z(3)).value(), 1e-6);
        assertEquals(0.230186, InnerProblem.solve(p, z(1, 2)).value(), 1e-6);
        assertEquals(0.178571, InnerProblem.solve(p, z(1, 3)).value(), 1e-6);
        assertEquals(0.640917, InnerProblem.solve(p, z(2, 3)).value(), 1e-6);
    }

    @Test
    void cutAtTheBestSingletonHasTheSpecSlopesAndValues() {
        SmtlProblem p = problem();
        CutGenerator gen = CutGenerator.perspective(p);
        assertFalse(gen.aggregated());
        List<Cut> cuts = gen.cuts(InnerProblem.solve(p, z(1)));
        assertEquals(1, cuts.size());
        Cut c = cuts.get(0);
        assertEquals(0, c.task());
        assertEquals(-0.151229, c.slopes()[0][0], 1e-6);
        assertEquals(-1.722590, c.slopes()[0][1], 1e-6);
        assertEquals(-4.234667, c.slopes()[0][2], 1e-6);
        // first slope = (ridge * beta_1)^2 / (2 ridge)
        assertEquals(-Math.pow(0.1 * 1.739130, 2) / 0.2, c.slopes()[0][0], 1e-6);
        assertEquals(0.507246, c.evaluate(z(1)), 1e-6);
        assertEquals(-1.064115, c.evaluate(z(2)), 1e-6);
        assertEquals(-3.576192, c.evaluate(z(3)), 1e-6);
        assertEquals(-1.215343, c.evaluate(z(1, 2)), 1e-6);
        for (int[] s : new int[][]{{2}, {3}, {1, 2}, {1, 3}, {2, 3}, {1, 2, 3}, {}}) {
            assertTrue(c.evaluate(z(s)) <= InnerProblem.solve(p, z(s)).value() + 1e-12);
        }
    }

    @Test
    void valueIsHalfAlphaTransposeY() {
        // c(S) = (1/2) alpha^T y with alpha = residual / n (exact.md §4.1 identity)
        SmtlProblem p = problem();
        InnerPoint in = InnerProblem.solve(p, z(1, 3));
        double[] beta = in.solution().coefficients(0);
        double s = 0;
        for (int i = 0; i < 6; i++) {
            double r = Y[i] - in.solution().intercept(0);
            for (int j = 0; j < 3; j++) r -= X[i][j] * beta[j];
            s += r / 6 * Y[i];
        }
        assertEquals(0.5 * s, in.value(), 1e-12);
    }
}
