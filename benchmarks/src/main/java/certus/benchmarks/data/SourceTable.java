package certus.benchmarks.data;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small source CSV read whole (header + rows of strings), with the lookups and numeric checks the preparations
 * need. Every error names the file, the 1-based line and the column, as the Certus reader does.
 */
record SourceTable(Path file, List<String> header, List<CSVRecord> rows) {
    static SourceTable read(Path file) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = CSVParser.parse(in, format)) {
            List<String> header = List.copyOf(parser.getHeaderNames());
            List<CSVRecord> rows = parser.getRecords();
            for (CSVRecord r : rows) {
                if (r.size() != header.size()) {
                    throw new IllegalArgumentException(file + " line " + (r.getRecordNumber() + 1) + ": " + r.size() + " fields, header has "
                            + header.size());
                }
            }
            return new SourceTable(file, header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    int column(String name) {
        int i = header.indexOf(name);
        if (i < 0) throw new IllegalArgumentException(file + ": no column '" + name + "' (header: " + header + ")");
        return i;
    }

    /** 1-based file line of a data row (the header is line 1; the sources have no multi-line cells). */
    static long line(CSVRecord r) {
        return r.getRecordNumber() + 1;
    }

    /** The cell as a finite double, or an error naming file, line and column. */
    double number(CSVRecord r, int column) {
        String cell = r.get(column);
        try {
            double v = Double.parseDouble(cell);
            if (Double.isFinite(v)) return v;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(file + " line " + line(r) + ", column '" + header.get(column) + "': expected a finite number, got '"
                + cell + "'");
    }

    /** Rows keyed by the value of {@code keyColumn}; a duplicate key is an error (joins must be one-to-one). */
    Map<String, CSVRecord> byKey(String keyColumn) {
        int c = column(keyColumn);
        Map<String, CSVRecord> out = new HashMap<>();
        for (CSVRecord r : rows) {
            CSVRecord previous = out.put(r.get(c), r);
            if (previous != null) {
                throw new IllegalArgumentException(file + " line " + line(r) + ": duplicate " + keyColumn + " '" + r.get(c) + "' (first on line "
                        + line(previous) + ")");
            }
        }
        return out;
    }

    List<String> columnsEndingWith(String suffix) {
        List<String> out = new ArrayList<>();
        for (String h : header) if (h.endsWith(suffix)) out.add(h);
        return out;
    }
}
