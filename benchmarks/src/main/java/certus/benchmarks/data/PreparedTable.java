package certus.benchmarks.data;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A prepared Certus long-format table (one row per observation: id, task, response, features) plus what the
 * preparation left out and why, so nothing is dropped silently.
 *
 * @param header     column names; the CSV header
 * @param rows       cells as written (numbers already formatted)
 * @param taskCounts rows per task, in output order
 * @param notes      human-readable account of every exclusion and transformation (printed by the CLI)
 */
public record PreparedTable(List<String> header, List<List<String>> rows, Map<String, Integer> taskCounts, List<String> notes) {
    public PreparedTable {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        taskCounts = Map.copyOf(taskCounts);
        notes = List.copyOf(notes);
        for (List<String> r : rows) {
            if (r.size() != header.size()) throw new IllegalArgumentException("row of " + r.size() + " cells, header has " + header.size());
        }
    }

    /** RFC 4180 CSV with "\n" line ends, so the output is byte-identical on every platform. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter p = new CSVPrinter(sb, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            p.printRecord(header);
            for (List<String> r : rows) p.printRecord(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    /** Writes the CSV atomically: a temporary file in the target directory, then a rename over the target. */
    public void write(Path target) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of " + target + ": " + e.getMessage(), e);
        }
        certus.data.AtomicFiles.writeString(target, toCsv());
    }
}
