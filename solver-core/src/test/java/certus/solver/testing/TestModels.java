package certus.solver.testing;

import certus.solver.LeastSquaresTerm;
import certus.solver.LinearConstraint;
import certus.solver.LinearExpression;
import certus.solver.Model;
import certus.solver.ModelBuilder;
import certus.solver.Objective;
import certus.solver.QuadraticTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Small models with answers known independently (enumeration or closed form), shared by backend tests through
 * the solver-core test-jar. Each method documents its optimum or how to compute it.
 */
public final class TestModels {
    private TestModels() {}

    /** max sum v_i x_i s.t. sum w_i x_i <= cap, x binary; written as min of -value, plus {@code constant}. */
    public static Model knapsack(double[] value, double[] weight, double capacity, double constant) {
        ModelBuilder b = new ModelBuilder("knapsack");
        LinearExpression.Builder obj = LinearExpression.builder().addConstant(constant);
        LinearExpression.Builder row = LinearExpression.builder();
        for (int i = 0; i < value.length; i++) {
            int x = b.addBinary("x" + i);
            obj.add(x, -value[i]);
            row.add(x, weight[i]);
        }
        b.addConstraint(LinearConstraint.lessEqual("capacity", row.build(), capacity));
        return b.objective(Objective.linear(obj.build())).build();
    }

    /** Optimum of {@link #knapsack} by enumerating all 2^n subsets. */
    public static double knapsackByEnumeration(double[] value, double[] weight, double capacity, double constant) {
        double best = 0;
        for (int mask = 0; mask < (1 << value.length); mask++) {
            double v = 0, w = 0;
            for (int i = 0; i < value.length; i++) if ((mask >> i & 1) == 1) { v += value[i]; w += weight[i]; }
            if (w <= capacity + 1e-12) best = Math.max(best, v);
        }
        return constant - best;
    }

    /**
     * min sum_i (x_i - a_i)^2 (expanded: x_i^2 - 2 a_i x_i + a_i^2, so the objective has a constant) with
     * -M z_i <= x_i <= M z_i, z binary, sum z <= k. Variables: x_0..x_{n-1}, then z_0..z_{n-1}.
     */
    public static Model selectionMiqp(double[] a, int k, double bigM) {
        int n = a.length;
        ModelBuilder b = new ModelBuilder("selection");
        for (int i = 0; i < n; i++) b.addContinuous("x" + i, -bigM, bigM);
        LinearExpression.Builder card = LinearExpression.builder();
        for (int i = 0; i < n; i++) {
            int z = b.addBinary("z" + i);
            card.add(z, 1);
            b.addConstraint(LinearConstraint.lessEqual("up" + i, LinearExpression.builder().add(i, 1).add(z, -bigM).build(), 0));
            b.addConstraint(LinearConstraint.greaterEqual("lo" + i, LinearExpression.builder().add(i, 1).add(z, bigM).build(), 0));
        }
        b.addConstraint(LinearConstraint.lessEqual("card", card.build(), k));
        LinearExpression.Builder lin = LinearExpression.builder();
        List<QuadraticTerm> quad = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            quad.add(new QuadraticTerm(i, i, 1.0));
            lin.add(i, -2 * a[i]).addConstant(a[i] * a[i]);
        }
        return b.objective(new Objective(lin.build(), quad, List.of())).build();
    }

    /** Optimum of {@link #selectionMiqp} by enumerating supports of size <= k (|a_i| <= M assumed). */
    public static double selectionByEnumeration(double[] a, int k) {
        double best = Double.POSITIVE_INFINITY;
        for (int mask = 0; mask < (1 << a.length); mask++) {
            if (Integer.bitCount(mask) > k) continue;
            double f = 0;
            for (int i = 0; i < a.length; i++) if ((mask >> i & 1) == 0) f += a[i] * a[i];
            best = Math.min(best, f);
        }
        return best;
    }

    /**
     * Best-subset regression: min 1/(2n) ||y - X beta||^2 as a {@link LeastSquaresTerm}, |beta_j| <= M z_j,
     * sum z <= s. Seeded data: 5 true features plus noise. Variables beta_0..beta_{p-1}, then z_0..z_{p-1}.
     */
    public static Model bestSubset(int n, int p, int s, double bigM, long seed) {
        Random rnd = new Random(seed);
        double[][] x = new double[n][p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) x[i][j] = rnd.nextGaussian();
            for (int j = 0; j < Math.min(5, p); j++) y[i] += (j % 2 == 0 ? 1.5 : -1.0) * x[i][j * (p / 5)];
            y[i] += 0.5 * rnd.nextGaussian();
        }
        ModelBuilder b = new ModelBuilder("best-subset");
        for (int j = 0; j < p; j++) b.addContinuous("beta" + j, -bigM, bigM);
        LinearExpression.Builder card = LinearExpression.builder();
        for (int j = 0; j < p; j++) {
            int z = b.addBinary("z" + j);
            card.add(z, 1);
            b.addConstraint(LinearConstraint.lessEqual("up" + j, LinearExpression.builder().add(j, 1).add(z, -bigM).build(), 0));
            b.addConstraint(LinearConstraint.greaterEqual("lo" + j, LinearExpression.builder().add(j, 1).add(z, bigM).build(), 0));
        }
        b.addConstraint(LinearConstraint.lessEqual("card", card.build(), s));
        List<LinearExpression> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LinearExpression.Builder r = LinearExpression.builder().addConstant(y[i]);
            for (int j = 0; j < p; j++) r.add(j, -x[i][j]);
            rows.add(r.build());
        }
        return b.objective(new Objective(LinearExpression.zero(), List.of(), List.of(new LeastSquaresTerm(1.0 / (2 * n), rows)))).build();
    }
}
