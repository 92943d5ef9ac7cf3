package certus.solver;

import java.util.Objects;

/**
 * {@code lower <= expression <= upper}; either side may be infinite, equal sides make an equality. A constant in
 * the expression is allowed and simply shifts both sides.
 */
public record LinearConstraint(String name, LinearExpression expression, double lower, double upper) {
    public LinearConstraint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expression, "expression");
    }

    public static LinearConstraint lessEqual(String name, LinearExpression e, double rhs) {
        return new LinearConstraint(name, e, Double.NEGATIVE_INFINITY, rhs);
    }

    public static LinearConstraint greaterEqual(String name, LinearExpression e, double rhs) {
        return new LinearConstraint(name, e, rhs, Double.POSITIVE_INFINITY);
    }

    public static LinearConstraint equal(String name, LinearExpression e, double rhs) {
        return new LinearConstraint(name, e, rhs, rhs);
    }

    /** Bounds on the expression without its constant (what backends take as row bounds). */
    public double rowLower() { return lower - expression.constant(); }

    public double rowUpper() { return upper - expression.constant(); }

    /** Violation at x (0 when satisfied). */
    public double violation(double[] x) {
        double v = expression.evaluate(x);
        return Math.max(0.0, Math.max(lower - v, v - upper));
    }
}
