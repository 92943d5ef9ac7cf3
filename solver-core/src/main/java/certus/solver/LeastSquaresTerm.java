package certus.solver;

import java.util.List;

/**
 * {@code weight * sum_r rows[r](x)^2}: a convex quadratic in factor form, e.g. {@code 1/(2n) ||y - X beta||^2}
 * with one affine row per observation. Backends need not form the dense Hessian: the residual bridge
 * ({@link Bridges#residualForm}) introduces one free variable per row and a diagonal quadratic, which is the form
 * SCIP solves fastest (see ../shared/design.md).
 */
public record LeastSquaresTerm(double weight, List<LinearExpression> rows) {
    public LeastSquaresTerm {
        rows = List.copyOf(rows);
    }

    public double evaluate(double[] x) {
        double s = 0;
        for (LinearExpression r : rows) {
            double v = r.evaluate(x);
            s += v * v;
        }
        return weight * s;
    }
}
