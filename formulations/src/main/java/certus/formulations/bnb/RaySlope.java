package certus.formulations.bnb;

import certus.tensor.SymmetricSolver;

import java.util.List;

/**
 * The slope {@code d/dt c(clamp(z + t d))} of the perspective value function along one ray, {@code -sum_j d_j h_j}
 * at the clamped point (h of {@link WeightedRidge#evaluate(double[], DiagonalShift)}), for a line search that
 * evaluates it a dozen times: the Gram block of the ray's features is gathered once per ray, not once per evaluation,
 * and the scores are formed only where d is non-zero.
 *
 * <p>Why it is enough: along the ray only the features U where z or d is non-zero can be in the support, and the slope
 * needs the scores only where d is non-zero, also inside U; so the whole computation lives on the |U| x |U| block
 * {@code G_UU / n}. Gathering that block from the cached Gram columns (an indirect access per entry) cost as much as
 * the Cholesky factorization itself when done for every evaluation (JFR on a K=5 pricing tree).
 */
final class RaySlope {
    private final double ridge;
    private final List<TaskGram> tasks;
    private final DiagonalShift shift;
    /** U: features where z or d is non-zero, ascending. */
    private final int[] u;
    private final double[] zu;
    private final double[] du;
    /** Per task, G_UU / n row-major, and Xc^T yc restricted to U, / n. */
    private final double[][] gram;
    private final double[][] rhs;
    /** The linear costs' part of the slope, sum_j costs_j d_j (constant along the ray). */
    private final double costSlope;

    RaySlope(List<TaskGram> tasks, double ridge, double[] costs, double[] z, double[] d, DiagonalShift shift) {
        this.tasks = tasks;
        this.ridge = ridge;
        this.shift = shift;
        int p = z.length;
        int m = 0;
        for (int j = 0; j < p; j++) if (z[j] > 1e-15 || d[j] != 0) m++;
        u = new int[m];
        zu = new double[m];
        du = new double[m];
        for (int j = 0, a = 0; j < p; j++) {
            if (z[j] > 1e-15 || d[j] != 0) {
                u[a] = j;
                zu[a] = z[j];
                du[a++] = d[j];
            }
        }
        gram = new double[tasks.size()][];
        rhs = new double[tasks.size()][];
        for (int k = 0; k < tasks.size(); k++) {
            TaskGram t = tasks.get(k);
            double[] r = new double[m];
            for (int a = 0; a < m; a++) r[a] = t.xty[u[a]] / t.rows;
            gram[k] = t.blockOverRows(u);
            rhs[k] = r;
        }
        double c = 0;
        if (costs != null) for (int a = 0; a < m; a++) c += costs[u[a]] * du[a];
        this.costSlope = c;
    }

    /** The slope at step t (the point clamped to [0,1]; features at or below 1e-15 are out of the support). */
    double at(double t) {
        int m = u.length;
        int[] active = new int[m];
        double[] x = new double[m];
        int ma = 0;
        for (int a = 0; a < m; a++) {
            double v = Math.min(1, Math.max(0, zu[a] + t * du[a]));
            if (v > 1e-15) {
                active[ma] = a;
                x[ma++] = v;
            }
        }
        double s = costSlope;
        for (int k = 0; k < tasks.size(); k++) {
            double delta = shift.of(k);
            double[] g = gram[k];
            double[] beta = solve(g, rhs[k], active, x, ma, delta);
            // beta by position in U (0 outside the support at t), then the scores where d is non-zero.
            double[] betaU = new double[m];
            for (int i = 0; i < ma; i++) betaU[active[i]] = beta[i];
            for (int a = 0; a < m; a++) {
                if (du[a] == 0) continue;
                double score = rhs[k][a];
                int row = a * m;
                for (int i = 0; i < ma; i++) score -= g[row + active[i]] * beta[i];
                score += delta * betaU[a];
                s -= du[a] * score * score / (2 * (ridge + delta));
            }
        }
        return s;
    }

    /** The weighted ridge system on the active positions (as in {@link WeightedRidge}). */
    private double[] solve(double[] g, double[] r, int[] active, double[] x, int ma, double delta) {
        int m = u.length;
        double[] a;
        double[] b;
        if (ma == m) { // every feature of the ray is in the support: the block as it is
            a = g.clone();
            b = r.clone();
        } else {
            a = new double[ma * ma];
            b = new double[ma];
            for (int i = 0; i < ma; i++) {
                int row = active[i] * m;
                for (int j = 0; j < ma; j++) a[i * ma + j] = g[row + active[j]];
                b[i] = r[active[i]];
            }
        }
        for (int i = 0; i < ma; i++) a[i * ma + i] += (ridge + delta) / x[i] - delta;
        return SymmetricSolver.solvePositiveDefinite(a, b, ma);
    }
}
