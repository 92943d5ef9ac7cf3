package certus.app.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;

/** CSV options shared by fit, cv and predict. */
final class DataOptions {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Long-format CSV: one row per observation.")
    Path data;

    @Option(names = "--task-col", defaultValue = "task", paramLabel = "NAME", description = "Task label column (default: ${DEFAULT-VALUE}).")
    String taskColumn;

    @Option(names = "--response", defaultValue = "y", paramLabel = "NAME", description = "Response column (default: ${DEFAULT-VALUE}).")
    String responseColumn;

    @Option(names = "--drop", split = ",", paramLabel = "COL", description = "Columns to ignore (comma separated).")
    List<String> drop = List.of();

    DatasetSource.Layout layout() {
        return new DatasetSource.Layout(taskColumn, responseColumn, new LinkedHashSet<>(drop));
    }
}
