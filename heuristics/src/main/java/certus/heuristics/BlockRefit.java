package certus.heuristics;

import certus.tensor.SymmetricSolver;

/**
 * Exact value of F minimized over the coefficients of one block of tasks (one task, or all tasks under common
 * support) on a candidate support, with every other task held fixed. Because the other tasks are fixed this
 * is an upper bound on what a joint refit achieves, so a move that looks good here is a real decrease.
 *
 * <p>With u = sum of the fixed tasks' coefficients and w = sum over the block, the block part of F is
 * {@code sum_k [||r_k||^2/(2n_k)] + (ridge+bbar)/2 sum_k ||beta_k||^2 - bbar/(2K) ||w||^2 - bbar/K w^T u},
 * a quadratic {@code const + 1/2 beta^T H beta - q^T beta} with {@code H = blockdiag(G_k/n_k + (ridge+bbar) I)
 * - bbar/K (1 1^T (x) I)} and {@code q_kj = xc_kj^T yc_k / n_k + bbar/K u_j}; its minimum is
 * {@code const - q^T H^{-1} q / 2}. Both values below omit the same constant sum_k ||yc_k||^2/(2n_k).
 */
final class BlockRefit {
    private BlockRefit() {}

    /** Block part of F at the current coefficients (minus the constant). */
    static double current(Workspace ws, int first, int last) {
        double ridge = ws.problem.ridge();
        double bbar = ws.problem.bbar();
        int kCount = ws.kCount;
        double v = 0;
        for (int k = first; k <= last; k++) {
            v += (certus.tensor.VectorOps.sumOfSquares(ws.r[k]) - ws.ycSq[k]) / (2.0 * ws.n[k]);
        }
        if (ridge == 0 && bbar == 0) return v;
        for (int j = 0; j < ws.p; j++) {
            double w = 0;
            double sq = 0;
            for (int k = first; k <= last; k++) {
                double b = ws.beta[k][j];
                w += b;
                sq += b * b;
            }
            if (sq == 0) continue;
            double u = ws.betaSum[j] - w;
            v += 0.5 * (ridge + bbar) * sq - bbar / (2.0 * kCount) * w * w - bbar / kCount * w * u;
        }
        return v;
    }

    /**
     * Minimum of the block part of F over coefficients supported on {@code support[0..m)} (the same support
     * for every task of the block). Gram entries come from {@link Workspace#gram}; keep the current support's
     * rows cached so this costs no pass over the data.
     */
    static double optimal(Workspace ws, int first, int last, int[] support, int m) {
        int tasks = last - first + 1;
        int dim = tasks * m;
        if (dim == 0) return 0;
        double ridge = ws.problem.ridge();
        double bbar = ws.problem.bbar();
        double coupling = bbar / ws.kCount;
        double[] h = new double[dim * dim];
        double[] q = new double[dim];
        for (int t = 0; t < tasks; t++) {
            int k = first + t;
            double inv = 1.0 / ws.n[k];
            for (int a = 0; a < m; a++) {
                int row = t * m + a;
                int ja = support[a];
                for (int c = a; c < m; c++) {
                    double g = ws.gram(k, ja, support[c]) * inv;
                    h[row * dim + t * m + c] = g;
                    h[(t * m + c) * dim + row] = g;
                }
                h[row * dim + row] += ridge + bbar;
                for (int t2 = 0; t2 < tasks; t2++) h[row * dim + t2 * m + a] -= coupling;
                double u = ws.betaSum[ja];
                for (int k2 = first; k2 <= last; k2++) u -= ws.beta[k2][ja];
                q[row] = ws.xty(k, ja) * inv + coupling * u;
            }
        }
        double[] sol = SymmetricSolver.solvePsd(h, q, dim);
        double qb = 0;
        for (int i = 0; i < dim; i++) qb += q[i] * sol[i];
        return -0.5 * qb;
    }
}
