package certus.app.cli;

import certus.data.PredictionData;
import certus.estimators.SmtlModel;
import certus.estimators.io.ModelJson;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code certus predict}: one prediction per input row, in input order, each by its own task's coefficients. */
@Command(name = "predict", mixinStandardHelpOptions = true, description = "Predict with a model file; CSV with header task,prediction.")
final class PredictCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "Model JSON written by fit or cv.")
    Path modelFile;

    @Mixin
    DataOptions dataOptions;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the CSV here (atomically) instead of stdout.")
    Path output;

    @Override
    public Integer call() {
        SmtlModel model = ModelJson.read(modelFile);
        if (!model.hasSolution()) {
            throw new certus.data.DataFormatException("model file " + modelFile + " holds no solution (status " + model.status().jsonName() + ")");
        }
        PredictionData rows = dataOptions.loadForPrediction(model.features(), model.tasks());
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("task", "prediction").setRecordSeparator("\n").get())) {
            for (int i = 0; i < rows.rowCount(); i++) {
                String task = rows.taskLabel(i);
                printer.printRecord(task, model.predict(task, rows.row(i)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Output.emit(output, out.toString(), spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
