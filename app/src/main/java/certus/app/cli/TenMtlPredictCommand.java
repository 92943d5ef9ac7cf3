package certus.app.cli;

import certus.data.PredictionData;
import certus.estimators.io.TenMtlJson;
import certus.estimators.tenmtl.TenMtl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code certus tenmtl predict}: task,prediction per input row, in input order (mean response: value or P(y=1)). */
@Command(name = "predict", mixinStandardHelpOptions = true, description = "Predict with a TenMTL model; CSV with header task,prediction.")
final class TenMtlPredictCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "Model JSON written by tenmtl fit or cv.")
    Path modelFile;

    @Mixin
    DataOptions dataOptions;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the CSV here (atomically) instead of stdout.")
    Path output;

    @Override
    public Integer call() {
        TenMtl.Result model = TenMtlJson.read(modelFile);
        // the reader rejects unknown tasks and missing features with the file, line and column
        PredictionData rows = dataOptions.loadForPrediction(model.features(), model.tasks());
        Output.emit(output, PredictionCsv.of(rows, model::predict), spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
