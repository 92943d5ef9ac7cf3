package certus.data;

import java.util.Objects;
import java.util.Set;

/**
 * How a long-format multi-task CSV is laid out: which column names the task, which holds the response, and
 * which columns to ignore. Every other column is a numeric feature shared by all tasks, so the options never
 * list features explicitly: the header is the single source of truth, and a typo in a feature name cannot
 * silently remove a feature.
 *
 * @param taskColumn      header name of the task-label column (default {@value #DEFAULT_TASK_COLUMN})
 * @param responseColumn  header name of the response column (default {@value #DEFAULT_RESPONSE_COLUMN})
 * @param dropColumns     header names to ignore (ids, leaked targets, ...); each must exist, so a typo is an error
 *                        rather than a silently kept column
 * @param requireResponse true for training data; prediction files may omit the response column (when present
 *                        it is read and validated, e.g. for scoring)
 */
public record CsvFormatOptions(String taskColumn, String responseColumn, Set<String> dropColumns, boolean requireResponse) {
    public static final String DEFAULT_TASK_COLUMN = "task";
    public static final String DEFAULT_RESPONSE_COLUMN = "y";

    public CsvFormatOptions {
        Objects.requireNonNull(taskColumn, "taskColumn");
        Objects.requireNonNull(responseColumn, "responseColumn");
        dropColumns = Set.copyOf(Objects.requireNonNull(dropColumns, "dropColumns"));
        if (taskColumn.isBlank()) throw new IllegalArgumentException("task column name is blank");
        if (responseColumn.isBlank()) throw new IllegalArgumentException("response column name is blank");
        if (taskColumn.equals(responseColumn)) {
            throw new IllegalArgumentException("task column and response column are both '" + taskColumn + "'");
        }
    }

    /** Training defaults: columns "task" and "y", nothing dropped, response required. */
    public static CsvFormatOptions defaults() {
        return new CsvFormatOptions(DEFAULT_TASK_COLUMN, DEFAULT_RESPONSE_COLUMN, Set.of(), true);
    }

    /** Prediction defaults: as {@link #defaults()} but the response column may be absent. */
    public static CsvFormatOptions forPrediction() {
        return defaults().withRequireResponse(false);
    }

    public CsvFormatOptions withTaskColumn(String name) {
        return new CsvFormatOptions(name, responseColumn, dropColumns, requireResponse);
    }

    public CsvFormatOptions withResponseColumn(String name) {
        return new CsvFormatOptions(taskColumn, name, dropColumns, requireResponse);
    }

    public CsvFormatOptions withDropColumns(Set<String> names) {
        return new CsvFormatOptions(taskColumn, responseColumn, names, requireResponse);
    }

    public CsvFormatOptions withRequireResponse(boolean require) {
        return new CsvFormatOptions(taskColumn, responseColumn, dropColumns, require);
    }
}
