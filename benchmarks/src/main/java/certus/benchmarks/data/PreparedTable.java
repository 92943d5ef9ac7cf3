package certus.benchmarks.data;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
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

    /** createTempFile makes the file owner-only; a data file is meant to be shared. Best effort off POSIX. */
    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException notPosix) {
            // keep the default permissions
        }
    }

    /** Writes the CSV atomically: a temporary file in the target directory, then a rename over the target. */
    public void write(Path target) {
        Path abs = target.toAbsolutePath();
        Path tmp = null;
        try {
            Files.createDirectories(abs.getParent());
            tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", ".tmp");
            Files.writeString(tmp, toCsv(), StandardCharsets.UTF_8);
            readableByAll(tmp);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original error matters more
                }
            }
        }
    }
}
