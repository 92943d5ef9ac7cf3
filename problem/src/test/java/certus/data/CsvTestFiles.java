package certus.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes small CSV fixtures for reader tests. */
final class CsvTestFiles {
    private CsvTestFiles() {
    }

    static Path write(Path dir, String name, String... lines) {
        return writeRaw(dir, name, String.join("\n", lines) + "\n");
    }

    static Path writeRaw(Path dir, String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Long-format CSV of the data: tasks interleaved row by row (round-robin) so a reader that ignored row
     * order would be caught. Doubles are written with full precision (Double.toString round-trips exactly).
     */
    static String toInterleavedCsv(MultiTaskData data, String taskColumn, String responseColumn) {
        StringBuilder sb = new StringBuilder();
        sb.append(quote(taskColumn)).append(',').append(quote(responseColumn));
        for (String f : data.featureNames()) sb.append(',').append(quote(f));
        sb.append('\n');
        int maxRows = 0;
        for (TaskData t : data.tasks()) maxRows = Math.max(maxRows, t.rows());
        for (int i = 0; i < maxRows; i++) {
            for (TaskData t : data.tasks()) {
                if (i >= t.rows()) continue;
                sb.append(quote(t.label())).append(',').append(Double.toString(t.y(i)));
                for (int j = 0; j < t.features(); j++) sb.append(',').append(String.format(Locale.ROOT, "%s", t.x().get(i, j)));
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) return "\"" + s.replace("\"", "\"\"") + "\"";
        return s;
    }
}
