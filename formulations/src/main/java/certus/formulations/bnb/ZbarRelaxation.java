package certus.formulations.bnb;

import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The node bound of the multi-task search with heterogeneous supports and a Zbar penalty (bbar = 0), derived here
 * (not in exact.md; our construction, checked against enumeration in the tests).
 *
 * <p>Weak duality per task (exact.md §4.1) gives, for any duals alpha_k and every binary Z of the node,
 * {@code F(Z) >= sum_k q_k - sum_kj z_kj h_kj + w sum_j f(|S_j|)}; pricing each task's budget {@code sum_j z_kj <= s} with
 * mu_k &gt;= 0 makes the right-hand side separate by feature:
 * <pre>
 *   LB(alpha, mu) = sum_k q_k - s sum_k mu_k + sum_j min over allowed patterns S of [ sum_{k in S}(mu_k - h_kj) + w f(|S|) ]
 * </pre>
 * valid for every alpha and mu &gt;= 0 ({@link ColumnPatterns} does each column). For fixed h, LB is concave and
 * piecewise linear in mu and each coordinate's maximizer is an order statistic of per-column thresholds, so mu is set
 * by a few sweeps of exact coordinate ascent.
 *
 * <p>The duals come from the relaxation min over the cube (with the node's fixings) of
 * {@code Phi_mu(Z) = sum_k c_k(z_k) + sum_k mu_k (sum_j z_kj - s) + w Omega(Z)}, where c_k is the perspective value
 * function ({@link WeightedRidge}) and {@code Omega(Z) = (1/K) sum_j sum_{k<l} |z_kj - z_lj|} is the Lovász extension of the
 * Zbar count penalty (exact on binaries, convex). It is minimized by the generalized conditional-gradient method: the
 * linear step minimizes the gradient of the smooth part plus w Omega over the cube, which is the per-column pattern
 * problem above, and the method's gap at Z is exactly {@code Phi_mu(Z) - LB(alpha(Z), mu)}.
 */
final class ZbarRelaxation {
    private static final double CONVERGED = 1e-9;
    /** Secant steps of the line search: an approximate step is enough, and each step costs K Cholesky solves. */
    private static final int LINE_SEARCH_STEPS = 4;
    /**
     * Relaxation weights below this are set to 0 after each step. Conditional-gradient iterates keep every feature
     * any linear step ever touched at weight (1 - t)^n, and each one enlarges the Cholesky solves; dropping them
     * moves the point slightly, which costs nothing in validity (the bound is computed at the point actually used).
     */
    private static final double TINY = 1e-4;
    private static final double LINE_SEARCH_RESOLUTION = 1e-4;
    private static final int MU_SWEEPS = 3;

    /** Receives binary supports worth evaluating as incumbents. */
    interface CandidateSink {
        void offer(boolean[][] z);
    }

    private final List<WeightedRidge> tasks;
    /** Column combinatorics with scratch space, one per thread (the workers of one tree share this relaxation). */
    private final ThreadLocal<ColumnPatterns> patterns;
    private final int s;
    private final int kCount;
    private final int p;
    private final double w;
    private final CandidateSink sink;

    /** Whether outcomes carry the witness of their bound (only a search that records a proof needs it). */
    private final boolean witnesses;

    ZbarRelaxation(List<WeightedRidge> tasks, int s, double zbar, CandidateSink sink, boolean witnesses) {
        this.witnesses = witnesses;
        this.tasks = List.copyOf(tasks);
        this.kCount = tasks.size();
        this.p = tasks.get(0).features();
        this.patterns = ThreadLocal.withInitial(() -> new ColumnPatterns(kCount, zbar));
        this.s = s;
        this.w = 0.5 * zbar;
        this.sink = sink;
    }

    /** Same contract as {@link NodeRelaxation#solve}: a valid bound at every iteration, {@code stop} polled each one. */
    Outcome solve(TaskNode node, double cutoff, int maxIters, BooleanSupplier stop) {
        double[][] z = copy(node.z());
        double[] mu = node.mu().clone();
        DiagonalShift[] shifts = node.shifts();
        WeightedRidge.Evaluation[] e = evaluate(z, shifts);
        optimizeMu(node, e, mu);
        double bound = node.bound();
        BoundWitness witness = node.witness();
        double first = bound(node, e, mu);
        if (first > bound) {
            bound = first;
            witness = witnesses ? BoundWitness.perTask(z, mu, shifts) : null;
        }
        boolean[][] v = new boolean[kCount][p];
        int iters = 0;
        while (bound < cutoff && iters < maxIters && !stop.getAsBoolean()) {
            linearMinimizer(node, e, mu, v);
            sink.offer(repair(node, v, e));
            double gap = gap(z, v, e, mu);
            if (gap <= CONVERGED * (1 + Math.abs(bound))) break;
            double[][] d = new double[kCount][p];
            for (int k = 0; k < kCount; k++) for (int j = 0; j < p; j++) d[k][j] = (v[k][j] ? 1 : 0) - z[k][j];
            double step = lineSearch(z, d, mu, shifts);
            if (step <= 0) break;
            for (int k = 0; k < kCount; k++) {
                for (int j = 0; j < p; j++) {
                    double next = clamp(z[k][j] + step * d[k][j]);
                    z[k][j] = next < TINY && !node.in()[k][j] ? 0 : next;
                }
            }
            e = evaluate(z, shifts);
            optimizeMu(node, e, mu);
            double b = bound(node, e, mu);
            if (b > bound) {
                bound = b;
                witness = witnesses ? BoundWitness.perTask(z, mu, shifts) : null;
            }
            iters++;
        }
        sink.offer(round(node, z));
        linearMinimizer(node, e, mu, v);
        return new Outcome(bound, witness, z, mu, e, v, iters);
    }

    /** LB(alpha(Z), mu) of the class comment, less a rounding slack. */
    double bound(TaskNode node, WeightedRidge.Evaluation[] e, double[] mu) {
        ColumnPatterns columns = patterns.get();
        double lb = 0;
        double scale = 0;
        for (int k = 0; k < kCount; k++) {
            lb += e[k].q() - s * mu[k];
            scale += Math.abs(e[k].q());
        }
        double[] cost = new double[kCount];
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < kCount; k++) cost[k] = mu[k] - e[k].h()[j];
            lb += columns.min(node, j, cost, null);
        }
        return lb - 1e-12 * (1 + scale);
    }

    /**
     * Reduced-cost fixing: with the same duals and prices, forcing a free z_kj to 1 (or 0) changes only column j's
     * pattern minimum, so the bound of that restriction costs one column. Where it reaches {@code cutoff}, no support of
     * the node that beats the cutoff has that value, and the opposite value can be fixed.
     *
     * @param fixIn  set where z_kj = 0 is ruled out
     * @param fixOut set where z_kj = 1 is ruled out
     */
    void fixings(TaskNode node, WeightedRidge.Evaluation[] e, double[] mu, double cutoff, boolean[][] fixIn, boolean[][] fixOut) {
        ColumnPatterns columns = patterns.get();
        double base = bound(node, e, mu);
        double[] cost = new double[kCount];
        for (int j = 0; j < p; j++) {
            boolean any = false;
            for (int k = 0; k < kCount; k++) any |= node.free(k, j);
            if (!any) continue;
            for (int k = 0; k < kCount; k++) cost[k] = mu[k] - e[k].h()[j];
            double current = columns.min(node, j, cost, null);
            for (int k = 0; k < kCount; k++) {
                if (!node.free(k, j)) continue;
                if (base + columns.minWith(node, j, cost, k, true) - current >= cutoff) fixOut[k][j] = true;
                if (base + columns.minWith(node, j, cost, k, false) - current >= cutoff) fixIn[k][j] = true;
            }
        }
    }

    WeightedRidge.Evaluation[] evaluate(double[][] z) {
        return evaluate(z, TaskNode.none(kCount));
    }

    /** Each task's (shifted) relaxation at its row of z. */
    WeightedRidge.Evaluation[] evaluate(double[][] z, DiagonalShift[] shifts) {
        WeightedRidge.Evaluation[] e = new WeightedRidge.Evaluation[kCount];
        for (int k = 0; k < kCount; k++) e[k] = tasks.get(k).evaluate(z[k], shifts[k]);
        return e;
    }

    /**
     * Exact coordinate ascent on mu: for task k, LB is -s mu_k plus, per free column, min(mu_k + A_j, B_j); it is
     * maximized where at most (budget_k) thresholds B_j - A_j exceed mu_k, i.e. at the (budget_k + 1)-th largest
     * threshold (or 0).
     */
    void optimizeMu(TaskNode node, WeightedRidge.Evaluation[] e, double[] mu) {
        ColumnPatterns columns = patterns.get();
        double[] cost = new double[kCount];
        double[] t = new double[p];
        for (int sweep = 0; sweep < MU_SWEEPS; sweep++) {
            for (int k = 0; k < kCount; k++) {
                int n = 0;
                for (int j = 0; j < p; j++) {
                    if (!node.free(k, j)) continue;
                    for (int l = 0; l < kCount; l++) cost[l] = mu[l] - e[l].h()[j];
                    t[n++] = columns.threshold(node, j, cost, k, e[k].h()[j]);
                }
                int b = node.budget()[k];
                if (n <= b) {
                    mu[k] = 0;
                    continue;
                }
                double[] sorted = Arrays.copyOf(t, n);
                Arrays.sort(sorted); // ascending: the (b+1)-th largest is sorted[n - b - 1]
                mu[k] = Math.max(0, sorted[n - b - 1]);
            }
        }
    }

    private void linearMinimizer(TaskNode node, WeightedRidge.Evaluation[] e, double[] mu, boolean[][] v) {
        ColumnPatterns columns = patterns.get();
        double[] cost = new double[kCount];
        boolean[] pattern = new boolean[kCount];
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < kCount; k++) cost[k] = mu[k] - e[k].h()[j];
            columns.min(node, j, cost, pattern);
            for (int k = 0; k < kCount; k++) v[k][j] = pattern[k];
        }
    }

    /** The generalized conditional-gradient gap at z towards v. */
    private double gap(double[][] z, boolean[][] v, WeightedRidge.Evaluation[] e, double[] mu) {
        double g = 0;
        for (int k = 0; k < kCount; k++) {
            for (int j = 0; j < p; j++) g += (mu[k] - e[k].h()[j]) * (z[k][j] - (v[k][j] ? 1 : 0));
        }
        double[][] vv = new double[kCount][p];
        for (int k = 0; k < kCount; k++) for (int j = 0; j < p; j++) vv[k][j] = v[k][j] ? 1 : 0;
        return g + w * (omega(z) - omega(vv));
    }

    double omega(double[][] z) {
        double o = 0;
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < kCount; k++) for (int l = k + 1; l < kCount; l++) o += Math.abs(z[k][j] - z[l][j]);
        }
        return o / kCount;
    }

    /** Line search on the convex psi(t) = Phi_mu(z + t d), t in [0, 1], on its right slope: see {@link LineSearch}. */
    private double lineSearch(double[][] z, double[][] d, double[] mu, DiagonalShift[] shifts) {
        RaySlope[] rays = new RaySlope[kCount];
        for (int k = 0; k < kCount; k++) rays[k] = tasks.get(k).ray(z[k], d[k], shifts[k]);
        return LineSearch.minimize(t -> slope(z, d, mu, t, rays), 1, LINE_SEARCH_STEPS, LINE_SEARCH_RESOLUTION);
    }

    /** Right derivative of psi at t (each task's ridge part from its ray's Gram block). */
    private double slope(double[][] z, double[][] d, double[] mu, double t, RaySlope[] rays) {
        double sl = 0;
        double[][] x = new double[kCount][p];
        for (int k = 0; k < kCount; k++) {
            for (int j = 0; j < p; j++) {
                x[k][j] = clamp(z[k][j] + t * d[k][j]);
                sl += mu[k] * d[k][j];
            }
            sl += rays[k].at(t);
        }
        double o = 0;
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < kCount; k++) {
                for (int l = k + 1; l < kCount; l++) {
                    double dd = d[k][j] - d[l][j];
                    if (dd == 0) continue;
                    double a = x[k][j] - x[l][j];
                    o += a > 0 ? dd : a < 0 ? -dd : Math.abs(dd);
                }
            }
        }
        return sl + w * o / kCount;
    }

    /** The linear step's supports cut to each task's budget (forced-in first, then largest h): a feasible point. */
    private boolean[][] repair(TaskNode node, boolean[][] v, WeightedRidge.Evaluation[] e) {
        double[][] score = new double[kCount][p];
        for (int k = 0; k < kCount; k++) for (int j = 0; j < p; j++) score[k][j] = v[k][j] ? 1 + e[k].h()[j] : -1;
        return topByScore(node, score);
    }

    /** Each task's forced-in features plus its budget's largest z_kj among those at least 1/2. */
    private boolean[][] round(TaskNode node, double[][] z) {
        double[][] score = new double[kCount][p];
        for (int k = 0; k < kCount; k++) for (int j = 0; j < p; j++) score[k][j] = z[k][j] >= 0.5 ? z[k][j] : -1;
        return topByScore(node, score);
    }

    /** Forced-in plus, per task, the budget's highest positive scores among free features. */
    private boolean[][] topByScore(TaskNode node, double[][] score) {
        boolean[][] out = new boolean[kCount][p];
        for (int k = 0; k < kCount; k++) {
            Integer[] idx = new Integer[p];
            for (int j = 0; j < p; j++) idx[j] = j;
            double[] sc = score[k];
            Arrays.sort(idx, (a, b) -> Double.compare(sc[b], sc[a]));
            int left = node.budget()[k];
            for (int j = 0; j < p; j++) out[k][j] = node.in()[k][j];
            for (int a = 0; a < p && left > 0; a++) {
                int j = idx[a];
                if (sc[j] <= 0) break;
                if (node.free(k, j)) {
                    out[k][j] = true;
                    left--;
                }
            }
        }
        return out;
    }

    private static double clamp(double v) {
        return Math.min(1, Math.max(0, v));
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }

    /**
     * @param bound      best valid lower bound on the node
     * @param z          final relaxation point
     * @param mu         final budget prices
     * @param last       per-task evaluations at {@code z}
     * @param linearStep the linear step's supports at the end (may exceed budgets)
     * @param iterations conditional-gradient iterations done
     */
    /** {@code witness} proves {@code bound} (the node's own witness when no iterate beat it). */
    record Outcome(double bound, BoundWitness witness, double[][] z, double[] mu, WeightedRidge.Evaluation[] last, boolean[][] linearStep, int iterations) {}
}
