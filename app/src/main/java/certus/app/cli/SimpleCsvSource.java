package certus.app.cli;

import certus.data.DataFormatException;
import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.tensor.DenseMatrix;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Interim long-format CSV reader so the CLI works before the shared reader lands (see {@link DataLoading}).
 * Deliberately small: header row, comma separated, every non-task, non-response, non-dropped column a numeric
 * feature; errors name file, line and column.
 */
final class SimpleCsvSource implements DatasetSource {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setTrim(true).setIgnoreEmptyLines(true).get();

    @Override
    public LoadedDataset load(Path file, Layout layout) {
        try (Reader in = open(file); CSVParser parser = CSVParser.parse(in, FORMAT)) {
            List<String> header = parser.getHeaderNames();
            int taskCol = column(file, header, layout.taskColumn(), "task");
            int yCol = column(file, header, layout.responseColumn(), "response");
            for (String d : layout.dropColumns()) {
                if (!header.contains(d)) throw new DataFormatException(file + ": --drop names column '" + d + "', which is not in the header " + header);
            }
            List<Integer> featureCols = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int c = 0; c < header.size(); c++) {
                if (c != taskCol && c != yCol && !layout.dropColumns().contains(header.get(c))) {
                    featureCols.add(c);
                    names.add(header.get(c));
                }
            }
            Map<String, List<double[]>> xs = new LinkedHashMap<>();
            Map<String, List<Double>> ys = new LinkedHashMap<>();
            for (CSVRecord r : parser) {
                long line = r.getRecordNumber() + 1;
                checkWidth(file, r, header.size(), line);
                String task = label(file, r.get(taskCol), layout.taskColumn(), line);
                double[] x = new double[featureCols.size()];
                for (int a = 0; a < x.length; a++) x[a] = number(file, r.get(featureCols.get(a)), names.get(a), line);
                xs.computeIfAbsent(task, t -> new ArrayList<>()).add(x);
                ys.computeIfAbsent(task, t -> new ArrayList<>()).add(number(file, r.get(yCol), layout.responseColumn(), line));
            }
            if (xs.isEmpty()) throw new DataFormatException(file + ": no data rows after the header");
            List<TaskData> tasks = new ArrayList<>();
            for (var e : xs.entrySet()) {
                double[] y = ys.get(e.getKey()).stream().mapToDouble(Double::doubleValue).toArray();
                tasks.add(new TaskData(e.getKey(), DenseMatrix.fromRows(e.getValue().toArray(new double[0][])), y));
            }
            MultiTaskData data;
            try {
                data = new MultiTaskData(names, tasks);
            } catch (DataFormatException e) {
                throw new DataFormatException(file + ": " + e.getMessage(), e);
            }
            List<String> warnings = new ArrayList<>();
            if (data.hasConstantColumns()) warnings.add(file + ": some features are constant within a task; they are never selected there");
            return new LoadedDataset(data, warnings);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new DataFormatException(file + ": cannot read CSV (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public PredictionRows loadForPrediction(Path file, Layout layout, List<String> features, List<String> tasks) {
        try (Reader in = open(file); CSVParser parser = CSVParser.parse(in, FORMAT)) {
            List<String> header = parser.getHeaderNames();
            int taskCol = column(file, header, layout.taskColumn(), "task");
            int[] cols = new int[features.size()];
            for (int j = 0; j < cols.length; j++) {
                cols[j] = header.indexOf(features.get(j));
                if (cols[j] < 0) throw new DataFormatException(file + ": the model needs feature column '" + features.get(j) + "', which is not in the header");
            }
            HashSet<String> known = new HashSet<>(tasks);
            List<String> labels = new ArrayList<>();
            List<double[]> rows = new ArrayList<>();
            for (CSVRecord r : parser) {
                long line = r.getRecordNumber() + 1;
                checkWidth(file, r, header.size(), line);
                String task = label(file, r.get(taskCol), layout.taskColumn(), line);
                if (!known.contains(task)) throw new DataFormatException(file + " line " + line + ": unknown task '" + task + "'; the model knows " + tasks);
                double[] x = new double[cols.length];
                for (int j = 0; j < cols.length; j++) x[j] = number(file, r.get(cols[j]), features.get(j), line);
                labels.add(task);
                rows.add(x);
            }
            return new PredictionRows(labels, rows);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new DataFormatException(file + ": cannot read CSV (" + e.getMessage() + ")", e);
        }
    }

    private static Reader open(Path file) throws IOException {
        try {
            return Files.newBufferedReader(file);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file + ": no such file");
        }
    }

    private static int column(Path file, List<String> header, String name, String role) {
        int c = header.indexOf(name);
        if (c < 0) throw new DataFormatException(file + ": no " + role + " column '" + name + "' in the header " + header);
        return c;
    }

    private static void checkWidth(Path file, CSVRecord r, int width, long line) {
        if (r.size() != width) throw new DataFormatException(file + " line " + line + ": " + r.size() + " fields, the header has " + width);
    }

    private static String label(Path file, String value, String column, long line) {
        if (value.isEmpty()) throw new DataFormatException(file + " line " + line + " column '" + column + "': empty task label");
        return value;
    }

    private static double number(Path file, String value, String column, long line) {
        try {
            double v = Double.parseDouble(value);
            if (Double.isFinite(v)) return v;
        } catch (NumberFormatException ignored) {
            // reported below with the position
        }
        throw new DataFormatException(file + " line " + line + " column '" + column + "': expected a finite number, got '" + value + "'");
    }
}
