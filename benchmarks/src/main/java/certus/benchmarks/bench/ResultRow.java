package certus.benchmarks.bench;

import java.util.List;

/**
 * One line of {@code results.csv}: one method on one instance. Numbers are NaN when unknown (written as empty
 * cells): a heuristic has no bound; suboptimality is empty when the instance has no certified optimum.
 *
 * @param instance      instance id ({@link BenchInstance#id()})
 * @param method        method name ({@link BenchMethod})
 * @param objective     objective of the method's solution, re-evaluated by ObjectiveEvaluator on the instance
 * @param bound         certified lower bound (exact methods)
 * @param status        optimal, feasible, no_solution, error, not_applicable (exact) or converged, iteration_limit,
 *                      time_limit (heuristics)
 * @param seconds       wall-clock seconds of the method
 * @param suboptimality relative excess (objective - best) / |best| over the best objective any method found, when an
 *                      exact method certified the instance optimal
 * @param gap           the exact method's relative gap
 * @param excessOverBound (objective - best certified bound) / |bound|: a proven upper bound on the method's
 *                      suboptimality, defined whenever some exact method produced a bound (also when none certified)
 * @param jaccardExact  Jaccard index of the method's support (task, feature pairs) with the certified optimum's
 * @param f1Truth       F1 of the method's support against the true support
 * @param detail        termination detail or error message
 * @param cell          the instance's parameters, for grouping ({@link #CELL_COLUMNS})
 */
public record ResultRow(String instance, String method, double objective, double bound, String status, double seconds,
                        double suboptimality, double gap, double excessOverBound, double jaccardExact, double f1Truth, String detail, List<String> cell) {
    /** Columns required by the issue first, then the rest. */
    public static final List<String> COLUMNS = List.of("instance", "method", "objective", "bound", "status", "seconds", "suboptimality",
            "gap", "excess_over_bound", "jaccard_exact", "f1_truth", "detail");
    public static final List<String> CELL_COLUMNS = List.of("tasks", "p", "n", "s", "rho", "snr", "pool", "variant", "ridge", "zbar",
            "bbar", "rep");

    public ResultRow {
        cell = List.copyOf(cell);
        if (cell.size() != CELL_COLUMNS.size()) throw new IllegalArgumentException("cell has " + cell.size() + " values, expected " + CELL_COLUMNS.size());
    }

    /** The cell values of an instance, in {@link #CELL_COLUMNS} order. */
    static List<String> cellOf(BenchInstance i) {
        return List.of(Integer.toString(i.tasks()), Integer.toString(i.p()), Integer.toString(i.n()), Integer.toString(i.s()),
                Double.toString(i.rho()), Double.toString(i.snr()), Integer.toString(i.pool()), i.variant(), Double.toString(i.ridge()),
                Double.toString(i.zbar()), Double.toString(i.bbar()), Integer.toString(i.rep()));
    }

    public String cell(String column) {
        int k = CELL_COLUMNS.indexOf(column);
        if (k < 0) throw new IllegalArgumentException("no cell column " + column);
        return cell.get(k);
    }

    ResultRow withComparison(double newSuboptimality, double newExcess, double newJaccard) {
        return new ResultRow(instance, method, objective, bound, status, seconds, newSuboptimality, gap, newExcess, newJaccard, f1Truth, detail, cell);
    }

    boolean isExact() {
        return method.startsWith("exact:");
    }
}
