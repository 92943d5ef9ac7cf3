package certus.data;

import java.util.List;
import java.util.Objects;

/**
 * A training file as read: the validated data plus what the data model itself cannot hold: the input row order
 * (data groups rows by task, but outputs must follow the input) and warnings the caller should show (the reader
 * never prints; the CLI sends these to stderr and the service returns them).
 *
 * @param source   the file name (or the name the caller gave a stream), as used in messages
 * @param data     tasks in order of first appearance, rows within a task in file order
 * @param rowOrder one entry per input data row, in file order
 * @param warnings human-readable, one per issue (e.g. one per constant column)
 */
public record LoadedData(String source, MultiTaskData data, List<RowOrigin> rowOrder, List<String> warnings) {
    public LoadedData {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(data, "data");
        rowOrder = List.copyOf(rowOrder);
        warnings = List.copyOf(warnings);
        if (rowOrder.size() != data.totalRows()) {
            throw new IllegalArgumentException("row order has " + rowOrder.size() + " entries but data has " + data.totalRows() + " rows");
        }
    }

    /** Number of data rows in the input (= total rows of all tasks). */
    public int rowCount() {
        return rowOrder.size();
    }
}
