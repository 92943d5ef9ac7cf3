package certus.formulations.oa;

import certus.smtl.SmtlProblem;
import certus.smtl.SmtlSolution;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Binary points OA evaluates before its first master: the warm start's support (sanitized), a few of its
 * neighbours, and the all-usable "full" point. Any binary point gives a valid cut; feasible ones are also
 * incumbent candidates, so these points can only improve the warm start's UB.
 */
final class StartPoints {
    private StartPoints() {}

    /** The warm start's supports if feasible for the master, otherwise the empty support (always feasible). */
    static boolean[][] warmSupports(SmtlProblem problem, SmtlSolution warm) {
        int kCount = problem.taskCount();
        int p = problem.featureCount();
        boolean[][] empty = new boolean[kCount][p];
        if (warm == null || warm.taskCount() != kCount || warm.featureCount() != p) return empty;
        boolean[][] z = warm.supports();
        return feasible(problem, z) ? z : empty;
    }

    static boolean feasible(SmtlProblem problem, boolean[][] z) {
        for (int k = 0; k < z.length; k++) {
            int c = 0;
            for (int j = 0; j < z[k].length; j++) {
                if (!z[k][j]) continue;
                c++;
                if (!problem.selectable(k, j)) return false;
            }
            if (c > problem.s()) return false;
            if (problem.commonSupport() && !java.util.Arrays.equals(z[k], z[0])) return false;
        }
        return true;
    }

    /**
     * Up to {@code cap} distinct feasible neighbours of {@code z}: one feature swapped, or one added when the support
     * is below s (per task; for common support on the shared row). Chosen by a seeded shuffle so that they spread
     * over tasks.
     */
    static List<boolean[][]> neighbours(SmtlProblem problem, boolean[][] z, int cap, long seed) {
        List<boolean[][]> out = new ArrayList<>();
        if (cap == 0) return out;
        int kCount = problem.taskCount();
        int p = problem.featureCount();
        int tasks = problem.commonSupport() ? 1 : kCount;
        for (int k = 0; k < tasks; k++) {
            int size = 0;
            for (boolean b : z[k]) if (b) size++;
            for (int in = 0; in < p; in++) {
                if (z[k][in] || !problem.selectable(k, in)) continue;
                if (size < problem.s()) out.add(flip(problem, z, k, -1, in));
                for (int outJ = 0; outJ < p; outJ++) if (z[k][outJ]) out.add(flip(problem, z, k, outJ, in));
            }
        }
        Collections.shuffle(out, new Random(seed));
        return out.size() > cap ? new ArrayList<>(out.subList(0, cap)) : out;
    }

    private static boolean[][] flip(SmtlProblem problem, boolean[][] z, int k, int out, int in) {
        boolean[][] n = new boolean[z.length][];
        for (int l = 0; l < z.length; l++) n[l] = z[l].clone();
        for (int l = 0; l < z.length; l++) {
            if (!problem.commonSupport() && l != k) continue;
            if (out >= 0) n[l][out] = false;
            n[l][in] = true;
        }
        return n;
    }

    /** Every usable column selected in every task (feasible only when that is at most s columns). */
    static boolean[][] full(SmtlProblem problem) {
        boolean[][] z = new boolean[problem.taskCount()][problem.featureCount()];
        for (int k = 0; k < z.length; k++) for (int j = 0; j < z[k].length; j++) z[k][j] = problem.selectable(k, j);
        return z;
    }
}
