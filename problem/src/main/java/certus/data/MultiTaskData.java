package certus.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * K tasks sharing the same p named features. Immutable and validated on construction: every task has the same
 * feature count, at least {@link #MIN_ROWS_PER_TASK} rows, finite values, and labels and feature names are
 * unique. Stacking and CSV layout are I/O concerns handled by the readers.
 */
public final class MultiTaskData {
    /** A task needs two rows: one for its unpenalized intercept and one to say anything about a slope. */
    public static final int MIN_ROWS_PER_TASK = 2;

    /** Relative threshold under which a column counts as constant within a task (see {@link #isConstant}). */
    private static final double CONSTANT_RELATIVE_VARIANCE = 1e-24;

    private final List<String> featureNames;
    private final List<TaskData> tasks;
    private final Map<String, Integer> taskIndex;
    private final boolean[][] constant;
    private final boolean[] constantInAnyTask;

    public MultiTaskData(List<String> featureNames, List<TaskData> tasks) {
        this.featureNames = List.copyOf(Objects.requireNonNull(featureNames, "featureNames"));
        this.tasks = List.copyOf(Objects.requireNonNull(tasks, "tasks"));
        if (this.tasks.isEmpty()) throw new DataFormatException("no tasks: the data must hold at least one task");
        int p = this.featureNames.size();
        if (p == 0) throw new DataFormatException("no features: the data must hold at least one feature column");
        if (new HashSet<>(this.featureNames).size() != p) {
            throw new DataFormatException("duplicate feature names in " + this.featureNames);
        }
        Map<String, Integer> index = new HashMap<>();
        this.constant = new boolean[this.tasks.size()][p];
        for (int k = 0; k < this.tasks.size(); k++) {
            TaskData t = this.tasks.get(k);
            if (index.put(t.label(), k) != null) throw new DataFormatException("duplicate task label '" + t.label() + "'");
            if (t.features() != p) {
                throw new DataFormatException("task '" + t.label() + "' has " + t.features() + " features, expected " + p);
            }
            if (t.rows() < MIN_ROWS_PER_TASK) {
                throw new DataFormatException("task '" + t.label() + "' has " + t.rows() + " row(s); each task needs at least "
                        + MIN_ROWS_PER_TASK);
            }
            checkFinite(t);
            for (int j = 0; j < p; j++) constant[k][j] = columnIsConstant(t, j);
        }
        this.taskIndex = Collections.unmodifiableMap(index);
        this.constantInAnyTask = new boolean[p];
        for (boolean[] row : constant) for (int j = 0; j < p; j++) constantInAnyTask[j] |= row[j];
    }

    private static void checkFinite(TaskData t) {
        for (int i = 0; i < t.rows(); i++) {
            if (!Double.isFinite(t.y(i))) throw new DataFormatException("task '" + t.label() + "' row " + i + ": response is " + t.y(i));
            for (int j = 0; j < t.features(); j++) {
                double v = t.x().get(i, j);
                if (!Double.isFinite(v)) {
                    throw new DataFormatException("task '" + t.label() + "' row " + i + " feature " + j + ": value is " + v);
                }
            }
        }
    }

    private static boolean columnIsConstant(TaskData t, int j) {
        double ss = t.x().columnCenteredSumOfSquares(j);
        double m = t.x().columnMean(j);
        double scale = Math.max(1.0, m * m) * t.rows();
        return ss <= CONSTANT_RELATIVE_VARIANCE * scale;
    }

    public int taskCount() { return tasks.size(); }

    public int featureCount() { return featureNames.size(); }

    public List<String> featureNames() { return featureNames; }

    public List<TaskData> tasks() { return tasks; }

    public TaskData task(int k) { return tasks.get(k); }

    public List<String> taskLabels() {
        List<String> out = new ArrayList<>(tasks.size());
        for (TaskData t : tasks) out.add(t.label());
        return out;
    }

    /** Index of the task with this label, or -1. */
    public int indexOfTask(String label) {
        return taskIndex.getOrDefault(label, -1);
    }

    public int totalRows() {
        int n = 0;
        for (TaskData t : tasks) n += t.rows();
        return n;
    }

    /**
     * Whether feature j has (numerically) zero variance within task k. Such a column cannot change the fit of
     * task k (the intercept absorbs it), so every solver in Certus fixes z_kj = 0 for it: it is never selected.
     */
    public boolean isConstant(int k, int j) {
        return constant[k][j];
    }

    /** Whether feature j is constant within at least one task (never selectable under common support). */
    public boolean isConstantInAnyTask(int j) {
        return constantInAnyTask[j];
    }

    /** True when any task has a constant column (callers warn once). */
    public boolean hasConstantColumns() {
        for (boolean[] row : constant) for (boolean c : row) if (c) return true;
        return false;
    }

    /** Subset of tasks (in the given order), e.g. for hold-out experiments. */
    public MultiTaskData withTasks(List<TaskData> subset) {
        return new MultiTaskData(featureNames, subset);
    }

    @Override
    public String toString() {
        return "MultiTaskData[K=" + taskCount() + ", p=" + featureCount() + ", N=" + totalRows() + "]";
    }
}
