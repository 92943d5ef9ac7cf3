package certus.app.cli;

import certus.data.CsvFormatOptions;
import certus.data.LoadedData;
import certus.data.MultiTaskCsvReader;
import certus.data.PredictionData;
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

    private CsvFormatOptions format(boolean requireResponse) {
        return new CsvFormatOptions(taskColumn, responseColumn, new LinkedHashSet<>(drop), requireResponse);
    }

    /** Training data: task, response and numeric features on every row. */
    LoadedData load() {
        return new MultiTaskCsvReader(format(true)).read(data);
    }

    /** Rows to predict, in input order, against the model's features and tasks (the response may be absent). */
    PredictionData loadForPrediction(List<String> features, List<String> tasks) {
        return new MultiTaskCsvReader(format(false)).readForPrediction(data, features, tasks);
    }
}
