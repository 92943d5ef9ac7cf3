package certus.app.cli;

import certus.data.PredictionData;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** The prediction file every predict command writes: header task,prediction, one row per input row, in input order. */
final class PredictionCsv {
    /** The prediction of one input row. */
    interface Predictor {
        double predict(String task, double[] features);
    }

    private PredictionCsv() {}

    static String of(PredictionData rows, Predictor model) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("task", "prediction").setRecordSeparator("\n").get())) {
            for (int i = 0; i < rows.rowCount(); i++) printer.printRecord(rows.taskLabel(i), model.predict(rows.taskLabel(i), rows.row(i)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
