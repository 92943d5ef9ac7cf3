package certus.formulations.bnb;

import certus.solver.CancellationToken;
import certus.solver.LinearConstraint;
import certus.solver.LinearExpression;
import certus.solver.ModelBuilder;
import certus.solver.Objective;
import certus.solver.SolveListener;
import certus.solver.SolveParameters;
import certus.solver.SolveResult;
import certus.solver.SolverBackend;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cutting-plane model of the Lagrangian dual of {@link LagrangianZbar}, as an LP over the multipliers
 * (Kelley's method on the dual, i.e. Dantzig–Wolfe column generation seen from the dual side):
 * <pre>
 *   max  sum_k sigma_k + sum_j tau_j
 *   s.t. sigma_k - sum_{j in S} lambda_kj &lt;= c_k(S)          for each task k and each support S found so far
 *        tau_j + sum_{k in P} lambda_kj   &lt;= w f(|P|)        for each feature j and each task pattern P found so far
 *        |lambda - center| &lt;= radius                         (box trust region: stabilizes the multipliers)
 * </pre>
 * Its optimum over-estimates the true dual function inside the box; the true value at the LP's multipliers is then
 * computed by pricing, which also supplies the next rows. Only multipliers that appear in some row are LP variables;
 * the others stay at the center.
 */
final class LagrangianMaster {
    private final int kCount;
    private final int p;
    private final ColumnPatterns columns;
    private final List<Set<PatternKey>> patterns = new ArrayList<>();
    private final SolverBackend lp;

    /** A task pattern of one column, as a sorted-by-task boolean mask (value-based equality). */
    record PatternKey(boolean[] tasks) {
        @Override
        public boolean equals(Object o) {
            return o instanceof PatternKey k && java.util.Arrays.equals(tasks, k.tasks);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(tasks);
        }

        int size() {
            int m = 0;
            for (boolean b : tasks) if (b) m++;
            return m;
        }
    }

    LagrangianMaster(int kCount, int p, ColumnPatterns columns, SolverBackend lp) {
        this.kCount = kCount;
        this.p = p;
        this.columns = columns;
        this.lp = lp;
        for (int j = 0; j < p; j++) {
            Set<PatternKey> set = new LinkedHashSet<>();
            set.add(new PatternKey(new boolean[kCount]));
            patterns.add(set);
        }
    }

    /** Adds column j's pattern (no-op when known). */
    void addPattern(int j, boolean[] pattern) {
        patterns.get(j).add(new PatternKey(pattern.clone()));
    }

    /** The LP's optimum: multipliers and the model's value (an upper estimate of the dual function at them). */
    record Step(double[][] lambda, double modelValue) {}

    /**
     * Solves the model in the box of {@code radius} around {@code center}; null when the LP solver fails (the caller
     * then stops improving the multipliers; every bound already computed stays valid).
     */
    Step solve(List<TaskPricing> tasks, double[][] center, double radius, double seconds) {
        ModelBuilder mb = new ModelBuilder("lagrangian-master");
        int[][] lambdaVar = new int[kCount][p];
        for (int[] row : lambdaVar) java.util.Arrays.fill(row, -1);
        LinearExpression.Builder obj = LinearExpression.builder();
        int[] sigma = new int[kCount];
        for (int k = 0; k < kCount; k++) {
            sigma[k] = mb.addContinuous("sigma_" + k, -1e6, 1e6);
            obj.add(sigma[k], -1);
        }
        int[] tau = new int[p];
        for (int j = 0; j < p; j++) {
            tau[j] = mb.addContinuous("tau_" + j, -1e6, 1e6);
            obj.add(tau[j], -1);
        }
        List<LinearConstraint> rows = new ArrayList<>();
        for (int k = 0; k < kCount; k++) {
            int r = 0;
            for (Map.Entry<Support, Double> e : tasks.get(k).pool().entrySet()) {
                LinearExpression.Builder row = LinearExpression.builder().add(sigma[k], 1);
                for (int j : e.getKey().indices()) row.add(variable(mb, lambdaVar, center, radius, k, j), -1);
                rows.add(LinearConstraint.lessEqual("task_" + k + "_" + r++, row.build(), e.getValue()));
            }
        }
        for (int j = 0; j < p; j++) {
            int r = 0;
            for (PatternKey key : patterns.get(j)) {
                LinearExpression.Builder row = LinearExpression.builder().add(tau[j], 1);
                for (int k = 0; k < kCount; k++) if (key.tasks()[k]) row.add(variable(mb, lambdaVar, center, radius, k, j), 1);
                rows.add(LinearConstraint.lessEqual("col_" + j + "_" + r++, row.build(), columns.penalty(key.size())));
            }
        }
        for (LinearConstraint c : rows) mb.addConstraint(c);
        mb.objective(Objective.linear(obj.build()));
        SolveParameters params = new SolveParameters(Math.max(seconds, 1), 1e-9, 1e-12, 1, 0L, Map.of());
        SolveResult r = lp.solve(mb.build(), params, SolveListener.NONE, CancellationToken.none());
        if (!r.hasSolution()) return null;
        double[][] lambda = new double[kCount][];
        for (int k = 0; k < kCount; k++) {
            lambda[k] = center[k].clone();
            for (int j = 0; j < p; j++) if (lambdaVar[k][j] >= 0) lambda[k][j] = r.value(lambdaVar[k][j]);
        }
        double value = 0;
        for (int k = 0; k < kCount; k++) value += r.value(sigma[k]);
        for (int j = 0; j < p; j++) value += r.value(tau[j]);
        return new Step(lambda, value);
    }

    private static int variable(ModelBuilder mb, int[][] vars, double[][] center, double radius, int k, int j) {
        if (vars[k][j] < 0) vars[k][j] = mb.addContinuous("lambda_" + k + "_" + j, center[k][j] - radius, center[k][j] + radius);
        return vars[k][j];
    }
}
