package certus.formulations.miqp;

import certus.formulations.ZbarLinearization;
import certus.smtl.SmtlProblem;
import certus.smtl.SmtlSolution;
import certus.solver.IndicatorConstraint;
import certus.solver.LeastSquaresTerm;
import certus.solver.LinearConstraint;
import certus.solver.LinearExpression;
import certus.solver.Model;
import certus.solver.ModelBuilder;
import certus.solver.Objective;
import certus.solver.QuadraticTerm;
import certus.solver.RotatedConeConstraint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sMTL problem as one MIQP (exact.md §1-§3) on intercept-profiled data, and the map between its variables
 * and (B, z). The objective equals F exactly, constants included, so the backend's bound is a bound on F:
 * <pre>
 *   sum_k 1/(2 n_k) ||yc_k - Xc_k beta_k||^2     least-squares rows (factored to p rows when n_k &gt; p)
 * + ridge/2 sum beta^2                            (or ridge/2 sum t with cones beta^2 &lt;= t z: perspective)
 * + bbar/2 sum_kj (beta_kj - betabar_j)^2            least-squares rows
 * + zbar/2 ZBAR(z)                                 exact linear form ({@link ZbarLinearization})
 * </pre>
 * A coefficient of a column that is constant within its task has no variable (it is fixed at 0); under common
 * support one binary per feature is shared by all tasks and a feature constant in any task is never selected.
 */
final class MiqpModel {
    private final Model model;
    private final int[][] beta;
    private final int[][] z;
    private final int[][] t;

    private MiqpModel(Model model, int[][] beta, int[][] z, int[][] t) {
        this.model = model;
        this.beta = beta;
        this.z = z;
        this.t = t;
    }

    Model model() { return model; }

    static MiqpModel build(SmtlProblem problem, CenteredTask[] tasks, CoefficientBounds bounds, LinkMode link, SmtlSolution hint) {
        int kCount = problem.taskCount();
        int p = problem.featureCount();
        ModelBuilder b = new ModelBuilder("smtl-" + problem.variant().displayName() + "-" + link.name().toLowerCase(java.util.Locale.ROOT));
        int[][] beta = new int[kCount][p];
        int[][] z = new int[kCount][p];
        int[][] t = new int[kCount][p];
        for (int[] row : t) Arrays.fill(row, -1);
        boolean common = problem.commonSupport();
        int[] shared = common ? sharedBinaries(problem, b) : null;
        LinearExpression.Builder linear = LinearExpression.builder();
        List<QuadraticTerm> quadratic = new ArrayList<>();
        List<LeastSquaresTerm> losses = new ArrayList<>();
        for (int k = 0; k < kCount; k++) {
            for (int j = 0; j < p; j++) {
                if (!problem.selectable(k, j)) {
                    beta[k][j] = -1;
                    z[k][j] = -1;
                    continue;
                }
                double m = bounds.m()[k][j];
                boolean bounded = link != LinkMode.INDICATORS;
                beta[k][j] = b.addContinuous("beta_" + k + "_" + j, bounded ? -m : Double.NEGATIVE_INFINITY, bounded ? m : Double.POSITIVE_INFINITY);
                z[k][j] = common ? shared[j] : b.addBinary("z_" + k + "_" + j);
                link(b, link, beta[k][j], z[k][j], m, k, j);
                if (link == LinkMode.PERSPECTIVE) {
                    // t = beta^2 <= M^2 at every optimum. A finite bound matters: SCIP reformulates the product t*z
                    // of the cone through t's bounds, and with t unbounded it proved a wrong optimum (5.80 for a
                    // true 3.83 on a CS+L2 instance, see MiqpSolverScipTest).
                    t[k][j] = b.addContinuous("t_" + k + "_" + j, 0.0, m * m);
                    b.addCone(new RotatedConeConstraint("persp_" + k + "_" + j, t[k][j], z[k][j], new int[]{beta[k][j]}));
                    linear.add(t[k][j], problem.ridge() / 2.0);
                } else if (problem.ridge() > 0) {
                    quadratic.add(new QuadraticTerm(beta[k][j], beta[k][j], problem.ridge() / 2.0));
                }
            }
            losses.add(loss(tasks[k], beta[k], linear));
        }
        addBbar(problem, beta, losses);
        addCardinality(problem, b, z, shared);
        ZbarLinearization zbar = null;
        if (problem.zbar() > 0 && !common && kCount > 1) {
            zbar = ZbarLinearization.add(b, z, problem.zbar(), ZbarLinearization.defaultForm(kCount));
            linear.add(zbar.objective(), 1.0);
        }
        b.objective(new Objective(linear.build(), quadratic, losses));
        MiqpModel shell = new MiqpModel(null, beta, z, t);
        if (hint != null) b.hint(shell.hintVector(b.variableCount(), hint, zbar));
        return new MiqpModel(b.build(), beta, z, t);
    }

    private static int[] sharedBinaries(SmtlProblem problem, ModelBuilder b) {
        int[] u = new int[problem.featureCount()];
        for (int j = 0; j < u.length; j++) u[j] = problem.selectable(0, j) ? b.addBinary("u_" + j) : -1;
        return u;
    }

    private static void link(ModelBuilder b, LinkMode link, int beta, int z, double m, int k, int j) {
        String id = k + "_" + j;
        if (link == LinkMode.INDICATORS) {
            b.addIndicator(new IndicatorConstraint("ind_" + id, z, false, LinearConstraint.equal("off_" + id, LinearExpression.term(beta, 1.0), 0.0)));
            return;
        }
        if (Double.isFinite(m)) {
            b.addConstraint(LinearConstraint.lessEqual("mup_" + id, LinearExpression.builder().add(beta, 1.0).add(z, -m).build(), 0.0));
            b.addConstraint(LinearConstraint.greaterEqual("mlo_" + id, LinearExpression.builder().add(beta, 1.0).add(z, m).build(), 0.0));
        }
    }

    /** 1/(2n) ||yc - Xc beta||^2, factored when compact; the factor's constant goes into {@code linear}. */
    private static LeastSquaresTerm loss(CenteredTask task, int[] beta, LinearExpression.Builder linear) {
        int[] active = Arrays.stream(beta).filter(v -> v >= 0).toArray();
        int[] columns = new int[active.length];
        for (int j = 0, a = 0; j < beta.length; j++) if (beta[j] >= 0) columns[a++] = j;
        double weight = 1.0 / (2.0 * task.rows);
        List<LinearExpression> rows = new ArrayList<>();
        CenteredTask.Factor f = task.factor(columns);
        if (f != null) {
            for (int i = 0; i < columns.length; i++) {
                LinearExpression.Builder row = LinearExpression.builder().addConstant(-f.d()[i]);
                for (int c = i; c < columns.length; c++) row.add(active[c], f.r()[i][c]);
                rows.add(row.build());
            }
            linear.addConstant(weight * f.c0());
        } else {
            for (int i = 0; i < task.rows; i++) {
                LinearExpression.Builder row = LinearExpression.builder().addConstant(task.yc[i]);
                for (int c = 0; c < columns.length; c++) row.add(active[c], -task.xc.get(i, columns[c]));
                rows.add(row.build());
            }
        }
        return new LeastSquaresTerm(weight, rows);
    }

    /**
     * bbar/2 sum_kj (beta_kj - betabar_j)^2 as least-squares rows (one per task and feature). Written as explicit
     * cross terms the same form made SCIP time out on ten binaries (it did not see the Hessian as convex);
     * as rows it is bridged to a diagonal quadratic whose convexity is evident.
     */
    private static void addBbar(SmtlProblem problem, int[][] beta, List<LeastSquaresTerm> losses) {
        double lam = problem.bbar();
        int kCount = beta.length;
        if (lam <= 0 || kCount < 2) return;
        List<LinearExpression> rows = new ArrayList<>();
        for (int j = 0; j < beta[0].length; j++) {
            for (int k = 0; k < kCount; k++) {
                LinearExpression.Builder row = LinearExpression.builder();
                for (int l = 0; l < kCount; l++) {
                    if (beta[l][j] >= 0) row.add(beta[l][j], (l == k ? 1.0 : 0.0) - 1.0 / kCount);
                }
                LinearExpression e = row.build();
                if (e.size() > 0) rows.add(e);
            }
        }
        losses.add(new LeastSquaresTerm(lam / 2.0, rows));
    }

    private static void addCardinality(SmtlProblem problem, ModelBuilder b, int[][] z, int[] shared) {
        if (shared != null) {
            LinearExpression.Builder row = LinearExpression.builder();
            for (int u : shared) if (u >= 0) row.add(u, 1.0);
            b.addConstraint(LinearConstraint.lessEqual("card", row.build(), problem.s()));
            return;
        }
        for (int k = 0; k < z.length; k++) {
            LinearExpression.Builder row = LinearExpression.builder();
            for (int v : z[k]) if (v >= 0) row.add(v, 1.0);
            b.addConstraint(LinearConstraint.lessEqual("card_" + k, row.build(), problem.s()));
        }
    }

    private double[] hintVector(int size, SmtlSolution hint, ZbarLinearization zbar) {
        double[] x = new double[size];
        boolean[][] support = new boolean[beta.length][];
        for (int k = 0; k < beta.length; k++) {
            support[k] = new boolean[beta[k].length];
            for (int j = 0; j < beta[k].length; j++) {
                if (beta[k][j] < 0) continue;
                boolean in = hint.inSupport(k, j);
                support[k][j] = in;
                double v = in ? hint.coefficient(k, j) : 0.0;
                x[beta[k][j]] = v;
                x[z[k][j]] = in ? 1.0 : 0.0;
                if (t[k][j] >= 0) x[t[k][j]] = v * v;
            }
        }
        if (zbar != null) zbar.fillHint(x, support);
        return x;
    }

    /** Supports read from the binaries of a solver point (z &gt; 0.5). */
    boolean[][] supports(double[] values) {
        boolean[][] out = new boolean[z.length][];
        for (int k = 0; k < z.length; k++) {
            out[k] = new boolean[z[k].length];
            for (int j = 0; j < z[k].length; j++) out[k][j] = z[k][j] >= 0 && values[z[k][j]] > 0.5;
        }
        return out;
    }

    /** Whether a coefficient of the solver point sits at its big-M bound (the M may have cut off the optimum). */
    boolean atBound(double[] values, CoefficientBounds bounds) {
        for (int k = 0; k < beta.length; k++) {
            for (int j = 0; j < beta[k].length; j++) {
                if (beta[k][j] >= 0 && Math.abs(values[beta[k][j]]) >= (1 - 1e-6) * bounds.m()[k][j]) return true;
            }
        }
        return false;
    }
}
