package certus.smtl;

import certus.data.TaskData;
import certus.tensor.DenseMatrix;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place the sMTL objective is computed. Every solver — heuristic or exact — reports the value this
 * class returns, so all of Certus agrees on what "the objective" is:
 *
 * <pre>
 * F(b, B, z) = sum_k 1/(2 n_k) ||y_k - b_k 1 - X_k beta_k||^2
 *            + ridge/2 sum_k ||beta_k||^2
 *            + bbar/2  sum_k ||beta_k - betabar||^2
 *            + zbar/2  sum_k ||z_k - zbar_vec||^2
 * </pre>
 * with betabar and zbar_vec the means over tasks. It is computed from the raw data (residuals formed
 * directly, never through Gram-matrix identities) so that it is an independent check on solvers that use them.
 * Feasibility (|z_k| &lt;= s, beta_kj = 0 where z_kj = 0, common support, no constant columns) is checked by
 * {@link #violations}.
 */
public final class ObjectiveEvaluator {
    private ObjectiveEvaluator() {}

    public static double value(SmtlProblem problem, SmtlSolution solution) {
        return evaluate(problem, solution).total();
    }

    public static ObjectiveValue evaluate(SmtlProblem problem, SmtlSolution solution) {
        int kCount = problem.taskCount();
        int p = problem.featureCount();
        if (solution.taskCount() != kCount || solution.featureCount() != p) {
            throw new IllegalArgumentException("solution has " + solution.taskCount() + " tasks x " + solution.featureCount()
                    + " features, problem has " + kCount + " x " + p);
        }
        double loss = 0;
        double ridgeSq = 0;
        for (int k = 0; k < kCount; k++) {
            TaskData t = problem.data().task(k);
            loss += squaredResidual(t, solution.intercept(k), solution.coefficients(k)) / (2.0 * t.rows());
            for (int j = 0; j < p; j++) {
                double b = solution.coefficient(k, j);
                ridgeSq += b * b;
            }
        }
        double bbarSq = 0;
        double zbarSq = 0;
        for (int j = 0; j < p; j++) {
            double meanBeta = 0;
            double meanZ = 0;
            for (int k = 0; k < kCount; k++) {
                meanBeta += solution.coefficient(k, j);
                meanZ += solution.inSupport(k, j) ? 1 : 0;
            }
            meanBeta /= kCount;
            meanZ /= kCount;
            for (int k = 0; k < kCount; k++) {
                double db = solution.coefficient(k, j) - meanBeta;
                double dz = (solution.inSupport(k, j) ? 1 : 0) - meanZ;
                bbarSq += db * db;
                zbarSq += dz * dz;
            }
        }
        return new ObjectiveValue(loss, 0.5 * problem.ridge() * ridgeSq, 0.5 * problem.bbar() * bbarSq,
                0.5 * problem.zbar() * zbarSq);
    }

    /** ||y - b - X beta||^2 for one task, formed row by row from the raw data. */
    static double squaredResidual(TaskData t, double intercept, double[] beta) {
        DenseMatrix x = t.x();
        double[] fitted = new double[t.rows()];
        x.timesInto(beta, fitted);
        double ss = 0;
        for (int i = 0; i < fitted.length; i++) {
            double r = t.y(i) - intercept - fitted[i];
            ss += r * r;
        }
        return ss;
    }

    /** Human-readable constraint violations; empty when the point is feasible. */
    public static List<String> violations(SmtlProblem problem, SmtlSolution solution) {
        List<String> out = new ArrayList<>();
        int kCount = problem.taskCount();
        int p = problem.featureCount();
        if (solution.taskCount() != kCount || solution.featureCount() != p) {
            out.add("shape " + solution.taskCount() + "x" + solution.featureCount() + " does not match problem " + kCount + "x" + p);
            return out;
        }
        List<String> labels = problem.data().taskLabels();
        List<String> names = problem.data().featureNames();
        for (int k = 0; k < kCount; k++) {
            if (!Double.isFinite(solution.intercept(k))) out.add("task '" + labels.get(k) + "': intercept is not finite");
            int size = solution.supportSize(k);
            if (size > problem.s()) out.add("task '" + labels.get(k) + "': support size " + size + " exceeds s=" + problem.s());
            for (int j = 0; j < p; j++) {
                double b = solution.coefficient(k, j);
                if (!Double.isFinite(b)) out.add("task '" + labels.get(k) + "' feature '" + names.get(j) + "': coefficient is not finite");
                if (b != 0.0 && !solution.inSupport(k, j)) {
                    out.add("task '" + labels.get(k) + "' feature '" + names.get(j) + "': nonzero coefficient " + b + " outside the support");
                }
                if (solution.inSupport(k, j) && problem.data().isConstant(k, j)) {
                    out.add("task '" + labels.get(k) + "' feature '" + names.get(j) + "': constant column selected");
                }
                if (problem.commonSupport() && k > 0 && solution.inSupport(k, j) != solution.inSupport(0, j)) {
                    out.add("feature '" + names.get(j) + "': common support violated between tasks '" + labels.get(0) + "' and '"
                            + labels.get(k) + "'");
                }
            }
        }
        return out;
    }

    public static boolean isFeasible(SmtlProblem problem, SmtlSolution solution) {
        return violations(problem, solution).isEmpty();
    }
}
