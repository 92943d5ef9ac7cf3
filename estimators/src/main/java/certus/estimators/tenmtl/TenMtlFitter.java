package certus.estimators.tenmtl;

import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.estimators.FitControl;
import certus.estimators.Termination;
import certus.estimators.glm.LassoGlm;
import certus.tensor.DenseMatrix;
import certus.tensor.MatrixOps;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Alternating minimization for TenMTL (tenmtl.md §3), for vector or order-M tensor predictors: each block — the
 * feature factors U_1..U_M, the core G, then per task (f_i, b_i) — enters the linear predictor linearly, so each update
 * is an explicit Lasso GLM (design rows from {@link TuckerState}) solved by {@link LassoGlm}, warm-started at the
 * current block. Objective (tenmtl.md §2):
 * <pre>
 *   sum_i (1/n_i) sum_t l(y_it, b_i + &lt;X_it, B_i&gt;) + lambda (sum_m ||U_m||_1 + ||G||_1 + ||F0||_1) + (mu/2) ||F0||_F^2
 * </pre>
 * A block update that would raise the objective (an inexact solve) is rejected, so the recorded objective never
 * increases. Unlike tenmtl.md §1's identifiability rules, factors are not renormalized between sweeps: rescaling
 * U_m against G changes the Lasso terms and could raise the objective; the fit is invariant to it anyway
 * (a documented deviation from the reconstruction).
 */
public final class TenMtlFitter {
    private static final double INNER_TOLERANCE = 1e-6;
    private static final int INNER_PASSES = 100;
    /** Ridge and Lasso of the local per-task fits that seed the HOSVD (tenmtl.md §3 step 2: fixed 1e-2 for small n_i). */
    static final double LOCAL_RIDGE = 1e-2;

    private TenMtlFitter() {}

    public static TenMtlModel fit(MultiTaskData data, TenMtlOptions o) {
        return fit(data, o, FitControl.none()).model();
    }

    /** A fitted model and why its sweeps stopped. */
    public record Fitted(TenMtlModel model, Termination termination) {}

    /**
     * Alternating sweeps until the relative decrease falls to the tolerance, the sweep cap, or {@code control}'s
     * deadline / cancellation (polled between sweeps; the state kept is the last accepted one, the best so far).
     */
    public static Fitted fit(MultiTaskData data, TenMtlOptions o, FitControl control) {
        TuckerState s = o.init() == TenMtlOptions.Init.LOCAL_HOSVD ? LocalHosvdStart.of(data, o) : randomStart(data, o);
        List<Double> history = new ArrayList<>();
        double f = objective(data, o, s);
        history.add(f);
        Termination termination = new Termination(Termination.Reason.FEASIBLE, Termination.Limit.ITERATIONS, "sweep cap " + o.maxSweeps() + " hit");
        for (int sweep = 0; sweep < o.maxSweeps(); sweep++) {
            Termination.Limit hit = control.hit();
            if (hit != Termination.Limit.NONE) {
                termination = new Termination(Termination.Reason.FEASIBLE, hit, "stopped after " + sweep + " sweeps ("
                        + (hit == Termination.Limit.TIME ? "time limit" : "cancelled") + ")");
                break;
            }
            for (int m = 0; m < s.order(); m++) f = accept(data, o, s, f, updateFactor(data, o, s, m));
            f = accept(data, o, s, f, updateCore(data, o, s));
            for (int i = 0; i < data.taskCount(); i++) f = accept(data, o, s, f, updateTask(data, o, s, i));
            double previous = history.get(history.size() - 1);
            history.add(f);
            if (previous - f <= o.tolerance() * Math.max(Math.abs(previous), 1e-300)) {
                termination = new Termination(Termination.Reason.CONVERGED, Termination.Limit.NONE, "relative decrease <= " + o.tolerance()
                        + " after " + (sweep + 1) + " sweeps");
                break;
            }
        }
        return new Fitted(TenMtlModel.of(o.family(), s, history), termination);
    }

    /** Keeps {@code candidate} when it does not raise the objective; returns the objective of what is kept. */
    private static double accept(MultiTaskData data, TenMtlOptions o, TuckerState s, double current, TuckerState candidate) {
        double f = objective(data, o, candidate);
        if (f <= current) {
            s.set(candidate);
            return f;
        }
        return current;
    }

    /** The penalized objective of §2 at {@code s}. */
    static double objective(MultiTaskData data, TenMtlOptions o, TuckerState s) {
        double f = 0;
        for (int i = 0; i < data.taskCount(); i++) {
            TaskData t = data.task(i);
            double[] beta = s.beta(i);
            double loss = 0;
            for (int r = 0; r < t.rows(); r++) {
                double eta = s.b[i];
                for (int j = 0; j < beta.length; j++) eta += t.x().get(r, j) * beta[j];
                loss += o.family().loss(t.y(r), eta);
            }
            f += loss / t.rows();
        }
        for (double[][] u : s.factors) f += o.lambda() * l1(u) + 0.5 * o.factorRidge() * sumSquares(u);
        f += o.lambda() * l1(s.core) + 0.5 * o.factorRidge() * sumSquares(s.core);
        int first = o.shared() ? 1 : 0;
        for (double[] row : s.u0) {
            for (int a = first; a < row.length; a++) f += o.lambda() * Math.abs(row[a]) + 0.5 * taskRidge(o) * row[a] * row[a];
        }
        return f;
    }

    /** U_m block, pooled over tasks with weights 1/n_i. */
    private static TuckerState updateFactor(MultiTaskData data, TenMtlOptions o, TuckerState s, int m) {
        double[] start = s.vecFactor(m);
        Pooled d = pooled(data, (i, x, row) -> s.factorRow(m, i, x, row), start.length, s);
        LassoGlm.Fit f = LassoGlm.fit(d.problem(o, null, o.factorRidge()), 0.0, start, INNER_TOLERANCE, INNER_PASSES);
        TuckerState c = s.copy();
        c.unvecFactor(m, f.beta());
        return c;
    }

    /** Core block: design row u0_i (outer) H_it. */
    private static TuckerState updateCore(MultiTaskData data, TenMtlOptions o, TuckerState s) {
        double[] start = s.vecCore();
        Pooled d = pooled(data, s::coreRow, start.length, s);
        LassoGlm.Fit f = LassoGlm.fit(d.problem(o, null, o.factorRidge()), 0.0, start, INNER_TOLERANCE, INNER_PASSES);
        TuckerState c = s.copy();
        c.unvecCore(f.beta());
        return c;
    }

    /**
     * Task block (f_i and b_i together, on task i's rows only): eta = b_i + [shared part] + f_i^T (G_f H_it); the
     * intercept is the GLM's unpenalized intercept.
     */
    private static TuckerState updateTask(MultiTaskData data, TenMtlOptions o, TuckerState s, int i) {
        TaskData t = data.task(i);
        int r0 = s.taskRank();
        int first = o.shared() ? 1 : 0;
        int free = r0 - first;
        int n = t.rows();
        double[] offset = new double[n];
        double[][] rows = new double[n][free];
        for (int r = 0; r < n; r++) {
            double[] g = s.taskRow(s.project(t.x().row(r)));
            for (int a = 0; a < r0; a++) {
                if (a < first) offset[r] += s.u0[i][a] * g[a];
                else rows[r][a - first] = g[a];
            }
        }
        // With no free columns (R0 = 1 under the split) this is an intercept-only GLM: the same call covers it.
        double[] start = new double[free];
        for (int a = 0; a < free; a++) start[a] = s.u0[i][a + first];
        // LassoGlm's default weights 1/n_i and its (ridge/2)||beta||^2 match this task's share of the objective exactly.
        LassoGlm.Problem pr = new LassoGlm.Problem(DenseMatrix.fromRows(rows), t.y(), offset, null, o.family(), o.lambda(), null,
                taskRidge(o), true);
        LassoGlm.Fit f = LassoGlm.fit(pr, s.b[i], start, INNER_TOLERANCE, INNER_PASSES);
        TuckerState c = s.copy();
        for (int a = 0; a < free; a++) c.u0[i][a + first] = f.beta()[a];
        c.b[i] = f.intercept();
        return c;
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

    private static Pooled pooled(MultiTaskData data, RowBuilder builder, int width, TuckerState s) {
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

    private static TuckerState randomStart(MultiTaskData data, TenMtlOptions o) {
        SplittableRandom r = new SplittableRandom(o.seed());
        int[] dims = o.shape().resolve(data.featureCount());
        int[] ranks = o.featureRanks(dims);
        double[][][] factors = new double[dims.length][][];
        int coreWidth = 1;
        for (int m = 0; m < dims.length; m++) {
            double[][] gauss = new double[dims[m]][ranks[m]];
            for (double[] row : gauss) for (int j = 0; j < row.length; j++) row[j] = r.nextGaussian();
            factors[m] = toRows(MatrixOps.leadingLeftSingularVectors(DenseMatrix.fromRows(gauss), ranks[m]));
            coreWidth *= ranks[m];
        }
        double[][] g = new double[o.taskRank()][coreWidth];
        for (double[] row : g) for (int j = 0; j < row.length; j++) row[j] = 0.1 * r.nextGaussian();
        int n = data.taskCount();
        double[][] u0 = new double[n][o.taskRank()];
        for (double[] row : u0) {
            for (int a = 0; a < row.length; a++) row[a] = o.shared() && a == 0 ? 1.0 : 0.1 * r.nextGaussian();
        }
        double[] b = new double[n];
        for (int i = 0; i < n; i++) b[i] = data.task(i).responseMean();
        return new TuckerState(dims, ranks, factors, g, u0, b);
    }

    static double[][] toRows(DenseMatrix m) {
        double[][] out = new double[m.rows()][];
        for (int i = 0; i < m.rows(); i++) out[i] = m.row(i);
        return out;
    }

    /** Ridge on the distinct task factors F0: the spec's small mu plus the factor ridge (which must reach every factor). */
    private static double taskRidge(TenMtlOptions o) {
        return o.ridgeF() + o.factorRidge();
    }

    private static double sumSquares(double[][] a) {
        double s = 0;
        for (double[] row : a) for (double v : row) s += v * v;
        return s;
    }

    private static double l1(double[][] a) {
        double s = 0;
        for (double[] row : a) for (double v : row) s += Math.abs(v);
        return s;
    }

}
