package certus.app.cli;

import certus.data.PredictionData;
import certus.estimators.SmtlModel;
import certus.estimators.io.ModelJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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
        Output.emit(output, PredictionCsv.of(rows, model::predict), spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
