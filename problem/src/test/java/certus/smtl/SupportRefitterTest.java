package certus.smtl;

import certus.data.TaskData;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The refit is checked against the analytic gradient of F, computed here from the raw data. */
class SupportRefitterTest {
    @Test
    void gradientVanishesOnTheSupportAndInIntercepts() {
        for (int seed = 0; seed < 20; seed++) {
            SmtlProblem problem = RandomInstances.problem(3, 6, 15, 3, 0.1 * seed, seed % 2 == 0 ? 0.7 : 0.0, 0.3, false, seed);
            SplittableRandom rnd = new SplittableRandom(seed);
            boolean[][] z = new boolean[3][6];
            for (int k = 0; k < 3; k++) for (int c = 0; c < 3; c++) z[k][rnd.nextInt(6)] = true;
            SmtlSolution sol = SupportRefitter.refit(problem, z);
            int kCount = problem.taskCount();
            for (int k = 0; k < kCount; k++) {
                TaskData t = problem.data().task(k);
                double[] res = new double[t.rows()];
                for (int i = 0; i < t.rows(); i++) res[i] = t.y(i) - sol.predict(k, t.x().row(i));
                double gIntercept = 0;
                for (double r : res) gIntercept -= r / t.rows();
                assertEquals(0, gIntercept, 1e-10, "intercept gradient");
                for (int j = 0; j < problem.featureCount(); j++) {
                    if (!z[k][j]) {
                        assertEquals(0.0, sol.coefficient(k, j), 0.0);
                        continue;
                    }
                    double mean = 0;
                    for (int l = 0; l < kCount; l++) mean += sol.coefficient(l, j) / kCount;
                    double g = problem.ridge() * sol.coefficient(k, j) + problem.bbar() * (sol.coefficient(k, j) - mean);
                    for (int i = 0; i < t.rows(); i++) g -= t.x().get(i, j) * res[i] / t.rows();
                    assertEquals(0, g, 1e-9, "gradient of task " + k + " feature " + j + " seed " + seed);
                }
            }
        }
    }
}
