package certus.app.cli;

import certus.data.PredictionData;
import certus.tensor.DenseMatrix;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/** The prediction file every predict command writes: header task,prediction, one row per input row, in input order. */
final class PredictionCsv {
    /** The prediction of one input row. */
    interface Predictor {
        double predict(String task, double[] features);
    }

    /** Predictions for a block of rows of one task (models whose cost is per call, not per row, e.g. networks). */
    interface BatchPredictor {
        double[] predict(String task, DenseMatrix rows);
    }

    private PredictionCsv() {}

    /** As {@link #of}, calling the model once per task with all of that task's rows; output still in input order. */
    static String ofBatches(PredictionData rows, BatchPredictor model) {
        Map<String, List<Integer>> byTask = new LinkedHashMap<>();
        for (int i = 0; i < rows.rowCount(); i++) byTask.computeIfAbsent(rows.taskLabel(i), k -> new ArrayList<>()).add(i);
        double[] predictions = new double[rows.rowCount()];
        for (Map.Entry<String, List<Integer>> e : byTask.entrySet()) {
            int[] idx = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            double[] f = model.predict(e.getKey(), rows.x().selectRows(idx));
            for (int k = 0; k < idx.length; k++) predictions[idx[k]] = f[k];
        }
        return write(rows, i -> predictions[i]);
    }

    static String of(PredictionData rows, Predictor model) {
        return write(rows, i -> model.predict(rows.taskLabel(i), rows.row(i)));
    }

    private static String write(PredictionData rows, IntToDoubleFunction prediction) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("task", "prediction").setRecordSeparator("\n").get())) {
            for (int i = 0; i < rows.rowCount(); i++) {
                printer.printRecord(rows.taskLabel(i), prediction.applyAsDouble(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
