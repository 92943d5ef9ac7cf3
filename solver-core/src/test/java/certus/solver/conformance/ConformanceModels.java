package certus.solver.conformance;

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
import java.util.List;
import java.util.Random;

/**
 * The conformance models and their independently derived optima (enumeration or closed forms computed here, never
 * by a solver). Public so other backends' suites and tests can reuse them.
 */
public final class ConformanceModels {
    private ConformanceModels() {}

    /** A model with its known optimal objective (NaN when the model has none). */
    public record Case(Model model, double optimum) {}

    /** Multi-constraint 0/1 knapsack, minimize -value; optimum by enumerating all 2^n subsets. */
    public static Case knapsack(int n, int rows, long seed) {
        Random r = new Random(seed);
        double[] value = new double[n];
        double[][] w = new double[rows][n];
        double[] cap = new double[rows];
        for (int i = 0; i < n; i++) value[i] = 1 + r.nextInt(30);
        for (int k = 0; k < rows; k++) {
            double s = 0;
            for (int i = 0; i < n; i++) s += w[k][i] = 1 + r.nextInt(20);
            cap[k] = Math.floor(s / 2);
        }
        ModelBuilder b = new ModelBuilder("knapsack" + n);
        for (int i = 0; i < n; i++) b.addBinary("x" + i);
        for (int k = 0; k < rows; k++) b.addConstraint(LinearConstraint.lessEqual("cap" + k, LinearExpression.of(range(n), w[k], 0), cap[k]));
        b.objective(Objective.linear(LinearExpression.of(range(n), negate(value), 0)));
        double best = 0;
        for (int mask = 0; mask < (1 << n); mask++) {
            boolean ok = true;
            for (int k = 0; k < rows && ok; k++) {
                double s = 0;
                for (int i = 0; i < n; i++) if ((mask >> i & 1) == 1) s += w[k][i];
                ok = s <= cap[k];
            }
            if (!ok) continue;
            double v = 0;
            for (int i = 0; i < n; i++) if ((mask >> i & 1) == 1) v -= value[i];
            best = Math.min(best, v);
        }
        return new Case(b.build(), best);
    }

    /**
     * General integers with negative bounds, an equality row whose expression carries a constant, a ranged row and
     * an objective constant: min 3a - 2b + c + 7 s.t. a + b + c + 1 == 4, -2 <= a - c <= 1, a,b,c in [-3, 3].
     */
    public static Case integerRows() {
        ModelBuilder m = new ModelBuilder("integer-rows");
        int a = m.addInteger("a", -3, 3), b = m.addInteger("b", -3, 3), c = m.addInteger("c", -3, 3);
        m.addConstraint(LinearConstraint.equal("sum", LinearExpression.of(new int[]{a, b, c}, new double[]{1, 1, 1}, 1), 4));
        m.addConstraint(new LinearConstraint("range", LinearExpression.of(new int[]{a, c}, new double[]{1, -1}, 0), -2, 1));
        m.objective(Objective.linear(LinearExpression.of(new int[]{a, b, c}, new double[]{3, -2, 1}, 7)));
        double best = Double.POSITIVE_INFINITY;
        for (int x = -3; x <= 3; x++) for (int y = -3; y <= 3; y++) for (int z = -3; z <= 3; z++) {
            if (x + y + z + 1 == 4 && x - z >= -2 && x - z <= 1) best = Math.min(best, 3 * x - 2 * y + z + 7);
        }
        return new Case(m.build(), best);
    }

    /** x + y >= 3 with binaries: infeasible. */
    public static Model infeasible() {
        ModelBuilder m = new ModelBuilder("infeasible");
        int x = m.addBinary("x"), y = m.addBinary("y");
        m.addConstraint(LinearConstraint.greaterEqual("too-much", LinearExpression.of(new int[]{x, y}, new double[]{1, 1}, 0), 3));
        m.objective(Objective.linear(LinearExpression.term(x, 1)));
        return m.build();
    }

    /** min -x - y with x - y <= 1, x, y >= 0: unbounded (y and x grow together); integer or continuous. */
    public static Model unbounded(boolean integer) {
        ModelBuilder m = new ModelBuilder("unbounded");
        int x = integer ? m.addInteger("x", 0, Double.POSITIVE_INFINITY) : m.addContinuous("x", 0, Double.POSITIVE_INFINITY);
        int y = m.addContinuous("y", 0, Double.POSITIVE_INFINITY);
        m.addConstraint(LinearConstraint.lessEqual("row", LinearExpression.of(new int[]{x, y}, new double[]{1, -1}, 0), 1));
        m.objective(Objective.linear(LinearExpression.of(new int[]{x, y}, new double[]{-1, -1}, 0)));
        return m.build();
    }

    /**
     * min sum_i (x_i - a_i)^2 with at most {@code k} nonzero x_i (x_i in [-5 z_i, 5 z_i], sum z <= k), written with
     * explicit {@link QuadraticTerm}s and an objective constant. Optimum by enumerating the supports.
     */
    public static Case cardinalityQp(double[] a, int k) {
        int n = a.length;
        ModelBuilder m = new ModelBuilder("cardinality-qp");
        int[] x = new int[n], z = new int[n];
        for (int i = 0; i < n; i++) x[i] = m.addContinuous("x" + i, -5, 5);
        for (int i = 0; i < n; i++) z[i] = m.addBinary("z" + i);
        LinearExpression.Builder lin = LinearExpression.builder();
        LinearExpression.Builder card = LinearExpression.builder();
        List<QuadraticTerm> q = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            m.addConstraint(LinearConstraint.lessEqual("up" + i, LinearExpression.of(new int[]{x[i], z[i]}, new double[]{1, -5}, 0), 0));
            m.addConstraint(LinearConstraint.greaterEqual("lo" + i, LinearExpression.of(new int[]{x[i], z[i]}, new double[]{1, 5}, 0), 0));
            q.add(new QuadraticTerm(x[i], x[i], 1.0));
            lin.add(x[i], -2 * a[i]).addConstant(a[i] * a[i]);
            card.add(z[i], 1);
        }
        m.addConstraint(LinearConstraint.lessEqual("card", card.build(), k));
        m.objective(new Objective(lin.build(), q, List.of()));
        double best = Double.POSITIVE_INFINITY;
        for (int mask = 0; mask < (1 << n); mask++) {
            if (Integer.bitCount(mask) > k) continue;
            double f = 0;
            for (int i = 0; i < n; i++) {
                double xi = (mask >> i & 1) == 1 ? Math.max(-5, Math.min(5, a[i])) : 0;
                f += (xi - a[i]) * (xi - a[i]);
            }
            best = Math.min(best, f);
        }
        return new Case(m.build(), best);
    }

    /**
     * 0.5 ||A x - y||^2 over free x in R^2 as a {@link LeastSquaresTerm}; optimum from the normal equations
     * (A'A) x = A'y solved by Cramer's rule. Returns the case; the minimizer is {@link #leastSquaresMinimizer}.
     */
    public static Case leastSquares() {
        ModelBuilder m = new ModelBuilder("least-squares");
        int x0 = m.addContinuous("x0", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        int x1 = m.addContinuous("x1", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        List<LinearExpression> rows = new ArrayList<>();
        for (int r = 0; r < LS_A.length; r++) rows.add(LinearExpression.of(new int[]{x0, x1}, LS_A[r], -LS_Y[r]));
        m.objective(new Objective(LinearExpression.zero(), List.of(), List.of(new LeastSquaresTerm(0.5, rows))));
        double[] x = leastSquaresMinimizer();
        double f = 0;
        for (int r = 0; r < LS_A.length; r++) {
            double res = LS_A[r][0] * x[0] + LS_A[r][1] * x[1] - LS_Y[r];
            f += 0.5 * res * res;
        }
        return new Case(m.build(), f);
    }

    private static final double[][] LS_A = {{1, 0.5}, {2, -1}, {0.5, 3}, {-1, 1}};
    private static final double[] LS_Y = {1.5, 0.25, 4, -2};

    public static double[] leastSquaresMinimizer() {
        double s00 = 0, s01 = 0, s11 = 0, t0 = 0, t1 = 0;
        for (int r = 0; r < LS_A.length; r++) {
            s00 += LS_A[r][0] * LS_A[r][0];
            s01 += LS_A[r][0] * LS_A[r][1];
            s11 += LS_A[r][1] * LS_A[r][1];
            t0 += LS_A[r][0] * LS_Y[r];
            t1 += LS_A[r][1] * LS_Y[r];
        }
        double det = s00 * s11 - s01 * s01;
        return new double[]{(t0 * s11 - s01 * t1) / det, (s00 * t1 - s01 * t0) / det};
    }

    /** min -x + 12 z, x in [0, 10], z binary, indicator z = 0 => x <= 0. Without it: x = 10, z = 0, -10. With: 0. */
    public static Case indicator() {
        ModelBuilder m = new ModelBuilder("indicator");
        int x = m.addContinuous("x", 0, 10), z = m.addBinary("z");
        m.addIndicator(new IndicatorConstraint("off", z, false, LinearConstraint.lessEqual("x-off", LinearExpression.term(x, 1), 0)));
        m.objective(Objective.linear(LinearExpression.of(new int[]{x, z}, new double[]{-1, 12}, 0)));
        return new Case(m.build(), 0.0);
    }

    /** min t s.t. x^2 <= t z, x in [1, 10], z binary, t in [0, 100]: z = 1, x = 1, t = 1. */
    public static Case rotatedCone() {
        ModelBuilder m = new ModelBuilder("rotated-cone");
        int x = m.addContinuous("x", 1, 10), t = m.addContinuous("t", 0, 100), z = m.addBinary("z");
        m.addCone(new RotatedConeConstraint("persp", t, z, new int[]{x}));
        m.objective(Objective.linear(LinearExpression.term(t, 1)));
        return new Case(m.build(), 1.0);
    }

    /**
     * A strongly correlated multi-constraint knapsack (values = weights + 10, tight capacities): small to state,
     * hard to prove, so a sub-second limit stops every backend we have. No known optimum.
     */
    public static Model hardKnapsack(int n, int rows, long seed) {
        Random r = new Random(seed);
        ModelBuilder b = new ModelBuilder("hard-knapsack" + n);
        for (int i = 0; i < n; i++) b.addBinary("x" + i);
        double[] value = new double[n];
        for (int k = 0; k < rows; k++) {
            double[] w = new double[n];
            double s = 0;
            for (int i = 0; i < n; i++) s += w[i] = 20 + r.nextInt(80);
            if (k == 0) for (int i = 0; i < n; i++) value[i] = -(w[i] + 10);
            b.addConstraint(LinearConstraint.lessEqual("cap" + k, LinearExpression.of(range(n), w, 0), Math.floor(s / 2) + 0.5));
        }
        b.objective(Objective.linear(LinearExpression.of(range(n), value, 0)));
        return b.build();
    }

    static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) r[i] = i;
        return r;
    }

    private static double[] negate(double[] v) {
        double[] o = new double[v.length];
        for (int i = 0; i < v.length; i++) o[i] = -v[i];
        return o;
    }
}
