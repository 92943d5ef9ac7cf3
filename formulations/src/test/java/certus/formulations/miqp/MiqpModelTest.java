package certus.formulations.miqp;

import certus.smtl.BruteForceEnumerator;
import certus.smtl.ObjectiveEvaluator;
import certus.smtl.RandomInstances;
import certus.smtl.SmtlProblem;
import certus.smtl.SmtlSolution;
import certus.smtl.SupportRefitter;
import certus.smtl.Variant;
import certus.solver.Model;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MIQP must BE the sMTL problem: at every feasible point (B, z), completed with the auxiliaries the
 * formulation defines (t = beta^2, d = |z_k - z_l|, one-hot counts), the model's objective equals F from the
 * ObjectiveEvaluator and every row and cone holds; an over-full support violates the model. Checked for every
 * variant and every link mode without any solver, so a backend bug cannot hide a formulation bug.
 */
class MiqpModelTest {

    private static CenteredTask[] centered(SmtlProblem problem) {
        CenteredTask[] tasks = new CenteredTask[problem.taskCount()];
        for (int k = 0; k < tasks.length; k++) tasks[k] = CenteredTask.of(problem.data().task(k));
        return tasks;
    }

    /** A random feasible support: at most s usable features per task (shared under common support). */
    private static boolean[][] randomSupport(SmtlProblem problem, SplittableRandom rnd, int size) {
        int kCount = problem.taskCount();
        int p = problem.featureCount();
        boolean[][] z = new boolean[kCount][p];
        for (int k = 0; k < kCount; k++) {
            int want = size;
            for (int tries = 0; want > 0 && tries < 100; tries++) {
                int j = rnd.nextInt(p);
                int source = problem.commonSupport() ? 0 : k;
                if (z[source][j] || problem.data().isConstant(k, j)) continue;
                z[source][j] = true;
                want--;
            }
            if (problem.commonSupport()) {
                for (int l = 0; l < kCount; l++) z[l] = z[0].clone();
                break;
            }
        }
        return z;
    }

    @Test
    void modelObjectiveEqualsFAndFeasiblePointsSatisfyEveryConstraint() {
        int checked = 0;
        for (Variant v : Variant.values()) {
            for (long seed = 1; seed <= 25; seed++) {
                SmtlProblem problem = RandomInstances.small(v, seed);
                SplittableRandom rnd = new SplittableRandom(seed);
                SmtlSolution point = SupportRefitter.refit(problem, randomSupport(problem, rnd, 1 + rnd.nextInt(problem.s())));
                double f = ObjectiveEvaluator.value(problem, point);
                CenteredTask[] tasks = centered(problem);
                CoefficientBounds bounds = CoefficientBounds.choose(problem, tasks, f, point);
                for (LinkMode link : LinkMode.values()) {
                    Model model = MiqpModel.build(problem, tasks, bounds, link, point).model();
                    double[] x = model.hint();
                    assertEquals(f, model.objective().evaluate(x), 1e-9 * Math.max(1, Math.abs(f)), v + " seed " + seed + " " + link);
                    assertTrue(model.maxViolation(x) <= 1e-9, v + " seed " + seed + " " + link + ": violation " + model.maxViolation(x));
                    checked++;
                }
            }
        }
        assertEquals(6 * 25 * LinkMode.values().length, checked);
    }

    @Test
    void aSupportLargerThanSViolatesTheModel() {
        for (Variant v : Variant.values()) {
            SmtlProblem problem = RandomInstances.small(v, 3);
            boolean[][] z = randomSupport(problem, new SplittableRandom(4), problem.s() + 1);
            SmtlSolution point = SupportRefitter.refit(problem, z);
            CenteredTask[] tasks = centered(problem);
            CoefficientBounds bounds = CoefficientBounds.choose(problem, tasks, ObjectiveEvaluator.value(problem, point), point);
            Model model = MiqpModel.build(problem, tasks, bounds, LinkMode.BIG_M, point).model();
            assertTrue(model.maxViolation(model.hint()) >= 1.0 - 1e-9, v + ": cardinality row must be violated by 1");
        }
    }

    @Test
    void provenBigMIsNeverBelowTheOptimalCoefficients() {
        for (Variant v : Variant.values()) {
            for (long seed = 1; seed <= 15; seed++) {
                SmtlProblem problem = RandomInstances.small(v, seed);
                BruteForceEnumerator.Optimum opt = BruteForceEnumerator.solve(problem);
                // Any feasible point's objective is a valid upper bound; use a deliberately poor one (empty support).
                double ub = ObjectiveEvaluator.value(problem, SupportRefitter.refit(problem, new boolean[problem.taskCount()][problem.featureCount()]));
                CoefficientBounds bounds = CoefficientBounds.choose(problem, centered(problem), ub, null);
                assertEquals(certus.formulations.MKind.PROVEN, bounds.kind());
                for (int k = 0; k < problem.taskCount(); k++) {
                    for (int j = 0; j < problem.featureCount(); j++) {
                        assertTrue(Math.abs(opt.solution().coefficient(k, j)) <= bounds.m()[k][j] + 1e-12,
                                v + " seed " + seed + ": optimal |beta| " + opt.solution().coefficient(k, j) + " > M " + bounds.m()[k][j]);
                    }
                }
            }
        }
    }
}
