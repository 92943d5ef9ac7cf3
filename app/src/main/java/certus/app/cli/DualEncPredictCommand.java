package certus.app.cli;

import certus.data.PredictionData;
import certus.estimators.io.DualEncoderJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code certus dualenc predict}: task,prediction per input row, in input order, on each task's response scale. */
@Command(name = "predict", mixinStandardHelpOptions = true, description = "Predict with a dual-encoder model; CSV with header task,prediction.")
final class DualEncPredictCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "Model JSON written by dualenc fit or cv.")
    Path modelFile;

    @Mixin
    DataOptions dataOptions;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the CSV here (atomically) instead of stdout.")
    Path output;

    @Override
    public Integer call() {
        DualEncoderJson.Saved model = DualEncoderJson.read(modelFile);
        // the reader rejects unknown tasks and missing features with the file, line and column
        PredictionData rows = dataOptions.loadForPrediction(model.features(), model.tasks());
        Output.emit(output, PredictionCsv.ofBatches(rows, model.model()::predict), spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
