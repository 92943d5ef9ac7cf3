package certus.solver;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites of a model into the form a backend takes best (MathOptInterface calls these bridges). Bridged models
 * keep the original variables first, in order, so a solution maps back by truncation ({@link Bridged#restrict}).
 */
public final class Bridges {
    private Bridges() {}

    /** A rewritten model and how many of its leading variables are the original ones. */
    public record Bridged(Model model, int originalVariables) {
        /** The original variables' values from a point of the bridged model. */
        public double[] restrict(double[] bridgedValues) {
            return bridgedValues == null ? null : java.util.Arrays.copyOf(bridgedValues, originalVariables);
        }
    }

    /**
     * Least-squares terms become one free variable per row, {@code r = row(x)} as an equality, and
     * {@code weight * r^2} as a diagonal quadratic term. Hints are extended with the rows' values.
     */
    public static Bridged residualForm(Model m) {
        if (m.objective().leastSquares().isEmpty()) return new Bridged(m, m.variableCount());
        ModelBuilder b = copyVariables(m);
        m.constraints().forEach(b::addConstraint);
        m.indicators().forEach(b::addIndicator);
        m.cones().forEach(b::addCone);
        List<QuadraticTerm> quadratic = new ArrayList<>(m.objective().quadratic());
        double[] hint = m.hint();
        List<Double> extraHint = new ArrayList<>();
        int t = 0;
        for (LeastSquaresTerm term : m.objective().leastSquares()) {
            int row = 0;
            for (LinearExpression e : term.rows()) {
                int r = b.addContinuous("ls" + t + "_r" + row, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
                // r - (a^T x) = constant  <=>  r = a^T x + constant
                LinearExpression def = LinearExpression.builder().add(r, 1.0).add(e.withoutConstant(), -1.0).build();
                b.addConstraint(LinearConstraint.equal("ls" + t + "_def" + row, def, e.constant()));
                quadratic.add(new QuadraticTerm(r, r, term.weight()));
                if (hint != null) extraHint.add(e.evaluate(hint));
                row++;
            }
            t++;
        }
        b.objective(new Objective(m.objective().linear(), quadratic, List.of()));
        if (hint != null) b.hint(extend(hint, extraHint));
        return new Bridged(b.build(), m.variableCount());
    }

    /** Least-squares terms expanded into explicit quadratic and linear terms (dense in each row's support). */
    public static Bridged quadraticForm(Model m) {
        if (m.objective().leastSquares().isEmpty()) return new Bridged(m, m.variableCount());
        java.util.Map<Long, Double> q = new java.util.LinkedHashMap<>();
        for (QuadraticTerm term : m.objective().quadratic()) q.merge(key(term.first(), term.second()), term.coefficient(), Double::sum);
        LinearExpression.Builder linear = LinearExpression.builder().add(m.objective().linear(), 1.0);
        for (LeastSquaresTerm term : m.objective().leastSquares()) {
            double w = term.weight();
            for (LinearExpression e : term.rows()) {
                // w (a^T x + c)^2 = w sum_ij a_i a_j x_i x_j + 2 w c a^T x + w c^2
                for (int i = 0; i < e.size(); i++) {
                    q.merge(key(e.variable(i), e.variable(i)), w * e.coefficient(i) * e.coefficient(i), Double::sum);
                    for (int j = i + 1; j < e.size(); j++) {
                        q.merge(key(e.variable(i), e.variable(j)), 2 * w * e.coefficient(i) * e.coefficient(j), Double::sum);
                    }
                    linear.add(e.variable(i), 2 * w * e.constant() * e.coefficient(i));
                }
                linear.addConstant(w * e.constant() * e.constant());
            }
        }
        List<QuadraticTerm> quadratic = new ArrayList<>();
        q.forEach((k, v) -> { if (v != 0.0) quadratic.add(new QuadraticTerm((int) (k >>> 32), (int) (long) k, v)); });
        ModelBuilder b = copyVariables(m);
        m.constraints().forEach(b::addConstraint);
        m.indicators().forEach(b::addIndicator);
        m.cones().forEach(b::addCone);
        b.objective(new Objective(linear.build(), quadratic, List.of()));
        if (m.hasHint()) b.hint(m.hint());
        return new Bridged(b.build(), m.variableCount());
    }

    private static long key(int i, int j) {
        int a = Math.min(i, j);
        int c = Math.max(i, j);
        return ((long) a << 32) | (c & 0xffffffffL);
    }

    private static ModelBuilder copyVariables(Model m) {
        ModelBuilder b = new ModelBuilder(m.name());
        for (Variable v : m.variables()) b.addVariable(v.name(), v.type(), v.lower(), v.upper());
        return b;
    }

    private static double[] extend(double[] base, List<Double> more) {
        double[] out = java.util.Arrays.copyOf(base, base.length + more.size());
        for (int i = 0; i < more.size(); i++) out[base.length + i] = more.get(i);
        return out;
    }
}
