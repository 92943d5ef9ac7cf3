package certus.heuristics;

import certus.smtl.SmtlProblem;
import certus.smtl.SmtlSolution;

import java.util.SplittableRandom;

/**
 * Starting supports for the heuristic (spec §5). Every method returns supports z that are feasible for the
 * problem (at most s selectable features per task; equal rows under common support); the caller refits.
 */
final class WarmStarts {
    private WarmStarts() {}

    /**
     * The reference warm start: fit cardinality min(3s, p) with bbar = zbar = 0 and no local search from B = 0,
     * then keep its top-s rows by sum_k beta_kj^2 for every task. The wider fit finds features the s-sparse
     * fit would lock out early; Bbar/Zbar are off so the warm start is cheap and not biased by the sharing.
     */
    static boolean[][] reference(SmtlProblem problem, int maxIterations, Deadline deadline, Progress progress, int[] iterations) {
        int wide = Math.min(3 * problem.s(), problem.featureCount());
        SmtlProblem relaxed = problem.with(wide, problem.ridge(), 0.0, 0.0, problem.commonSupport());
        Workspace ws = new Workspace(relaxed);
        IhtSolver.Outcome o = IhtSolver.run(ws, maxIterations, deadline, progress);
        iterations[0] += o.iterations();
        return topRows(problem, ws.beta);
    }

    /**
     * Projection of coefficients onto the constraint set: per task the s largest |beta_kj| (heterogeneous), or
     * the s rows with the largest sum_k beta_kj^2 (common support) — only nonzero, selectable entries.
     */
    static boolean[][] project(SmtlProblem problem, double[][] beta) {
        if (problem.commonSupport() && problem.taskCount() > 1) return topRows(problem, beta);
        int kCount = problem.taskCount();
        int p = problem.featureCount();
        boolean[][] z = new boolean[kCount][p];
        double[] score = new double[p];
        int[] all = new int[p];
        int[] out = new int[problem.s()];
        for (int k = 0; k < kCount; k++) {
            int count = 0;
            for (int j = 0; j < p; j++) {
                if (problem.data().isConstant(k, j)) continue;
                score[j] = Math.abs(beta[k][j]);
                all[count++] = j;
            }
            int chosen = ZbarSelection.select(score, all, count, problem.s(), out);
            for (int c = 0; c < chosen; c++) z[k][out[c]] = true;
        }
        return z;
    }

    /** Same s rows for every task, by row energy sum_k beta_kj^2 (rows usable in every task when common). */
    static boolean[][] topRows(SmtlProblem problem, double[][] beta) {
        int kCount = problem.taskCount();
        int p = problem.featureCount();
        boolean common = problem.commonSupport();
        double[] score = new double[p];
        int[] all = new int[p];
        int[] out = new int[problem.s()];
        int count = 0;
        for (int j = 0; j < p; j++) {
            boolean usable = false;
            boolean usableEverywhere = true;
            double e = 0;
            for (int k = 0; k < kCount; k++) {
                boolean c = problem.data().isConstant(k, j);
                usable |= !c;
                usableEverywhere &= !c;
                e += beta[k][j] * beta[k][j];
            }
            if (common ? !usableEverywhere : !usable) continue;
            score[j] = e;
            all[count++] = j;
        }
        int chosen = ZbarSelection.select(score, all, count, problem.s(), out);
        boolean[][] z = new boolean[kCount][p];
        for (int k = 0; k < kCount; k++) {
            for (int c = 0; c < chosen; c++) if (!problem.data().isConstant(k, out[c])) z[k][out[c]] = true;
        }
        return z;
    }

    /** Per-task (or, under common support, pooled) top-s marginal correlations |xc_j^T yc| / ||xc_j||. */
    static boolean[][] marginal(Workspace ws) {
        double[][] corr = new double[ws.kCount][ws.p];
        for (int k = 0; k < ws.kCount; k++) {
            for (int j = 0; j < ws.p; j++) {
                corr[k][j] = ws.constant[k][j] || ws.diag[k][j] <= 0 ? 0 : ws.xty(k, j) / Math.sqrt(ws.diag[k][j]);
            }
        }
        return project(ws.problem, corr);
    }

    /**
     * A seeded perturbation: in every block about half of the support (or all of it when {@code whole}; at
     * least one feature) is replaced by random selectable outsiders. Explores other basins of IHT while keeping part of the good support.
     */
    static boolean[][] perturb(SmtlProblem problem, SmtlSolution from, SplittableRandom rnd, boolean whole) {
        int kCount = problem.taskCount();
        int p = problem.featureCount();
        boolean common = problem.commonSupport() && kCount > 1;
        boolean[][] z = from.supports();
        int blocks = common ? 1 : kCount;
        for (int b = 0; b < blocks; b++) {
            int lead = common ? 0 : b;
            int size = 0;
            for (int j = 0; j < p; j++) if (z[lead][j]) size++;
            int changes = whole ? Math.max(1, size) : Math.max(1, size / 2);
            for (int c = 0; c < changes; c++) {
                int in = rnd.nextInt(p);
                if (z[lead][in] || !selectable(problem, lead, in, common)) continue;
                int out = -1;
                if (size >= problem.s()) {
                    int pick = rnd.nextInt(size);
                    for (int j = 0; j < p && out < 0; j++) if (z[lead][j] && pick-- == 0) out = j;
                }
                for (int k = common ? 0 : b; k <= (common ? kCount - 1 : b); k++) {
                    if (out >= 0) z[k][out] = false;
                    z[k][in] = true;
                }
                if (out < 0) size++;
            }
        }
        return z;
    }

    private static boolean selectable(SmtlProblem problem, int k, int j, boolean common) {
        if (!common) return !problem.data().isConstant(k, j);
        for (int t = 0; t < problem.taskCount(); t++) if (problem.data().isConstant(t, j)) return false;
        return true;
    }
}
