package certus.solver;

import java.util.List;
import java.util.Objects;

/**
 * Minimize {@code linear(x) + sum quadratic + sum leastSquares}. The quadratic part must be convex (positive
 * semi-definite) for MIQP backends; formulations only build convex objectives. Maximization is not offered:
 * every Certus model is a minimization.
 */
public record Objective(LinearExpression linear, List<QuadraticTerm> quadratic, List<LeastSquaresTerm> leastSquares) {
    public Objective {
        Objects.requireNonNull(linear, "linear");
        quadratic = List.copyOf(quadratic);
        leastSquares = List.copyOf(leastSquares);
    }

    public static Objective linear(LinearExpression e) {
        return new Objective(e, List.of(), List.of());
    }

    public boolean isLinear() {
        return quadratic.isEmpty() && leastSquares.isEmpty();
    }

    public double evaluate(double[] x) {
        double v = linear.evaluate(x);
        for (QuadraticTerm q : quadratic) v += q.coefficient() * x[q.first()] * x[q.second()];
        for (LeastSquaresTerm t : leastSquares) v += t.evaluate(x);
        return v;
    }
}
