package certus.smtl;

import certus.data.MultiTaskData;

import java.util.ArrayList;
import java.util.List;

/**
 * Test oracle: the exact optimum of F by enumerating supports, F(z) = F(SupportRefitter.refit(z)).
 *
 * <p>Per task only usable (non-constant) features are considered. When zbar == 0 supports of size exactly
 * min(s, usable) suffice (a superset can carry zero coefficients at no cost); with zbar &gt; 0 every size 0..s is
 * enumerated because adding a feature can cost Zbar penalty. Common support enumerates row sets usable in
 * every task. Tasks are enumerated independently when nothing couples them (zbar = bbar = 0). With zbar &gt; 0
 * and bbar = 0 the loss+ridge value f_k(S) of every per-task subset is computed once and the product over
 * tasks adds the Zbar term from the counts m_j (cheap per leaf). With bbar &gt; 0 every leaf is a joint refit:
 * keep K, p, s small (product of subset counts up to ~2e4 for fast tests).
 */
public final class BruteForceEnumerator {
    private BruteForceEnumerator() {}

    /** Optimal point and its value. */
    public record Optimum(SmtlSolution solution, double objective, long leaves) {}

    public static Optimum solve(SmtlProblem problem) {
        int kCount = problem.taskCount();
        if (problem.commonSupport()) return solveCommon(problem);
        List<List<int[]>> perTask = new ArrayList<>();
        long product = 1;
        for (int k = 0; k < kCount; k++) {
            perTask.add(subsets(usable(problem, k), problem.s(), problem.zbar() > 0));
            product = Math.multiplyExact(product, perTask.get(k).size());
        }
        if (problem.bbar() == 0 && problem.zbar() == 0) return solveSeparable(problem, perTask);
        if (problem.bbar() == 0) return solveZbarOnly(problem, perTask);
        if (product > 2_000_000) throw new IllegalArgumentException("enumeration too large: " + product + " joint refits");
        int p = problem.featureCount();
        boolean[][] z = new boolean[kCount][p];
        Optimum[] best = {null};
        long[] leaves = {0};
        joint(problem, perTask, 0, z, best, leaves);
        return new Optimum(best[0].solution(), best[0].objective(), leaves[0]);
    }

    private static void joint(SmtlProblem problem, List<List<int[]>> perTask, int k, boolean[][] z, Optimum[] best, long[] leaves) {
        if (k == z.length) {
            leaves[0]++;
            SmtlSolution sol = SupportRefitter.refit(problem, z);
            double f = ObjectiveEvaluator.value(problem, sol);
            if (best[0] == null || f < best[0].objective()) best[0] = new Optimum(sol, f, 0);
            return;
        }
        for (int[] set : perTask.get(k)) {
            java.util.Arrays.fill(z[k], false);
            for (int j : set) z[k][j] = true;
            joint(problem, perTask, k + 1, z, best, leaves);
        }
        java.util.Arrays.fill(z[k], false);
    }

    private static Optimum solveSeparable(SmtlProblem problem, List<List<int[]>> perTask) {
        int kCount = problem.taskCount();
        int p = problem.featureCount();
        boolean[][] z = new boolean[kCount][p];
        long leaves = 0;
        for (int k = 0; k < kCount; k++) {
            double[] f = taskValues(problem, k, perTask.get(k));
            leaves += f.length;
            int arg = argmin(f);
            for (int j : perTask.get(k).get(arg)) z[k][j] = true;
        }
        SmtlSolution sol = SupportRefitter.refit(problem, z);
        return new Optimum(sol, ObjectiveEvaluator.value(problem, sol), leaves);
    }

    private static Optimum solveZbarOnly(SmtlProblem problem, List<List<int[]>> perTask) {
        int kCount = problem.taskCount();
        double[][] f = new double[kCount][];
        for (int k = 0; k < kCount; k++) f[k] = taskValues(problem, k, perTask.get(k));
        int[] choice = new int[kCount];
        int[] bestChoice = new int[kCount];
        int[] counts = new int[problem.featureCount()];
        double[] best = {Double.POSITIVE_INFINITY};
        long[] leaves = {0};
        zbarProduct(problem, perTask, f, 0, 0.0, choice, counts, bestChoice, best, leaves);
        boolean[][] z = new boolean[kCount][problem.featureCount()];
        for (int k = 0; k < kCount; k++) for (int j : perTask.get(k).get(bestChoice[k])) z[k][j] = true;
        SmtlSolution sol = SupportRefitter.refit(problem, z);
        return new Optimum(sol, ObjectiveEvaluator.value(problem, sol), leaves[0]);
    }

    private static void zbarProduct(SmtlProblem problem, List<List<int[]>> perTask, double[][] f, int k, double partial,
                                    int[] choice, int[] counts, int[] bestChoice, double[] best, long[] leaves) {
        int kCount = f.length;
        if (k == kCount) {
            leaves[0]++;
            double zsum = 0;
            for (int m : counts) zsum += (double) m * (kCount - m) / kCount;
            double total = partial + 0.5 * problem.zbar() * zsum;
            if (total < best[0]) {
                best[0] = total;
                System.arraycopy(choice, 0, bestChoice, 0, kCount);
            }
            return;
        }
        List<int[]> sets = perTask.get(k);
        for (int c = 0; c < sets.size(); c++) {
            choice[k] = c;
            for (int j : sets.get(c)) counts[j]++;
            zbarProduct(problem, perTask, f, k + 1, partial + f[k][c], choice, counts, bestChoice, best, leaves);
            for (int j : sets.get(c)) counts[j]--;
        }
    }

    private static Optimum solveCommon(SmtlProblem problem) {
        int kCount = problem.taskCount();
        int p = problem.featureCount();
        List<Integer> common = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            boolean ok = true;
            for (int k = 0; k < kCount; k++) ok &= !problem.data().isConstant(k, j);
            if (ok) common.add(j);
        }
        Optimum best = null;
        long leaves = 0;
        for (int[] set : subsets(common, problem.s(), false)) {
            boolean[][] z = new boolean[kCount][p];
            for (int k = 0; k < kCount; k++) for (int j : set) z[k][j] = true;
            SmtlSolution sol = SupportRefitter.refit(problem, z);
            double f = ObjectiveEvaluator.value(problem, sol);
            leaves++;
            if (best == null || f < best.objective()) best = new Optimum(sol, f, 0);
        }
        return new Optimum(best.solution(), best.objective(), leaves);
    }

    /** Loss + ridge of task k alone (bbar = 0) for every subset, via a one-task problem. */
    private static double[] taskValues(SmtlProblem problem, int k, List<int[]> sets) {
        MultiTaskData one = problem.data().withTasks(List.of(problem.data().task(k)));
        SmtlProblem single = new SmtlProblem(one, problem.s(), problem.ridge(), 0.0, 0.0, false);
        double[] out = new double[sets.size()];
        for (int c = 0; c < sets.size(); c++) {
            boolean[][] z = new boolean[1][problem.featureCount()];
            for (int j : sets.get(c)) z[0][j] = true;
            out[c] = ObjectiveEvaluator.value(single, SupportRefitter.refit(single, z));
        }
        return out;
    }

    private static int argmin(double[] f) {
        int a = 0;
        for (int i = 1; i < f.length; i++) if (f[i] < f[a]) a = i;
        return a;
    }

    static List<Integer> usable(SmtlProblem problem, int k) {
        List<Integer> out = new ArrayList<>();
        for (int j = 0; j < problem.featureCount(); j++) if (!problem.data().isConstant(k, j)) out.add(j);
        return out;
    }

    /** Subsets of {@code items} of size exactly min(s, |items|), or of every size 0..s when {@code allSizes}. */
    static List<int[]> subsets(List<Integer> items, int s, boolean allSizes) {
        int top = Math.min(s, items.size());
        List<int[]> out = new ArrayList<>();
        for (int size = allSizes ? 0 : top; size <= top; size++) combos(items, size, 0, new int[size], 0, out);
        return out;
    }

    private static void combos(List<Integer> items, int size, int start, int[] buf, int depth, List<int[]> out) {
        if (depth == size) {
            out.add(buf.clone());
            return;
        }
        for (int i = start; i <= items.size() - (size - depth); i++) {
            buf[depth] = items.get(i);
            combos(items, size, i + 1, buf, depth + 1, out);
        }
    }
}
