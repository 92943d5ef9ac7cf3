package certus.estimators.tenmtl;

import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.estimators.glm.LassoGlm;
import certus.tensor.DenseMatrix;
import certus.tensor.MatrixOps;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Alternating minimization for TenMTL with vector predictors (tenmtl.md §3): each block — U1, the core G, then per
 * task (f_i, b_i) — enters the linear predictor linearly, so each update is an explicit Lasso GLM solved by
 * {@link LassoGlm}, warm-started at the current block. Objective (tenmtl.md §2):
 * <pre>
 *   sum_i (1/n_i) sum_t l(y_it, b_i + x_it^T U1 G^T u0_i) + lambda (||U1||_1 + ||G||_1 + ||F0||_1) + (mu/2) ||F0||_F^2
 * </pre>
 * A block update that would raise the objective (an inexact solve) is rejected, so the recorded objective never
 * increases. Unlike tenmtl.md §1's identifiability rules, factors are not renormalized between sweeps: rescaling
 * U1 against G changes the Lasso terms and could raise the objective; the fit is invariant to it anyway
 * (a documented deviation from the reconstruction).
 */
public final class TenMtlFitter {
    private static final double INNER_TOLERANCE = 1e-6;
    private static final int INNER_PASSES = 100;
    /** Ridge and Lasso of the local per-task fits that seed the HOSVD (tenmtl.md §3 step 2: fixed 1e-2 for small n_i). */
    static final double LOCAL_RIDGE = 1e-2;

    private TenMtlFitter() {}

    public static TenMtlModel fit(MultiTaskData data, TenMtlOptions o) {
        State s = o.init() == TenMtlOptions.Init.LOCAL_HOSVD ? LocalHosvdStart.of(data, o) : randomStart(data, o);
        List<Double> history = new ArrayList<>();
        double f = objective(data, o, s);
        history.add(f);
        for (int sweep = 0; sweep < o.maxSweeps(); sweep++) {
            f = accept(data, o, s, f, updateU1(data, o, s));
            f = accept(data, o, s, f, updateCore(data, o, s));
            for (int i = 0; i < data.taskCount(); i++) f = accept(data, o, s, f, updateTask(data, o, s, i));
            double previous = history.get(history.size() - 1);
            history.add(f);
            if (previous - f <= o.tolerance() * Math.max(Math.abs(previous), 1e-300)) break;
        }
        return new TenMtlModel(o.family(), s.b, DenseMatrix.fromRows(s.u1), DenseMatrix.fromRows(s.g), DenseMatrix.fromRows(s.u0), history);
    }

    /** Mutable factors of one fit: U1 (p x R1), G (R0 x R1), U0 (N x R0), intercepts. */
    static final class State {
        double[][] u1;
        double[][] g;
        double[][] u0;
        double[] b;

        State(double[][] u1, double[][] g, double[][] u0, double[] b) {
            this.u1 = u1;
            this.g = g;
            this.u0 = u0;
            this.b = b;
        }

        State copy() {
            return new State(deep(u1), deep(g), deep(u0), b.clone());
        }
    }

    /** Keeps {@code candidate} when it does not raise the objective; returns the objective of what is kept. */
    private static double accept(MultiTaskData data, TenMtlOptions o, State s, double current, State candidate) {
        double f = objective(data, o, candidate);
        if (f <= current) {
            s.u1 = candidate.u1;
            s.g = candidate.g;
            s.u0 = candidate.u0;
            s.b = candidate.b;
            return f;
        }
        return current;
    }

    /** The penalized objective of §2 at {@code s}. */
    static double objective(MultiTaskData data, TenMtlOptions o, State s) {
        double f = 0;
        for (int i = 0; i < data.taskCount(); i++) {
            TaskData t = data.task(i);
            double[] beta = beta(s, i);
            double loss = 0;
            for (int r = 0; r < t.rows(); r++) {
                double eta = s.b[i];
                for (int j = 0; j < beta.length; j++) eta += t.x().get(r, j) * beta[j];
                loss += o.family().loss(t.y(r), eta);
            }
            f += loss / t.rows();
        }
        f += o.lambda() * (l1(s.u1) + l1(s.g));
        int first = o.shared() ? 1 : 0;
        for (double[] row : s.u0) {
            for (int a = first; a < row.length; a++) f += o.lambda() * Math.abs(row[a]) + 0.5 * o.ridgeF() * row[a] * row[a];
        }
        return f;
    }

    /** beta_i = U1 G^T u0_i. */
    static double[] beta(State s, int i) {
        double[] a = taskLoading(s, i);
        int r1 = a.length;
        double[] beta = new double[s.u1.length];
        for (int j = 0; j < beta.length; j++) for (int r = 0; r < r1; r++) beta[j] += s.u1[j][r] * a[r];
        return beta;
    }

    /** U1 block: eta = b_i + vec(U1)^T (a_i (x) x_it), a_i = G^T u0_i; pooled over tasks, weights 1/n_i. */
    private static State updateU1(MultiTaskData data, TenMtlOptions o, State s) {
        double[] start = vecU1(s);
        Pooled d = pooled(data, (i, x, row) -> u1Row(s, i, x, row), start.length, s);
        LassoGlm.Fit f = LassoGlm.fit(d.problem(o, null, 0), 0.0, start, INNER_TOLERANCE, INNER_PASSES);
        State c = s.copy();
        unvecU1(f.beta(), c);
        return c;
    }

    /** Core block: eta = b_i + vec(G)^T (u0_i (x) h_it), h_it = U1^T x_it. */
    private static State updateCore(MultiTaskData data, TenMtlOptions o, State s) {
        double[] start = vecCore(s);
        Pooled d = pooled(data, (i, x, row) -> coreRow(s, i, x, row), start.length, s);
        LassoGlm.Fit f = LassoGlm.fit(d.problem(o, null, 0), 0.0, start, INNER_TOLERANCE, INNER_PASSES);
        State c = s.copy();
        unvecCore(f.beta(), c);
        return c;
    }

    /**
     * Task block (f_i and b_i together, on task i's rows only): eta = b_i + [shared part] + f_i^T (G_f h_it); the
     * intercept is the GLM's unpenalized intercept.
     */
    private static State updateTask(MultiTaskData data, TenMtlOptions o, State s, int i) {
        TaskData t = data.task(i);
        int r0 = s.g.length;
        int first = o.shared() ? 1 : 0;
        int free = r0 - first;
        State c = s.copy();
        int n = t.rows();
        double[] offset = new double[n];
        double[][] rows = new double[n][free];
        for (int r = 0; r < n; r++) {
            double[] h = project(s, t.x().row(r));
            for (int a = 0; a < r0; a++) {
                double gh = 0;
                for (int q = 0; q < h.length; q++) gh += s.g[a][q] * h[q];
                if (a < first) offset[r] += s.u0[i][a] * gh;
                else rows[r][a - first] = gh;
            }
        }
        // With no free columns (R0 = 1 under the split) this is an intercept-only GLM: the same call covers it.
        double[] start = new double[free];
        for (int a = 0; a < free; a++) start[a] = s.u0[i][a + first];
        // LassoGlm's default weights 1/n_i and its (ridge/2)||beta||^2 match this task's share of the objective exactly.
        LassoGlm.Problem pr = new LassoGlm.Problem(DenseMatrix.fromRows(rows), t.y(), offset, null, o.family(), o.lambda(), null,
                o.ridgeF(), true);
        LassoGlm.Fit f = LassoGlm.fit(pr, s.b[i], start, INNER_TOLERANCE, INNER_PASSES);
        for (int a = 0; a < free; a++) c.u0[i][a + first] = f.beta()[a];
        c.b[i] = f.intercept();
        return c;
    }

    /**
     * The U1 block's design row for task i at x: kron(a_i, x) with a_i = G^T u0_i, matching {@link #vecU1} (index
     * r p + j holds U1[j][r]), so that b_i + row . vecU1 = the linear predictor.
     */
    static void u1Row(State s, int i, double[] x, double[] row) {
        int p = x.length;
        double[] a = taskLoading(s, i);
        for (int r = 0; r < a.length; r++) for (int j = 0; j < p; j++) row[r * p + j] = a[r] * x[j];
    }

    static double[] vecU1(State s) {
        int p = s.u1.length;
        int r1 = s.u1[0].length;
        double[] v = new double[p * r1];
        for (int r = 0; r < r1; r++) for (int j = 0; j < p; j++) v[r * p + j] = s.u1[j][r];
        return v;
    }

    /** The inverse of {@link #vecU1}: writes v into s.u1. */
    static void unvecU1(double[] v, State s) {
        int p = s.u1.length;
        for (int r = 0; r < s.u1[0].length; r++) for (int j = 0; j < p; j++) s.u1[j][r] = v[r * p + j];
    }

    /** The core block's design row: u0_i (x) h, h = U1^T x, matching {@link #vecCore} (index a R1 + r holds G[a][r]). */
    static void coreRow(State s, int i, double[] x, double[] row) {
        double[] h = project(s, x);
        int r1 = h.length;
        for (int a = 0; a < s.g.length; a++) for (int r = 0; r < r1; r++) row[a * r1 + r] = s.u0[i][a] * h[r];
    }

    static double[] vecCore(State s) {
        int r0 = s.g.length;
        int r1 = s.g[0].length;
        double[] v = new double[r0 * r1];
        for (int a = 0; a < r0; a++) for (int r = 0; r < r1; r++) v[a * r1 + r] = s.g[a][r];
        return v;
    }

    /** The inverse of {@link #vecCore}: writes v into s.g. */
    static void unvecCore(double[] v, State s) {
        int r1 = s.g[0].length;
        for (int a = 0; a < s.g.length; a++) for (int r = 0; r < r1; r++) s.g[a][r] = v[a * r1 + r];
    }

    /** a_i = G^T u0_i (R1). */
    private static double[] taskLoading(State s, int i) {
        int r1 = s.g[0].length;
        double[] a = new double[r1];
        for (int r = 0; r < r1; r++) for (int c = 0; c < s.g.length; c++) a[r] += s.g[c][r] * s.u0[i][c];
        return a;
    }

    /** h = U1^T x (R1). */
    private static double[] project(State s, double[] x) {
        int r1 = s.u1[0].length;
        double[] h = new double[r1];
        for (int j = 0; j < x.length; j++) for (int r = 0; r < r1; r++) h[r] += s.u1[j][r] * x[j];
        return h;
    }

    /** Fills one design row for task i and an observation x. */
    private interface RowBuilder {
        void fill(int task, double[] x, double[] row);
    }

    /** A pooled design over every task's rows, with offsets b_i and weights 1/n_i. */
    private record Pooled(DenseMatrix x, double[] y, double[] offset, double[] weights) {
        LassoGlm.Problem problem(TenMtlOptions o, double[] penalty, double ridge) {
            return new LassoGlm.Problem(x, y, offset, weights, o.family(), o.lambda(), penalty, ridge, false);
        }
    }

    private static Pooled pooled(MultiTaskData data, RowBuilder builder, int width, State s) {
        int total = data.totalRows();
        double[] cm = new double[total * width];
        double[] y = new double[total];
        double[] offset = new double[total];
        double[] w = new double[total];
        double[] row = new double[width];
        int at = 0;
        for (int i = 0; i < data.taskCount(); i++) {
            TaskData t = data.task(i);
            for (int r = 0; r < t.rows(); r++, at++) {
                java.util.Arrays.fill(row, 0);
                builder.fill(i, t.x().row(r), row);
                for (int c = 0; c < width; c++) cm[c * total + at] = row[c];
                y[at] = t.y(r);
                offset[at] = s.b[i];
                w[at] = 1.0 / t.rows();
            }
        }
        return new Pooled(DenseMatrix.fromColumnMajor(total, width, cm), y, offset, w);
    }

    private static State randomStart(MultiTaskData data, TenMtlOptions o) {
        SplittableRandom r = new SplittableRandom(o.seed());
        int p = data.featureCount();
        int n = data.taskCount();
        double[][] gauss = new double[p][Math.max(o.featureRank(), 1)];
        for (double[] row : gauss) for (int j = 0; j < row.length; j++) row[j] = r.nextGaussian();
        double[][] u1 = toRows(MatrixOps.leadingLeftSingularVectors(DenseMatrix.fromRows(gauss), o.featureRank()));
        double[][] g = new double[o.taskRank()][o.featureRank()];
        for (double[] row : g) for (int j = 0; j < row.length; j++) row[j] = 0.1 * r.nextGaussian();
        double[][] u0 = new double[n][o.taskRank()];
        for (double[] row : u0) {
            for (int a = 0; a < row.length; a++) row[a] = o.shared() && a == 0 ? 1.0 : 0.1 * r.nextGaussian();
        }
        double[] b = new double[n];
        for (int i = 0; i < n; i++) b[i] = data.task(i).responseMean();
        return new State(u1, g, u0, b);
    }

    static double[][] toRows(DenseMatrix m) {
        double[][] out = new double[m.rows()][];
        for (int i = 0; i < m.rows(); i++) out[i] = m.row(i);
        return out;
    }

    private static double l1(double[][] a) {
        double s = 0;
        for (double[] row : a) for (double v : row) s += Math.abs(v);
        return s;
    }

    private static double[][] deep(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }
}
