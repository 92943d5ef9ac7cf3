package certus.data;

import certus.tensor.DenseMatrix;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads long-format multi-task CSV: a header row, then one row per observation with a task label, a response and
 * numeric features shared by all tasks. Tasks appear in order of first appearance and rows keep file order
 * within a task, so a re-read of the same file gives the same {@link MultiTaskData} (fits are reproducible).
 *
 * <p>Every problem is a {@link DataFormatException} whose message starts with the location
 * ({@code "data.csv line 17, column 'x3' (4): ..."}; the column index is 1-based) and, where a fix is likely,
 * ends with a "Maybe ..." hint. No row is ever dropped silently: a bad cell fails the whole read (blank lines are
 * not rows and are skipped, but still counted for line numbers). Header names, task labels and numbers are
 * trimmed of surrounding whitespace, since stray spaces after a delimiter are the commonest harmless defect;
 * quote-aware parsing (RFC 4180) lets labels contain commas. The reader never prints; soft issues (constant
 * columns) are returned as warnings. Input is UTF-8; a leading byte-order mark is ignored.
 */
public final class MultiTaskCsvReader {
    private final CsvFormatOptions options;

    public MultiTaskCsvReader(CsvFormatOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public CsvFormatOptions options() {
        return options;
    }

    /** Reads a training file (UTF-8). The file is named in messages as given. */
    public LoadedData read(Path file) {
        String source = file.toString();
        try (Reader in = open(file)) {
            return read(in, source);
        } catch (IOException e) {
            throw closeFailure(e, source);
        }
    }

    /**
     * Reads training data from a stream (e.g. an HTTP upload); {@code source} names it in messages. The stream is
     * not closed.
     */
    public LoadedData read(Reader in, String source) {
        try (CsvRecordSource records = new CsvRecordSource(in, source)) {
            CsvHeader header = readHeader(records, source);
            Map<String, TaskRows> tasks = new LinkedHashMap<>();
            List<RowOrigin> order = new ArrayList<>();
            CsvRecordSource.Row row;
            while ((row = records.next()) != null) {
                checkWidth(row, header);
                String label = taskLabel(row, header);
                TaskRows t = tasks.get(label);
                if (t == null) {
                    t = new TaskRows(tasks.size(), row.line());
                    tasks.put(label, t);
                }
                order.add(new RowOrigin(t.index, t.x.size(), row.line()));
                t.x.add(features(row, header));
                t.y.add(CsvCells.parseFinite(row.fields()[header.responseColumn],
                        CsvCells.at(source, row.line(), header.name(header.responseColumn), header.responseColumn)));
            }
            if (order.isEmpty()) throw headerOnly(source, header);
            checkTaskSizes(tasks, source);
            List<TaskData> list = new ArrayList<>(tasks.size());
            tasks.forEach((label, t) -> list.add(t.build(label)));
            MultiTaskData data = new MultiTaskData(header.featureNames, list);
            return new LoadedData(source, data, order, ConstantColumns.warnings(data));
        }
    }

    /**
     * Reads rows to predict against a fitted model (UTF-8). The response column is read when present and required
     * only if {@link CsvFormatOptions#requireResponse()} is set: use {@link CsvFormatOptions#forPrediction()} for
     * plain prediction and the training options for scoring. Tasks may have any number of rows here.
     *
     * @param modelFeatures the model's feature names; the file must hold each of them (any column order) and no
     *                      other feature column unless it is dropped
     * @param modelTasks    the model's task labels, in the model's order; {@link PredictionData#taskIndex(int)}
     *                      indexes this list, and a row with another label is an error
     */
    public PredictionData readForPrediction(Path file, List<String> modelFeatures, List<String> modelTasks) {
        String source = file.toString();
        try (Reader in = open(file)) {
            return readForPrediction(in, source, modelFeatures, modelTasks);
        } catch (IOException e) {
            throw closeFailure(e, source);
        }
    }

    /** As {@link #readForPrediction(Path, List, List)} from a stream; the stream is not closed. */
    public PredictionData readForPrediction(Reader in, String source, List<String> modelFeatures, List<String> modelTasks) {
        Map<String, Integer> taskIndex = new HashMap<>();
        for (int k = 0; k < modelTasks.size(); k++) taskIndex.put(modelTasks.get(k), k);
        try (CsvRecordSource records = new CsvRecordSource(in, source)) {
            CsvHeader header = readHeader(records, source);
            int[] columnOfFeature = matchModelFeatures(header, modelFeatures);
            List<double[]> rows = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            List<Integer> tasks = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            List<Double> response = new ArrayList<>();
            CsvRecordSource.Row row;
            while ((row = records.next()) != null) {
                checkWidth(row, header);
                String label = taskLabel(row, header);
                Integer k = taskIndex.get(label);
                if (k == null) {
                    throw new DataFormatException(CsvCells.at(source, row.line(), header.name(header.taskColumn), header.taskColumn)
                            + ": unknown task '" + label + "'; the model was fitted on tasks " + abbreviate(modelTasks)
                            + ". Maybe the task column or the model is not the right one (labels are case-sensitive)");
                }
                double[] x = new double[columnOfFeature.length];
                for (int j = 0; j < x.length; j++) {
                    int c = columnOfFeature[j];
                    x[j] = CsvCells.parseFinite(row.fields()[c], CsvCells.at(source, row.line(), header.name(c), c));
                }
                if (header.responseColumn >= 0) {
                    int c = header.responseColumn;
                    response.add(CsvCells.parseFinite(row.fields()[c], CsvCells.at(source, row.line(), header.name(c), c)));
                }
                rows.add(x);
                labels.add(label);
                tasks.add(k);
                lines.add(row.line());
            }
            if (rows.isEmpty()) throw headerOnly(source, header);
            double[] y = header.responseColumn >= 0 ? response.stream().mapToDouble(Double::doubleValue).toArray() : null;
            return new PredictionData(source, modelFeatures, DenseMatrix.fromRows(rows.toArray(double[][]::new)), labels,
                    tasks.stream().mapToInt(Integer::intValue).toArray(), lines.stream().mapToLong(Long::longValue).toArray(), y,
                    List.of());
        }
    }

    /** Header index of each model feature; extra feature columns are an error so a wrong file cannot slip by. */
    private int[] matchModelFeatures(CsvHeader header, List<String> modelFeatures) {
        String where = CsvCells.at(header.source, header.line);
        int[] columns = new int[modelFeatures.size()];
        for (int j = 0; j < columns.length; j++) {
            String f = modelFeatures.get(j);
            int c = header.featureNames.indexOf(f);
            if (c < 0) {
                String why = options.dropColumns().contains(f) ? " (it is listed in --drop)"
                        : f.equals(options.taskColumn()) || f.equals(options.responseColumn()) ? " (it is the task or response column)" : "";
                throw new DataFormatException(where + ": the model's feature '" + f + "' is missing from the header" + why
                        + "; the header has columns " + header.names + ". Maybe this file is not meant for this model");
            }
            columns[j] = header.featureColumns[c];
        }
        for (int i = 0; i < header.featureColumns.length; i++) {
            String name = header.featureNames.get(i);
            if (!modelFeatures.contains(name)) {
                int c = header.featureColumns[i];
                throw new DataFormatException(CsvCells.at(header.source, header.line, name, c) + ": column '" + name
                        + "' is not a feature of the model (model features: " + abbreviate(modelFeatures)
                        + "). Maybe pass --drop '" + name + "'");
            }
        }
        return columns;
    }

    private CsvHeader readHeader(CsvRecordSource records, String source) {
        CsvRecordSource.Row first = records.next();
        if (first == null) {
            throw new DataFormatException(source + ": the file is empty; expected a header row such as 'task,y,x1,x2' and data rows");
        }
        return CsvHeader.parse(first, options, source);
    }

    private static DataFormatException headerOnly(String source, CsvHeader header) {
        return new DataFormatException(CsvCells.at(source, header.line) + ": the file has a header but no data rows");
    }

    private static void checkWidth(CsvRecordSource.Row row, CsvHeader header) {
        if (row.fields().length != header.width()) {
            String hint = row.fields().length > header.width()
                    ? ". Maybe a value contains ',' and needs double quotes, or the line has a trailing ','"
                    : ". Maybe a value is missing or the line was cut";
            throw new DataFormatException(CsvCells.at(header.source, row.line()) + ": row has " + row.fields().length
                    + " fields, the header has " + header.width() + hint);
        }
    }

    private static String taskLabel(CsvRecordSource.Row row, CsvHeader header) {
        String label = row.fields()[header.taskColumn].strip();
        if (label.isEmpty()) {
            throw new DataFormatException(CsvCells.at(header.source, row.line(), header.name(header.taskColumn), header.taskColumn)
                    + ": empty task label; every row needs a task");
        }
        return label;
    }

    private static double[] features(CsvRecordSource.Row row, CsvHeader header) {
        double[] x = new double[header.featureColumns.length];
        for (int j = 0; j < x.length; j++) {
            int c = header.featureColumns[j];
            x[j] = CsvCells.parseFinite(row.fields()[c], CsvCells.at(header.source, row.line(), header.name(c), c));
        }
        return x;
    }

    /** Checked here rather than in {@link MultiTaskData} so the message can name the file and the lines. */
    private static void checkTaskSizes(Map<String, TaskRows> tasks, String source) {
        List<String> small = new ArrayList<>();
        tasks.forEach((label, t) -> {
            if (t.x.size() < MultiTaskData.MIN_ROWS_PER_TASK) {
                small.add("'" + label + "' has " + t.x.size() + " row" + (t.x.size() == 1 ? "" : "s") + " (first on line " + t.firstLine + ")");
            }
        });
        if (!small.isEmpty()) {
            throw new DataFormatException(source + ": task " + String.join(", task ", small) + "; each task needs at least "
                    + MultiTaskData.MIN_ROWS_PER_TASK + " rows (one for its intercept, one more for any slope). "
                    + "Maybe remove or merge the small task(s), or check the task column");
        }
    }

    private static String abbreviate(List<String> names) {
        final int shown = 20;
        if (names.size() <= shown) return names.toString();
        return names.subList(0, shown).toString().replaceFirst("]$", ", ... (" + names.size() + " in all)]");
    }

    private static Reader open(Path file) {
        if (Files.isDirectory(file)) throw new DataFormatException(file + ": is a directory, not a CSV file");
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file + ": file not found (looked at " + file.toAbsolutePath() + ")", e);
        } catch (IOException e) {
            throw new DataFormatException(file + ": cannot be read: " + e, e);
        }
    }

    private static RuntimeException closeFailure(IOException e, String source) {
        return new UncheckedIOException(source + ": closing the file failed", e);
    }

    /** Per-task accumulator; rows kept as arrays until the task is complete. */
    private static final class TaskRows {
        final int index;
        final long firstLine;
        final List<double[]> x = new ArrayList<>();
        final List<Double> y = new ArrayList<>();

        TaskRows(int index, long firstLine) {
            this.index = index;
            this.firstLine = firstLine;
        }

        TaskData build(String label) {
            return new TaskData(label, DenseMatrix.fromRows(x.toArray(double[][]::new)), y.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }
}
