package certus.formulations.cert;

import certus.data.TaskData;
import certus.formulations.bnb.BoundWitness;
import certus.formulations.bnb.FixingChain;
import certus.formulations.bnb.ProofLeaf;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-derives the lower bound of a proof leaf from the data and the leaf's witness, written apart from the search
 * (exact.md §4.1's dual; EJML for the ridge solves). For a task with centered data (Xc, yc), n rows, and any
 * residual dual alpha, every support S satisfies
 * <pre>
 *   min_beta (1/(2n))||yc - Xc_S beta||^2 + (ridge/2)||beta||^2  &gt;=  q(alpha) - sum_{j in S} h_j(alpha),
 *   q = alpha'yc - (n/2)||alpha||^2,   h_j = (xc_j'alpha)^2 / (2 ridge)
 * </pre>
 * (weak duality of the ridge problem), whatever alpha is; the witness's relaxation point only serves to pick a good
 * alpha. A shared-support leaf then takes the worst support it admits: q minus its forced-in h minus the budget's
 * largest positive free h (linear costs, in a Lagrangian task tree, are subtracted from h first). A Zbar leaf adds budget prices mu &gt;= 0 (mu_k (|S_k| - s) &lt;= 0 for feasible supports) and the
 * exact Zbar penalty (zbar/2) m(K-m)/K of each column, minimized over the column's admitted patterns (for each
 * count m: forced-in tasks plus the cheapest free ones).
 */
final class LeafBounds {
    private final List<TaskData> tasks;
    private final int p;
    private final int s;
    private final double ridge;
    private final double zbar;
    private final boolean shared;
    private final double[][] means;
    private final double[][] yc;
    private final Map<WitnessKey, Dual[]> cache = new HashMap<>();
    /** Diagonal shifts already factorized (by content): the search re-uses one shift for many nodes. */
    private final Map<ShiftKey, Boolean> confirmedShifts = new HashMap<>();
    /** Witnesses whose shift passed {@link #confirmWitnessShift} (by identity: sibling leaves share one). */
    private final Map<BoundWitness, Boolean> confirmedWitnesses = new java.util.IdentityHashMap<>();
    /** Masks of shift feature arrays (by identity). */
    private final Map<int[], boolean[]> featureMasks = new java.util.IdentityHashMap<>();
    private final double[][] costs;
    private final boolean[][] rootOut;

    /**
     * @param costs   per task, linear feature costs added to the objective (a Lagrangian task tree: the bound of a leaf
     *                then has {@code h_kj - costs_kj} in place of h_kj), or null
     * @param rootOut per group, the features no support may select (leaves need not list them as fixed out)
     */
    LeafBounds(List<TaskData> tasks, int s, double ridge, double zbar, boolean shared, double[][] costs, boolean[][] rootOut) {
        if (costs != null && costs.length != tasks.size()) throw new IllegalArgumentException("costs for " + costs.length + " tasks, expected " + tasks.size());
        if (costs != null && shared && tasks.size() != 1) throw new IllegalArgumentException("linear costs apply to single-task trees only");
        this.costs = costs;
        this.rootOut = rootOut;
        this.tasks = tasks;
        this.p = tasks.get(0).x().cols();
        this.s = s;
        this.ridge = ridge;
        this.zbar = zbar;
        this.shared = shared;
        means = new double[tasks.size()][p];
        yc = new double[tasks.size()][];
        for (int t = 0; t < tasks.size(); t++) {
            TaskData d = tasks.get(t);
            int n = d.rows();
            for (int j = 0; j < p; j++) {
                double m = 0;
                for (int i = 0; i < n; i++) m += d.x().get(i, j);
                means[t][j] = m / n;
            }
            double ym = 0;
            for (double v : d.y()) ym += v;
            ym /= n;
            yc[t] = new double[n];
            for (int i = 0; i < n; i++) yc[t][i] = d.y()[i] - ym;
        }
    }

    /**
     * The leaf's bound, +Infinity for a leaf that admits no support; for a leaf without witness the trivial bound: 0,
     * or -Infinity when linear costs can make the objective negative.
     */
    double bound(ProofLeaf leaf) {
        int groups = shared ? 1 : tasks.size();
        for (int g = 0; g < groups; g++) if (leaf.in()[g].length > s) return Double.POSITIVE_INFINITY;
        BoundWitness w = leaf.witness();
        if (w == null) return costs == null ? 0 : Double.NEGATIVE_INFINITY; // 0 is a bound only without (negative) costs
        if (w.index().length != groups) throw new IllegalArgumentException("witness has " + w.index().length + " groups, expected " + groups);
        if (w.shifted()) confirmShift(w, leaf.in(), leaf.out());
        Dual[] duals = cache.computeIfAbsent(new WitnessKey(w), k -> duals(w));
        return shared ? sharedBound(leaf, duals) : zbarBound(leaf, duals, w.mu());
    }

    /**
     * The smallest bound over a fixing chain's leaves. Shared-support chains take one pass: the node's free scores are
     * sorted once, and leaf i's budget takes the largest positive ones not fixed by fixings 0..i (the same value
     * {@link #bound} gives each expanded leaf, up to summation order); other chains expand their leaves.
     */
    double minOverChain(FixingChain chain) {
        BoundWitness w = chain.witness();
        if (!shared || w == null || chain.length() == 0 || !wellFormed(chain)) {
            double min = Double.POSITIVE_INFINITY;
            for (int i = 0; i < chain.length(); i++) min = Math.min(min, bound(chain.leaf(i, p, s)));
            return min;
        }
        if (w.index().length != 1) throw new IllegalArgumentException("witness has " + w.index().length + " groups, expected 1");
        if (w.shifted()) confirmShift(w, chain.in(), chain.out());
        double[] h = new double[p];
        double q = sharedScores(cache.computeIfAbsent(new WitnessKey(w), k -> duals(w)), h);
        boolean[] fixed = new boolean[p];
        double base = q;
        int forced = 0;
        for (int j : chain.in()[0]) {
            base -= h[j];
            fixed[j] = true;
            forced++;
        }
        for (int j : chain.out()[0]) fixed[j] = true;
        Integer[] order = java.util.stream.IntStream.range(0, p).filter(j -> !fixed[j] && h[j] > 0).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> Double.compare(h[b], h[a]));
        boolean[] chained = new boolean[p]; // fixed by the chain's fixings so far
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < chain.length(); i++) {
            int j = chain.feature()[i];
            boolean leafIn = !chain.value()[i]; // leaf i has fixing i reversed
            chained[j] = true;
            int in = forced + (leafIn ? 1 : 0);
            double lb = base - (leafIn ? h[j] : 0);
            if (in > s) continue; // no support
            int room = s - in;
            for (int a = 0; a < order.length && room > 0; a++) {
                int f = order[a];
                if (chained[f]) continue;
                lb -= h[f];
                room--;
            }
            min = Math.min(min, lb);
            if (chain.value()[i]) { // fixing i in: the next leaves have j forced in
                base -= h[j];
                forced++;
            }
        }
        return min;
    }

    /** One group, fixings on distinct features in range that the node leaves free: what the one-pass bound assumes. */
    private boolean wellFormed(FixingChain chain) {
        if (chain.in().length != 1) return false;
        boolean[] seen = new boolean[p];
        for (int j : chain.in()[0]) if (j < 0 || j >= p || seen[j]) return false; else seen[j] = true;
        for (int j : chain.out()[0]) if (j < 0 || j >= p || seen[j]) return false; else seen[j] = true;
        for (int a = 0; a < chain.length(); a++) {
            int j = chain.feature()[a];
            if (chain.group()[a] != 0 || j < 0 || j >= p || seen[j]) return false;
            seen[j] = true;
        }
        return true;
    }

    /** q and the scores h (less the linear costs) of a shared-support leaf's duals; h is filled in place. */
    private double sharedScores(Dual[] duals, double[] h) {
        double q = 0;
        for (Dual d : duals) {
            q += d.q;
            for (int j = 0; j < p; j++) h[j] += d.h[j];
        }
        if (costs != null) for (int j = 0; j < p; j++) h[j] -= costs[0][j];
        return q;
    }

    private double sharedBound(ProofLeaf leaf, Dual[] duals) {
        double[] h = new double[p];
        double q = sharedScores(duals, h);
        boolean[] fixed = new boolean[p];
        double lb = q;
        for (int j : leaf.in()[0]) {
            lb -= h[j];
            fixed[j] = true;
        }
        for (int j : leaf.out()[0]) fixed[j] = true;
        int room = s - leaf.in()[0].length;
        double[] free = new double[p];
        int m = 0;
        for (int j = 0; j < p; j++) if (!fixed[j]) free[m++] = h[j];
        double[] sorted = Arrays.copyOf(free, m);
        Arrays.sort(sorted);
        // Supports have at most s features: only positive scores can lower the bound.
        for (int a = 0; a < room && a < m && sorted[m - 1 - a] > 0; a++) lb -= sorted[m - 1 - a];
        return lb;
    }

    private double zbarBound(ProofLeaf leaf, Dual[] duals, double[] mu) {
        int kCount = tasks.size();
        if (mu.length != kCount) throw new IllegalArgumentException("witness has " + mu.length + " prices, expected " + kCount);
        double lb = 0;
        for (int k = 0; k < kCount; k++) {
            if (!(mu[k] >= 0) || !Double.isFinite(mu[k])) throw new IllegalArgumentException("budget price " + mu[k] + " of task " + k + " is not >= 0");
            lb += duals[k].q - s * mu[k];
        }
        byte[][] fix = new byte[kCount][p]; // 1 in, 2 out
        for (int k = 0; k < kCount; k++) {
            if (leaf.in()[k].length >= s) Arrays.fill(fix[k], (byte) 2); // a full budget admits nothing else
            for (int j : leaf.out()[k]) fix[k][j] = 2;
            for (int j : leaf.in()[k]) fix[k][j] = 1;
        }
        double[] freeCost = new double[kCount];
        for (int j = 0; j < p; j++) {
            double forced = 0;
            int forcedCount = 0;
            int free = 0;
            for (int k = 0; k < kCount; k++) {
                double cost = mu[k] - duals[k].h[j] + (costs == null ? 0 : costs[k][j]);
                if (fix[k][j] == 1) {
                    forced += cost;
                    forcedCount++;
                } else if (fix[k][j] == 0) {
                    freeCost[free++] = cost;
                }
            }
            Arrays.sort(freeCost, 0, free);
            double best = Double.POSITIVE_INFINITY;
            double running = forced;
            for (int extra = 0; extra <= free; extra++) {
                if (extra > 0) running += freeCost[extra - 1];
                int m = forcedCount + extra;
                best = Math.min(best, running + 0.5 * zbar * m * (double) (kCount - m) / kCount);
            }
            lb += best;
        }
        return lb;
    }

    /**
     * Throws unless the witness's diagonal shifts are valid for every support the leaf (or chain node) with these
     * fixings admits: the witness itself once ({@link #confirmWitnessShift}), then, for each group with a positive
     * shift, that the leaf admits no feature outside the group's shift features A.
     */
    private void confirmShift(BoundWitness w, int[][] in, int[][] out) {
        if (!confirmedWitnesses.containsKey(w)) {
            confirmWitnessShift(w);
            confirmedWitnesses.put(w, Boolean.TRUE);
        }
        int[][] a = w.shiftFeatures();
        for (int g = 0; g < a.length; g++) if (shiftActive(w, g)) confirmAdmitted(featureMask(a[g]), in[g], out[g], rootOut[g]);
    }

    /**
     * The leaf-independent part, once per witness: one delta_k &gt;= 0 per task, shift features per group, the witness's
     * own point inside A for each group with a positive shift, and {@code Gc_AA / n_k - delta_k I} positive definite
     * for every task with delta_k &gt; 0 (a Cholesky factorization with a relative margin of 1e-9, once per distinct
     * shift).
     */
    private void confirmWitnessShift(BoundWitness w) {
        double[] delta = w.shift();
        if (delta.length != tasks.size()) throw new IllegalArgumentException("witness has " + delta.length + " shifts, expected " + tasks.size());
        for (double d : delta) if (!(d >= 0) || !Double.isFinite(d)) throw new IllegalArgumentException("diagonal shift " + d + " is not >= 0");
        int groups = shared ? 1 : tasks.size();
        int[][] a = w.shiftFeatures();
        if (a.length != groups) throw new IllegalArgumentException("shift features for " + a.length + " groups, expected " + groups);
        for (int g = 0; g < groups; g++) {
            if (!shiftActive(w, g)) continue;
            boolean[] inA = featureMask(a[g]);
            for (int j : w.index()[g]) if (!inA[j]) throw new IllegalArgumentException("witness point uses feature " + j + " outside its shift's features");
        }
        Boolean ok = confirmedShifts.computeIfAbsent(new ShiftKey(a, delta), k -> positiveDefinite(a, delta));
        if (!ok) throw new IllegalArgumentException("diagonal shift " + Arrays.toString(delta) + " exceeds the smallest eigenvalue on its features");
    }

    /** Whether group g's bound uses a positive shift (a shared group: any of its tasks). */
    private boolean shiftActive(BoundWitness w, int g) {
        double[] delta = w.shift();
        if (!shared) return delta[g] > 0;
        for (double d : delta) if (d > 0) return true;
        return false;
    }

    /** Shift features as a mask (cached by array: the search and the file reader share one array per shift). */
    private boolean[] featureMask(int[] a) {
        return featureMasks.computeIfAbsent(a, k -> {
            boolean[] inA = new boolean[p];
            for (int j : a) {
                if (j < 0 || j >= p) throw new IllegalArgumentException("shift feature " + j + " out of range");
                inA[j] = true;
            }
            return inA;
        });
    }

    /** One group of a leaf: every feature it admits lies in the shift's features {@code inA}. */
    private void confirmAdmitted(boolean[] inA, int[] in, int[] out, boolean[] never) {
        boolean[] excluded = never.clone();
        for (int j : out) excluded[j] = true;
        if (in.length >= s) { // a full budget admits only the forced-in features (such leaves list no forced-out ones)
            Arrays.fill(excluded, true);
            for (int j : in) excluded[j] = false;
        }
        for (int j = 0; j < p; j++) {
            if (!excluded[j] && !inA[j]) throw new IllegalArgumentException("leaf admits feature " + j + " outside its witness's shift features");
        }
    }

    private boolean positiveDefinite(int[][] a, double[] delta) {
        for (int t = 0; t < tasks.size(); t++) {
            if (delta[t] == 0) continue;
            int[] f = a[shared ? 0 : t];
            int m = f.length;
            DMatrixRMaj xa = centred(t, f);
            DMatrixRMaj g = new DMatrixRMaj(m, m);
            CommonOps_DDRM.multTransA(xa, xa, g);
            CommonOps_DDRM.scale(1.0 / tasks.get(t).rows(), g);
            double diagonal = 0;
            for (int c = 0; c < m; c++) diagonal = Math.max(diagonal, g.get(c, c));
            for (int c = 0; c < m; c++) g.add(c, c, -delta[t] * (1 + 1e-9) - 1e-12 * diagonal);
            if (!org.ejml.dense.row.factory.DecompositionFactory_DDRM.chol(m, true).decompose(g)) return false;
        }
        return true;
    }

    private DMatrixRMaj centred(int t, int[] u) {
        TaskData d = tasks.get(t);
        int n = d.rows();
        DMatrixRMaj xu = new DMatrixRMaj(n, u.length);
        for (int i = 0; i < n; i++) for (int a = 0; a < u.length; a++) xu.set(i, a, d.x().get(i, u[a]) - means[t][u[a]]);
        return xu;
    }

    /** q and h of each task at the alpha the witness's point gives (per task for Zbar, one point for shared). */
    private Dual[] duals(BoundWitness w) {
        Dual[] out = new Dual[tasks.size()];
        for (int t = 0; t < tasks.size(); t++) {
            int g = shared ? 0 : t;
            out[t] = dual(t, w.index()[g], w.weight()[g], w.shifted() ? w.shift()[t] : 0);
        }
        return out;
    }

    /**
     * q and h at the witness point; with a diagonal shift delta (confirmed by {@link #confirmShift}) the loss keeps
     * -(delta/2)||beta||^2 and the ridge term becomes ridge + delta, so the weights are (ridge + delta)/z - delta,
     * {@code q += (delta/2)||beta||^2} and {@code h_j = (xc_j'alpha + delta beta_j)^2 / (2 (ridge + delta))}: weak
     * duality of the shifted problem, which equals the ridge problem at every support inside the shift's features.
     */
    private Dual dual(int t, int[] u, double[] z, double delta) {
        TaskData d = tasks.get(t);
        int n = d.rows();
        int m = u.length;
        double[] residual = yc[t].clone();
        double[] betaAt = new double[p];
        double betaSq = 0;
        if (m > 0) {
            // beta = argmin (1/(2n))||yc - Xc_U beta||^2 + (ridge/2) sum_a beta_a^2 / z_a
            DMatrixRMaj xu = centred(t, u);
            DMatrixRMaj a = new DMatrixRMaj(m, m);
            CommonOps_DDRM.multTransA(xu, xu, a);
            CommonOps_DDRM.scale(1.0 / n, a);
            for (int c = 0; c < m; c++) a.add(c, c, (ridge + delta) / z[c] - delta);
            DMatrixRMaj rhs = new DMatrixRMaj(m, 1);
            DMatrixRMaj y = new DMatrixRMaj(n, 1, true, yc[t]);
            CommonOps_DDRM.multTransA(xu, y, rhs);
            CommonOps_DDRM.scale(1.0 / n, rhs);
            LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(m);
            DMatrixRMaj beta = new DMatrixRMaj(m, 1);
            if (!solver.setA(a)) throw new IllegalArgumentException("ridge system of a witness is not positive definite");
            solver.solve(rhs, beta);
            for (int c = 0; c < m; c++) {
                betaAt[u[c]] = beta.get(c);
                betaSq += beta.get(c) * beta.get(c);
            }
            for (int i = 0; i < n; i++) {
                double fit = 0;
                for (int c = 0; c < m; c++) fit += xu.get(i, c) * beta.get(c);
                residual[i] -= fit;
            }
        }
        double[] alpha = new double[n];
        double q = 0;
        double sq = 0;
        for (int i = 0; i < n; i++) {
            alpha[i] = residual[i] / n;
            q += alpha[i] * yc[t][i];
            sq += alpha[i] * alpha[i];
        }
        q += -0.5 * n * sq + 0.5 * delta * betaSq;
        double[] h = new double[p];
        for (int j = 0; j < p; j++) {
            double g = 0;
            for (int i = 0; i < n; i++) g += (d.x().get(i, j) - means[t][j]) * alpha[i];
            g += delta * betaAt[j];
            h[j] = g * g / (2 * (ridge + delta));
        }
        return new Dual(q, h);
    }

    private record Dual(double q, double[] h) {}

    /** Witnesses compared by content: sibling leaves share their parent's point. */
    private record WitnessKey(BoundWitness w) {
        @Override
        public boolean equals(Object o) {
            return o instanceof WitnessKey k && Arrays.deepEquals(w.index(), k.w.index()) && Arrays.deepEquals(w.weight(), k.w.weight())
                    && Arrays.equals(w.mu(), k.w.mu()) && Arrays.equals(w.shift(), k.w.shift());
        }

        @Override
        public int hashCode() {
            return 31 * (31 * (31 * Arrays.deepHashCode(w.index()) + Arrays.deepHashCode(w.weight())) + Arrays.hashCode(w.mu()))
                    + Arrays.hashCode(w.shift());
        }
    }

    /** A shift compared by content (its features and deltas). */
    private record ShiftKey(int[][] features, double[] delta) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ShiftKey k && Arrays.deepEquals(features, k.features) && Arrays.equals(delta, k.delta);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.deepHashCode(features) + Arrays.hashCode(delta);
        }
    }
}
