package certus.formulations.miqp;

import certus.formulations.MKind;
import certus.smtl.SmtlProblem;
import certus.smtl.SmtlSolution;

/**
 * Big-M values per coefficient and how trustworthy they are (exact.md §1.1).
 *
 * <ol>
 *   <li>ridge &gt; 0: every optimal solution has (ridge/2) sum beta^2 &lt;= F* &lt;= UB, so
 *       |beta_kj| &lt;= sqrt(2 UB / ridge) — PROVEN, for every variant.</li>
 *   <li>ridge &gt; 0 and bbar = 0: for any support the optimal coefficients solve (G/n + ridge I) beta = c/n, so
 *       ||beta_S|| &lt;= ||c_S|| / (n ridge) &lt;= sqrt(s) max_j |xc_j^T yc| / (n ridge) — PROVEN, often much tighter.
 *       (Zbar does not change the coefficients for a given support, so this holds for Zbar variants too.)</li>
 *   <li>ridge = 0: nothing follows from the objective; a heuristic M = 1.5 max |beta_heur| (at least 1) that
 *       the solver must be shown not to hit — CHECKED, and the optimality it supports is conditional.</li>
 * </ol>
 *
 * @param m    M per task and feature
 * @param kind PROVEN or CHECKED
 */
record CoefficientBounds(double[][] m, MKind kind) {
    /** Multiplier of the heuristic rule (the sMTL simulations use 1.5). */
    static final double HEURISTIC_MULTIPLIER = 1.5;

    static CoefficientBounds choose(SmtlProblem problem, CenteredTask[] tasks, double upperBound, SmtlSolution warmStart) {
        int kCount = problem.taskCount();
        int p = problem.featureCount();
        double[][] m = new double[kCount][p];
        if (problem.ridge() > 0) {
            double safe = Math.sqrt(2.0 * Math.max(upperBound, 0.0) / problem.ridge());
            for (int k = 0; k < kCount; k++) {
                double perTask = Double.POSITIVE_INFINITY;
                if (problem.bbar() == 0) {
                    double maxCross = 0;
                    for (int j = 0; j < p; j++) maxCross = Math.max(maxCross, tasks[k].absCrossProduct(j));
                    perTask = Math.sqrt(problem.s()) * maxCross / (tasks[k].rows * problem.ridge());
                }
                java.util.Arrays.fill(m[k], Math.min(safe, perTask));
            }
            return new CoefficientBounds(m, MKind.PROVEN);
        }
        double largest = 0;
        if (warmStart != null) {
            for (int k = 0; k < kCount; k++) for (int j = 0; j < p; j++) largest = Math.max(largest, Math.abs(warmStart.coefficient(k, j)));
        }
        double heuristic = Math.max(1.0, HEURISTIC_MULTIPLIER * largest);
        for (double[] row : m) java.util.Arrays.fill(row, heuristic);
        return new CoefficientBounds(m, MKind.CHECKED);
    }

    /** Every M multiplied by {@code factor} (a binding heuristic M is doubled and the model re-solved). */
    CoefficientBounds scaled(double factor) {
        double[][] out = new double[m.length][];
        for (int k = 0; k < m.length; k++) {
            out[k] = m[k].clone();
            for (int j = 0; j < out[k].length; j++) out[k][j] *= factor;
        }
        return new CoefficientBounds(out, kind);
    }

    double max() {
        double v = 0;
        for (double[] row : m) for (double x : row) v = Math.max(v, x);
        return v;
    }
}
