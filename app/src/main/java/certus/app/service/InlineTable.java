package certus.app.service;

import certus.data.CsvFormatOptions;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static certus.app.service.JsonFields.bad;
import static certus.app.service.JsonFields.type;

/**
 * Data sent as JSON arrays, {@code "data": {"columns": ["task", "y", "x1", ...], "rows": [["a", 1.5, 0.2, ...], ...]}},
 * checked cell by cell (ragged rows, wrong types and missing values are 400s naming {@code data.rows[i][j]} and the
 * column) and turned into CSV text, so it then goes through the same reader — and the same checks on tasks, sizes and
 * constant columns — as a CSV upload. Numbers keep their JSON text, so no value changes on the way.
 */
final class InlineTable {
    /** How the reader's messages refer to this data: its "line L" is {@code rows[L-2]} (line 1 is the columns). */
    static final String SOURCE = "data (line L = data.rows[L-2])";

    private InlineTable() {}

    static String toCsv(JsonNode data, CsvFormatOptions format) {
        if (!data.isObject()) throw bad("'data' must be an object {\"columns\": [...], \"rows\": [[...], ...]}, got " + type(data));
        JsonFields.onlyKnown(data, Set.of("columns", "rows"), "data.");
        List<String> columns = columns(data.get("columns"));
        JsonNode rows = data.get("rows");
        if (rows == null || !rows.isArray()) throw bad("'data.rows' must be an array of rows (arrays of values)");
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            printer.printRecord(columns);
            List<String> cells = new ArrayList<>(columns.size());
            for (int i = 0; i < rows.size(); i++) {
                JsonNode row = rows.get(i);
                if (!row.isArray()) throw bad("'data.rows[" + i + "]' must be an array of values, got " + type(row));
                if (row.size() != columns.size()) {
                    throw bad("'data.rows[" + i + "]' has " + row.size() + " values; 'data.columns' has " + columns.size());
                }
                cells.clear();
                for (int j = 0; j < row.size(); j++) cells.add(cell(row.get(j), i, j, columns.get(j), format));
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static List<String> columns(JsonNode c) {
        if (c == null || !c.isArray() || c.isEmpty()) throw bad("'data.columns' must be a non-empty array of column names");
        List<String> names = new ArrayList<>();
        for (int j = 0; j < c.size(); j++) {
            if (!c.get(j).isTextual()) throw bad("'data.columns[" + j + "]' must be a string, got " + type(c.get(j)));
            names.add(c.get(j).asText());
        }
        return names;
    }

    /** A cell's text: numbers everywhere, a string or an integer for the task column, any scalar in a dropped column. */
    private static String cell(JsonNode v, int i, int j, String column, CsvFormatOptions format) {
        String where = "'data.rows[" + i + "][" + j + "]' (column '" + column + "')";
        if (v.isNull()) throw bad(where + " is null; every cell needs a value");
        if (format.dropColumns().contains(column)) {
            if (v.isContainerNode()) throw bad(where + " must be a single value, got " + type(v));
            return v.asText();
        }
        if (column.equals(format.taskColumn())) {
            if (v.isTextual() || v.isIntegralNumber()) return v.asText();
            throw bad(where + " must be a task label (a string or an integer), got " + type(v) + " " + v);
        }
        if (!v.isNumber()) throw bad(where + " must be a number, got " + type(v) + " " + v);
        return v.asText();
    }
}
