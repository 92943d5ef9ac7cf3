package certus.data;

/**
 * Where one input data row went: {@code predict} and per-row reports need to write one output row per input row
 * in the input's order, while {@link MultiTaskData} groups rows by task. Indices are 0-based (Java arrays); the
 * line is 1-based as an editor shows it.
 *
 * @param task index of the row's task in {@link MultiTaskData#tasks()}
 * @param row  index of the row within that task (rows keep file order within a task)
 * @param line 1-based line of the file on which the row starts (a quoted field may span lines)
 */
public record RowOrigin(int task, int row, long line) {
    public RowOrigin {
        if (task < 0 || row < 0 || line < 1) {
            throw new IllegalArgumentException("invalid row origin: task " + task + ", row " + row + ", line " + line);
        }
    }
}
