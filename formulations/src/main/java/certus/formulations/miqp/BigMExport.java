package certus.formulations.miqp;

import certus.formulations.MKind;
import certus.smtl.SmtlProblem;
import certus.smtl.SmtlSolution;
import certus.solver.Model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Big-M MIQP that {@code certus certify --method bigm} solves, for writing to a file (MPS, LP) and solving
 * elsewhere: same model ({@link MiqpModel}, link BIG_M), same M rules ({@link CoefficientBounds#choose}) from the
 * same warm start. With ridge &gt; 0 the M is proven. With ridge = 0 certify would use indicator constraints on
 * SCIP, which files cannot carry portably, so the file holds the heuristic M that certify starts from on a backend
 * without indicators: CHECKED, and the file's optimum is the sMTL optimum only if no |beta| sits at M.
 *
 * <p>The L0L2 multi-task problem, which certify splits into independent per-task solves, is exported as one
 * joint model (same optimum: the tasks do not interact).
 *
 * @param model     the neutral model (objective = F exactly, constants included, on intercept-profiled data)
 * @param mKind     PROVEN or CHECKED
 * @param m         M per task and feature (NaN where the coefficient has no variable)
 * @param warmValue F at the warm start (the upper bound the ridge rule used)
 */
public record BigMExport(Model model, MKind mKind, double[][] m, double warmValue) {

    /** Builds the model; {@code warmStart} may be null (then the empty support's refit is the upper bound). */
    public static BigMExport of(SmtlProblem problem, SmtlSolution warmStart) {
        MiqpStart start = MiqpStart.of(problem, warmStart);
        CoefficientBounds bounds = start.bounds(problem);
        MiqpModel built = MiqpModel.build(problem, start.tasks(), bounds, LinkMode.BIG_M, start.point());
        double[][] m = new double[problem.taskCount()][];
        for (int k = 0; k < m.length; k++) {
            m[k] = bounds.m()[k].clone();
            for (int j = 0; j < m[k].length; j++) if (!problem.selectable(k, j)) m[k][j] = Double.NaN;
        }
        return new BigMExport(built.model(), bounds.kind(), m, start.value());
    }

    /** M per task and feature (a copy). */
    @Override
    public double[][] m() {
        double[][] out = new double[m.length][];
        for (int k = 0; k < m.length; k++) out[k] = m[k].clone();
        return out;
    }

    /** Largest M over the coefficients that have a variable. */
    public double maxM() {
        double v = 0;
        for (double[] row : m) for (double x : row) if (!Double.isNaN(x)) v = Math.max(v, x);
        return v;
    }

    /** Human-readable header lines for the file: what the model is, its M and how to read its variables. */
    public List<String> describe(SmtlProblem problem) {
        List<String> out = new ArrayList<>();
        out.add("Certus sMTL Big-M MIQP, variant " + problem.variant().displayName() + ": s=" + problem.s() + " ridge=" + problem.ridge()
                + " bbar=" + problem.bbar() + " zbar=" + problem.zbar() + (problem.commonSupport() ? " common-support" : ""));
        out.add("minimize F = sum_k 1/(2 n_k) ||y_k - b_k - X_k beta_k||^2 + ridge/2 sum ||beta_k||^2 + bbar/2 sum ||beta_k - betabar||^2"
                + " + zbar/2 sum ||z_k - zbar||^2; the objective equals F (constants included) at every feasible point.");
        out.add("intercepts are profiled out (data centered within each task): b_k = mean(y_k) - mean(X_k) beta_k.");
        StringBuilder perTask = new StringBuilder();
        for (int k = 0; k < m.length; k++) {
            double mk = 0;
            for (double x : m[k]) if (!Double.isNaN(x)) mk = Math.max(mk, x);
            perTask.append(k == 0 ? "" : ", ").append(problem.data().taskLabels().get(k)).append(' ').append(fmt(mk));
        }
        out.add("big-M: |beta_kj| <= M z_kj with M kind " + mKind.name().toLowerCase(Locale.ROOT) + ", per task: " + perTask
                + " (warm-start objective F_heur = " + fmt(warmValue) + ").");
        if (mKind == MKind.PROVEN) {
            out.add("M is PROVEN (ridge > 0: |beta| <= sqrt(2 F_heur / ridge), or the tighter per-task bound when bbar = 0): "
                    + "the optimum of this model is the sMTL optimum.");
        } else {
            out.add("M is CHECKED (ridge = 0: heuristic M = max(1, " + CoefficientBounds.HEURISTIC_MULTIPLIER + " max |beta_heur|)): "
                    + "the optimum of this model is the sMTL optimum only if no |beta_kj| sits at its M; otherwise re-solve "
                    + "with a larger M ('certus certify' does this, or uses indicator constraints).");
        }
        out.add("variables: beta_<k>_<j> coefficient, " + (problem.commonSupport() ? "u_<j> shared support binary" : "z_<k>_<j> support binary")
                + ", ls<t>_r<i> least-squares residuals (if written in residual form); other variables linearize the Zbar term.");
        out.add("tasks k: " + indexed(problem.data().taskLabels()));
        out.add("features j: " + indexed(problem.data().featureNames()));
        out.add("features constant within a task have no variable for that task (coefficient fixed at 0).");
        return out;
    }

    private static String indexed(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) sb.append(i % 10 == 0 ? "\n  " : ", ");
            sb.append(i).append('=').append(names.get(i));
        }
        return sb.toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.9g", v);
    }
}
