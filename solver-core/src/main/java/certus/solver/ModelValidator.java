package certus.solver;

/**
 * Checks a model before any backend sees it, and measures how far a point is from feasibility. Every message
 * names the variable or constraint.
 */
final class ModelValidator {
    /** Integrality tolerance used by {@link #maxViolation}. */
    static final double INTEGRALITY_TOLERANCE = 1e-6;

    private ModelValidator() {}

    static void validate(Model m) {
        int n = m.variableCount();
        for (Variable v : m.variables()) {
            if (Double.isNaN(v.lower()) || Double.isNaN(v.upper())) throw new ModelException("variable " + v.name() + ": NaN bound");
            if (v.lower() > v.upper()) throw new ModelException("variable " + v.name() + ": lower bound " + v.lower() + " > upper bound " + v.upper());
            if (v.type() == VarType.BINARY && (v.lower() < 0 || v.upper() > 1)) {
                throw new ModelException("binary variable " + v.name() + " has bounds [" + v.lower() + ", " + v.upper() + "] outside [0, 1]");
            }
        }
        for (LinearConstraint c : m.constraints()) checkRow(c, n, "constraint " + c.name());
        for (IndicatorConstraint c : m.indicators()) {
            checkIndex(c.binary(), n, "indicator " + c.name());
            if (m.variable(c.binary()).type() != VarType.BINARY) throw new ModelException("indicator " + c.name() + ": variable " + m.variable(c.binary()).name() + " is not binary");
            checkRow(c.constraint(), n, "indicator " + c.name());
        }
        for (RotatedConeConstraint c : m.cones()) {
            checkIndex(c.u(), n, "cone " + c.name());
            checkIndex(c.v(), n, "cone " + c.name());
            for (int x : c.members()) checkIndex(x, n, "cone " + c.name());
            if (m.variable(c.u()).lower() < 0 || m.variable(c.v()).lower() < 0) {
                throw new ModelException("cone " + c.name() + ": the product variables must have lower bound >= 0");
            }
        }
        Objective o = m.objective();
        checkExpression(o.linear(), n, "objective");
        for (QuadraticTerm q : o.quadratic()) {
            checkIndex(q.first(), n, "objective quadratic term");
            checkIndex(q.second(), n, "objective quadratic term");
            checkFinite(q.coefficient(), "objective quadratic term (" + q.first() + ", " + q.second() + ")");
        }
        for (LeastSquaresTerm t : o.leastSquares()) {
            checkFinite(t.weight(), "least-squares weight");
            if (t.weight() < 0) throw new ModelException("least-squares weight " + t.weight() + " < 0 makes the objective non-convex");
            for (LinearExpression r : t.rows()) checkExpression(r, n, "least-squares row");
        }
        double[] hint = m.hint();
        if (hint != null && hint.length != n) throw new ModelException("hint has " + hint.length + " values, the model " + n + " variables");
    }

    private static void checkRow(LinearConstraint c, int n, String what) {
        checkExpression(c.expression(), n, what);
        if (Double.isNaN(c.lower()) || Double.isNaN(c.upper())) throw new ModelException(what + ": NaN bound");
        if (c.lower() > c.upper()) throw new ModelException(what + ": lower " + c.lower() + " > upper " + c.upper());
    }

    private static void checkExpression(LinearExpression e, int n, String what) {
        checkFinite(e.constant(), what + " constant");
        for (int i = 0; i < e.size(); i++) {
            checkIndex(e.variable(i), n, what);
            checkFinite(e.coefficient(i), what + " coefficient of variable " + e.variable(i));
        }
    }

    private static void checkIndex(int index, int n, String what) {
        if (index < 0 || index >= n) throw new ModelException(what + ": variable index " + index + " out of range [0, " + n + ")");
    }

    private static void checkFinite(double v, String what) {
        if (!Double.isFinite(v)) throw new ModelException(what + " is " + v);
    }

    static double maxViolation(Model m, double[] x) {
        if (x.length != m.variableCount()) throw new IllegalArgumentException("point has " + x.length + " values, model " + m.variableCount());
        double worst = 0;
        for (Variable v : m.variables()) {
            double xi = x[v.index()];
            worst = Math.max(worst, Math.max(v.lower() - xi, xi - v.upper()));
            if (v.isInteger()) worst = Math.max(worst, Math.abs(xi - Math.rint(xi)) > INTEGRALITY_TOLERANCE ? Math.abs(xi - Math.rint(xi)) : 0);
        }
        for (LinearConstraint c : m.constraints()) worst = Math.max(worst, c.violation(x));
        for (IndicatorConstraint c : m.indicators()) {
            boolean active = (x[c.binary()] > 0.5) == c.activeValue();
            if (active) worst = Math.max(worst, c.constraint().violation(x));
        }
        for (RotatedConeConstraint c : m.cones()) worst = Math.max(worst, c.violation(x));
        return worst;
    }
}
