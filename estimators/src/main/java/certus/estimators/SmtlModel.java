package certus.estimators;

import certus.data.Standardizer;
import certus.smtl.SmtlSolution;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A fitted sMTL model: the result record every front end (Java API, CLI, service) reports and the model file
 * holds. Immutable. Coefficients are always on the scale of the data as given, whatever the standardization.
 *
 * @param status      what we hold; heuristics always say FEASIBLE
 * @param termination why the fit stopped
 * @param objective   F(solution) from {@link certus.smtl.ObjectiveEvaluator}; null without a solution
 * @param bound       proven lower bound; null for heuristics (nothing is proven)
 * @param gap         relative gap; null when there is no bound
 * @param seconds     wall-clock time of the fit
 * @param method      how it was fitted, e.g. {@code heuristic:bcd+local-search}
 * @param backend     MIP backend for exact fits; null for heuristics
 * @param params      the problem parameters
 * @param standardize how features were rescaled within each task before fitting; the objective refers to that
 *                    rescaled problem, while coefficients and intercepts are always on the raw scale
 * @param features    feature names, in coefficient order
 * @param tasks       task labels, in solution order
 * @param solution    intercepts, coefficients, supports; null when status is NO_SOLUTION or ERROR
 */
public record SmtlModel(FitStatus status, Termination termination, Double objective, Double bound, Double gap,
                        double seconds, String method, String backend, SmtlParams params, Standardizer standardize,
                        List<String> features,
                        List<String> tasks, SmtlSolution solution) {
    public SmtlModel {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(termination, "termination");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(standardize, "standardize");
        features = List.copyOf(features);
        tasks = List.copyOf(tasks);
        if (solution != null && (solution.taskCount() != tasks.size() || solution.featureCount() != features.size())) {
            throw new IllegalArgumentException("solution is " + solution.taskCount() + "x" + solution.featureCount()
                    + " but the model names " + tasks.size() + " tasks and " + features.size() + " features");
        }
        if (solution == null && (status == FitStatus.OPTIMAL || status == FitStatus.FEASIBLE)) {
            throw new IllegalArgumentException("status " + status.jsonName() + " needs a solution");
        }
    }

    public boolean hasSolution() {
        return solution != null;
    }

    /** Index of the task with this label; throws with the known labels when absent. */
    public int taskIndex(String task) {
        int k = tasks.indexOf(task);
        if (k < 0) throw new IllegalArgumentException("unknown task '" + task + "'; the model knows " + tasks);
        return k;
    }

    public double intercept(String task) {
        return requireSolution().intercept(taskIndex(task));
    }

    /** A copy of the task's coefficient vector (length p, zeros off the support). */
    public double[] coefficients(String task) {
        return requireSolution().coefficients(taskIndex(task));
    }

    /** Task's nonzero-pattern as feature names (the support z, which may hold a zero coefficient). */
    public List<String> support(String task) {
        int[] idx = requireSolution().supportIndices(taskIndex(task));
        String[] out = new String[idx.length];
        for (int a = 0; a < idx.length; a++) out[a] = features.get(idx[a]);
        return List.of(out);
    }

    /** Support coefficients by feature name, in feature order. */
    public Map<String, Double> supportCoefficients(String task) {
        int k = taskIndex(task);
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (int j : requireSolution().supportIndices(k)) out.put(features.get(j), solution.coefficient(k, j));
        return out;
    }

    /** yhat = b_k + x^T beta_k for one row x (length p, in {@link #features()} order). */
    public double predict(String task, double[] x) {
        return predict(taskIndex(task), x);
    }

    public double predict(int task, double[] x) {
        if (x.length != features.size()) {
            throw new IllegalArgumentException("row has " + x.length + " values, the model has " + features.size() + " features");
        }
        return requireSolution().predict(task, x);
    }

    /** Feature name to column index, for readers that reorder input columns. */
    public Map<String, Integer> featureIndex() {
        Map<String, Integer> out = new HashMap<>();
        for (int j = 0; j < features.size(); j++) out.put(features.get(j), j);
        return out;
    }

    private SmtlSolution requireSolution() {
        if (solution == null) throw new IllegalStateException("the fit has no solution (status " + status.jsonName() + ")");
        return solution;
    }
}
