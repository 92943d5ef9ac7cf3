package certus.app.cli;

import certus.data.MultiTaskData;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * How the CLI reads long-format CSV files (one row per observation: a task column, a response column, features).
 * The CLI depends only on this interface so the shared {@code certus.data.MultiTaskCsvReader} can replace the
 * interim {@link SimpleCsvSource} by changing {@link DataLoading} alone.
 */
public interface DatasetSource {
    /** Training data: every row needs a task label, a response and numeric features. */
    LoadedDataset load(Path file, Layout layout);

    /**
     * Rows to predict, in input order, with feature values rearranged into the model's feature order. Tasks must be
     * among {@code tasks}; the response column may be present (it is ignored) or absent.
     */
    PredictionRows loadForPrediction(Path file, Layout layout, List<String> features, List<String> tasks);

    /** Column roles of a CSV file. */
    record Layout(String taskColumn, String responseColumn, Set<String> dropColumns) {
        public Layout {
            dropColumns = Set.copyOf(dropColumns);
        }
    }

    /** Training data plus non-fatal findings (e.g. constant columns) for stderr. */
    record LoadedDataset(MultiTaskData data, List<String> warnings) {
        public LoadedDataset {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * @param tasks task label per input row
     * @param rows  features per input row, in the requested feature order
     */
    record PredictionRows(List<String> tasks, List<double[]> rows) {
        public PredictionRows {
            tasks = List.copyOf(tasks);
            rows = List.copyOf(rows);
        }
    }
}
