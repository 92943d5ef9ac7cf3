package certus.formulations.bnb;

import certus.tensor.SymmetricSolver;

import java.util.List;

/**
 * The perspective value function of tasks that share one support vector z in [0,1]^p (K = 1, or common support):
 * <pre>
 *   c(z) = sum_k min_beta (1/(2 n_k)) ||yc_k - Xc_k beta||^2 + (ridge/2) sum_j beta_j^2 / z_j     (beta_j = 0 where z_j = 0)
 * </pre>
 * At binary z this is the exact ridge refit on the support (exact.md §4.1); on [0,1]^p it is the convex perspective
 * extension whose gradient is {@code dc/dz_j = -h_j}, {@code h_j = sum_k (xc_kj^T alpha_k)^2 / (2 ridge)},
 * alpha_k = (yc_k - Xc_k beta_k) / n_k.
 *
 * <p>The same alpha gives the weak-duality bound used to prune: for every binary z,
 * {@code c(z) >= q(alpha) - sum_j z_j h_j(alpha)} with {@code q = sum_k alpha_k^T yc_k - (n_k/2)||alpha_k||^2}
 * (exact.md §4.1's dual, a maximum of functions affine in z), so the minimum of the right-hand side over a node's
 * supports is a valid lower bound for that node whatever alpha is.
 */
final class WeightedRidge {
    private final List<TaskGram> tasks;
    private final double ridge;
    private final int p;
    /** Linear feature costs added to c (null: none); see {@link #withLinearCosts}. */
    private final double[] costs;

    WeightedRidge(List<TaskGram> tasks, double ridge) {
        this(tasks, ridge, null);
    }

    private WeightedRidge(List<TaskGram> tasks, double ridge, double[] costs) {
        if (!(ridge > 0)) throw new IllegalArgumentException("the perspective relaxation needs ridge > 0, got " + ridge);
        this.tasks = List.copyOf(tasks);
        this.ridge = ridge;
        this.p = tasks.get(0).features;
        this.costs = costs;
    }

    /**
     * The function {@code c(z) + sum_j costs_j z_j} on the same (shared, cached) Gram data: the per-task subproblem of
     * a Lagrangian split of the Zbar coupling ({@link LagrangianZbar}). The linear term keeps it convex and changes
     * only the value ({@code + costs . z}) and the scores ({@code h_j - costs_j}), so the weak-duality bound
     * {@code q - sum_j z_j h_j} holds with the shifted scores; they may then be negative.
     */
    WeightedRidge withLinearCosts(double[] costs) {
        if (costs.length != p) throw new IllegalArgumentException("costs for " + costs.length + " features, expected " + p);
        return new WeightedRidge(tasks, ridge, costs.clone());
    }

    int features() {
        return p;
    }

    /**
     * Evaluates c at z (length p, entries in [0,1]; entries below 1e-15 count as 0).
     *
     * @return value c(z), the dual base q(alpha(z)) and the scores h(alpha(z)) of all p features
     */
    Evaluation evaluate(double[] z) {
        return evaluate(z, DiagonalShift.NONE);
    }

    /**
     * Evaluates the shifted relaxation {@code c_delta(z)} (equal to c at binary z, larger in between): the loss keeps
     * {@code -(delta_k/2)||beta||^2}, the perspective acts on {@code ridge + delta_k}, so the weighted ridge weights are
     * {@code (ridge + delta)/z_j - delta} and the weak-duality bound has {@code q += (delta/2)||beta||^2} and
     * {@code h_j = (g_j + delta beta_j)^2 / (2 (ridge + delta))}. Valid for supports within the features the shift was
     * computed for ({@link DiagonalShift}).
     */
    Evaluation evaluate(double[] z, DiagonalShift shift) {
        int[] u = support(z);
        double[] zu = weights(u, z);
        int m = u.length;
        double value = 0;
        double q = 0;
        double[] h = new double[p];
        double[] g = new double[p];
        for (int k = 0; k < tasks.size(); k++) {
            TaskGram t = tasks.get(k);
            double delta = shift.of(k);
            double n = t.rows;
            double[] beta = solve(t, u, zu, delta);
            double cb = 0;
            for (int a = 0; a < m; a++) cb += t.xty[u[a]] * beta[a];
            // g = Xc^T alpha = (Xc^T yc - G_U beta) / n
            System.arraycopy(t.xty, 0, g, 0, p);
            double bgb = 0;
            for (int a = 0; a < m; a++) {
                double[] col = t.column(u[a]);
                double b = beta[a];
                for (int j = 0; j < p; j++) g[j] -= col[j] * b;
            }
            // g holds Xc^T yc - G_U beta here, so beta^T G_UU beta = sum_a beta_a (Xc^T yc - g)_{u_a}
            for (int a = 0; a < m; a++) bgb += beta[a] * (t.xty[u[a]] - g[u[a]]);
            // The shift adds delta beta_j to g_j = (Xc^T alpha)_j on the support (n delta beta_j before the division by n).
            double betaSq = 0;
            for (int a = 0; a < m; a++) {
                g[u[a]] += n * delta * beta[a];
                betaSq += beta[a] * beta[a];
            }
            for (int j = 0; j < p; j++) {
                g[j] /= n;
                h[j] += g[j] * g[j] / (2 * (ridge + delta));
            }
            double alphaY = (t.yy - cb) / n;
            double alphaSq = (t.yy - 2 * cb + bgb) / (n * n);
            value += 0.5 * alphaY;
            q += alphaY - 0.5 * n * alphaSq + 0.5 * delta * betaSq;
        }
        if (costs != null) {
            for (int j = 0; j < p; j++) {
                value += costs[j] * z[j];
                h[j] -= costs[j];
            }
        }
        return new Evaluation(value, q, h);
    }

    /**
     * c at a binary support (the exact ridge refit's value), without the scores: a few small solves, no O(p) work,
     * for local search over many supports. Excludes linear costs.
     */
    double valueAt(int[] support) {
        int m = support.length;
        double[] ones = new double[m];
        java.util.Arrays.fill(ones, 1);
        double value = 0;
        for (TaskGram t : tasks) {
            double[] beta = solve(t, support, ones, 0);
            double cb = 0;
            for (int a = 0; a < m; a++) cb += t.xty[support[a]] * beta[a];
            value += 0.5 * (t.yy - cb) / t.rows;
        }
        return value;
    }

    /** The linear costs of a binary support (0 without costs): {@code valueAt(S) + linearCost(S)} is the objective at S. */
    double linearCost(int[] support) {
        if (costs == null) return 0;
        double c = 0;
        for (int j : support) c += costs[j];
        return c;
    }

    /**
     * The directional derivative of c (shifted, with its linear costs) along d at the clamped points z + t d, as a
     * function of t: {@code -sum_j d_j h_j} there ({@link RaySlope}). At t = 0 it is the slope at z.
     */
    RaySlope ray(double[] z, double[] d, DiagonalShift shift) {
        return new RaySlope(tasks, ridge, costs, z, d, shift);
    }

    /** Features with z_j &gt; 1e-15: the columns of the weighted ridge problem (the rest have beta_j = 0). */
    private int[] support(double[] z) {
        int m = 0;
        for (double v : z) if (v > 1e-15) m++;
        int[] u = new int[m];
        for (int j = 0, a = 0; j < p; j++) if (z[j] > 1e-15) u[a++] = j;
        return u;
    }

    /** z at the support's features, in the support's order. */
    private static double[] weights(int[] u, double[] z) {
        double[] w = new double[u.length];
        for (int a = 0; a < u.length; a++) w[a] = z[u[a]];
        return w;
    }

    /**
     * The weighted ridge solve on support u, with weight zu[a] for feature u[a] (and the task's shift delta). The
     * matrix is positive definite (each diagonal weight is at least ridge), but a tiny z_j makes its weight huge: the
     * solver tests each pivot against its own diagonal entry ({@link SymmetricSolver#solvePositiveDefinite}).
     */
    private double[] solve(TaskGram t, int[] u, double[] zu, double delta) {
        int m = u.length;
        double n = t.rows;
        double[] a = t.blockOverRows(u);
        double[] rhs = new double[m];
        for (int i = 0; i < m; i++) {
            a[i * m + i] += (ridge + delta) / zu[i] - delta;
            rhs[i] = t.xty[u[i]] / n;
        }
        return SymmetricSolver.solvePositiveDefinite(a, rhs, m);
    }

    /**
     * @param value c(z)
     * @param q     q(alpha(z)); with {@code h} it gives the dual bound of any node
     * @param h     h_j = -dc/dz_j for every feature (&gt;= 0 without linear costs)
     */
    record Evaluation(double value, double q, double[] h) {}
}
