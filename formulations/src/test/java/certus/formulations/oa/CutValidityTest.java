package certus.formulations.oa;

import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.smtl.RandomInstances;
import certus.smtl.SmtlProblem;
import certus.tensor.DenseMatrix;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * exact.md §7.5: every cut under-estimates c at every binary Z (not only the feasible ones) and is tight at the
 * point it was generated at — per-task cuts (bbar = 0 or K = 1) and the coupled aggregated Bbar cut alike.
 */
class CutValidityTest {

    @Test
    void perspectiveCutsAreValidEverywhereAndTightAtTheirPoint() {
        SplittableRandom rnd = new SplittableRandom(20261);
        int instances = 0;
        for (int kCount = 1; kCount <= 3; kCount++) {
            for (double bbar : new double[]{0, 0.1, 10}) {
                for (int rep = 0; rep < 2; rep++) {
                    int p = kCount == 3 ? 4 : 4 + rnd.nextInt(2);
                    int s = 1 + rnd.nextInt(2);
                    double ridge = Math.pow(10, -2 + 2 * rnd.nextDouble());
                    int[] rows = new int[kCount];
                    for (int k = 0; k < kCount; k++) rows[k] = 6 + rnd.nextInt(10);
                    MultiTaskData data = RandomInstances.data(kCount, p, rows, s, 1.0, rnd.nextLong());
                    checkAllCuts(new SmtlProblem(data, s, ridge, bbar, 0, false), null);
                    instances++;
                }
            }
        }
        assertEquals(18, instances);
    }

    @Test
    void coupledCutOnTheSignFlippedTwoTaskExampleIsValid() {
        // exact.md §5, K = 2 version: task 2 has y2 = -y, same X; large Bbar couples the tasks.
        double[] y2 = WorkedExampleTest.Y.clone();
        for (int i = 0; i < y2.length; i++) y2[i] = -y2[i];
        MultiTaskData data = new MultiTaskData(List.of("x1", "x2", "x3"), List.of(
                new TaskData("a", DenseMatrix.fromRows(WorkedExampleTest.X), WorkedExampleTest.Y),
                new TaskData("b", DenseMatrix.fromRows(WorkedExampleTest.X), y2)));
        for (double bbar : new double[]{0.1, 10, 1000}) {
            SmtlProblem problem = new SmtlProblem(data, 1, 0.1, bbar, 0, false);
            assertTrue(CutGenerator.aggregatedFor(problem));
            checkAllCuts(problem, null);
        }
    }

    @Test
    void bigMCutsAreValidWhenMExceedsEveryRefit() {
        SplittableRandom rnd = new SplittableRandom(77);
        for (int rep = 0; rep < 6; rep++) {
            int kCount = 1 + rep % 3;
            double bbar = rep % 2 == 0 ? 0 : 0.5;
            int[] rows = new int[kCount];
            for (int k = 0; k < kCount; k++) rows[k] = 12 + rnd.nextInt(8);
            SmtlProblem problem = new SmtlProblem(RandomInstances.data(kCount, 4, rows, 2, 1.0, rnd.nextLong()), 2, 0.0, bbar, 0, false);
            double maxBeta = 0;
            for (boolean[][] z : allBinary(kCount, 4)) maxBeta = Math.max(maxBeta, InnerProblem.solve(problem, z).maxAbsBeta());
            checkAllCuts(problem, 2 * maxBeta + 1);
        }
    }

    /** Cuts at every Z0 with |z0_k| <= s (and the full point) checked against c at every binary Z. */
    static void checkAllCuts(SmtlProblem problem, Double bigM) {
        int kCount = problem.taskCount();
        int p = problem.featureCount();
        CutGenerator gen = bigM == null ? CutGenerator.perspective(problem) : CutGenerator.bigM(problem, bigM);
        List<boolean[][]> all = allBinary(kCount, p);
        double[] values = new double[all.size()];
        double[][] taskValues = new double[all.size()][];
        for (int i = 0; i < all.size(); i++) {
            InnerPoint in = InnerProblem.solve(problem, all.get(i));
            values[i] = in.value();
            taskValues[i] = in.split() == null ? null : in.split().values();
            if (taskValues[i] != null) {
                // eta >= sum_k eta_k is valid only if the per-task functions sum to at most c (equality without coupling).
                double sum = java.util.Arrays.stream(taskValues[i]).sum();
                double tol = 1e-12 * (1 + Math.abs(values[i]));
                if (in.split().exact()) assertEquals(values[i], sum, tol);
                else assertTrue(sum <= values[i] + tol, "per-task split " + sum + " exceeds c " + values[i]);
            }
        }
        int checked = 0;
        for (int i0 = 0; i0 < all.size(); i0++) {
            boolean[][] z0 = all.get(i0);
            if (!withinCardinality(z0, problem.s()) && !isFull(z0)) continue;
            InnerPoint at = InnerProblem.solve(problem, z0);
            for (Cut cut : gen.cuts(at)) {
                double tight = cut.aggregated() ? at.value() : at.split().values()[cut.task()];
                assertEquals(tight, cut.evaluate(z0), 1e-12 * (1 + Math.abs(tight)), "cut not tight at its point");
                for (int i = 0; i < all.size(); i++) {
                    double c = cut.aggregated() ? values[i] : taskValues[i][cut.task()];
                    double rhs = cut.evaluate(all.get(i));
                    assertTrue(rhs <= c + 1e-9 * (1 + Math.abs(c)), () -> "cut from " + java.util.Arrays.deepToString(z0)
                            + " exceeds c: " + rhs + " > " + c + " for " + problem);
                    checked++;
                }
            }
        }
        assertTrue(checked > 0);
    }

    static boolean withinCardinality(boolean[][] z, int s) {
        for (boolean[] row : z) {
            int c = 0;
            for (boolean b : row) if (b) c++;
            if (c > s) return false;
        }
        return true;
    }

    static boolean isFull(boolean[][] z) {
        for (boolean[] row : z) for (boolean b : row) if (!b) return false;
        return true;
    }

    static List<boolean[][]> allBinary(int kCount, int p) {
        int bits = kCount * p;
        List<boolean[][]> out = new ArrayList<>();
        for (long mask = 0; mask < (1L << bits); mask++) {
            boolean[][] z = new boolean[kCount][p];
            for (int b = 0; b < bits; b++) z[b / p][b % p] = ((mask >> b) & 1) != 0;
            out.add(z);
        }
        return out;
    }
}
