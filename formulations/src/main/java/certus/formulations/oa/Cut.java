package certus.formulations.oa;

import certus.solver.LinearConstraint;
import certus.solver.LinearExpression;

/**
 * One outer-approximation cut {@code eta >= value + sum_kj slope_kj (z_kj - z0_kj)}: a subgradient inequality
 * of a convex extension of c (exact.md §4.1), so it under-estimates c at every binary Z and is tight at Z0.
 *
 * @param task   the task whose eta_k it bounds, or {@link #AGGREGATED} for the single eta of the coupled case
 * @param value  c(Z0) (of task {@code task}, or of all tasks when aggregated)
 * @param slopes K x p subgradient; rows of other tasks are zero for a per-task cut
 * @param point  the binary point Z0 the cut was generated at
 */
public record Cut(int task, double value, double[][] slopes, boolean[][] point) {
    /** Task index of a cut on the single aggregated eta. */
    public static final int AGGREGATED = -1;

    public boolean aggregated() {
        return task == AGGREGATED;
    }

    /** The cut's right-hand side at a (possibly fractional) point z. */
    public double evaluate(double[][] z) {
        double v = value;
        for (int k = 0; k < slopes.length; k++) {
            for (int j = 0; j < slopes[k].length; j++) {
                if (slopes[k][j] != 0.0) v += slopes[k][j] * (z[k][j] - (point[k][j] ? 1.0 : 0.0));
            }
        }
        return v;
    }

    /** The cut's right-hand side at a binary point z. */
    public double evaluate(boolean[][] z) {
        double v = value;
        for (int k = 0; k < slopes.length; k++) {
            for (int j = 0; j < slopes[k].length; j++) {
                if (z[k][j] != point[k][j]) v += z[k][j] ? slopes[k][j] : -slopes[k][j];
            }
        }
        return v;
    }

    /**
     * The row {@code eta - sum slope_kj z_kj >= value - sum slope_kj z0_kj} over the master's variables.
     *
     * @param etaVariable index of the eta this cut bounds
     * @param zVariables  index of z_kj (K x p)
     */
    public LinearConstraint toConstraint(String name, int etaVariable, int[][] zVariables) {
        LinearExpression.Builder e = LinearExpression.builder().add(etaVariable, 1.0);
        double rhs = value;
        for (int k = 0; k < slopes.length; k++) {
            for (int j = 0; j < slopes[k].length; j++) {
                double a = slopes[k][j];
                if (a == 0.0) continue;
                e.add(zVariables[k][j], -a);
                if (point[k][j]) rhs -= a;
            }
        }
        return LinearConstraint.greaterEqual(name, e.build(), rhs);
    }
}
