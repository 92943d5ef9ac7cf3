package certus.app.cli;

import certus.data.MultiTaskData;
import certus.estimators.glm.Family;
import certus.estimators.io.TenMtlJson;
import certus.estimators.tenmtl.PredictorShape;
import certus.estimators.tenmtl.TenMtlOptions;
import certus.estimators.tenmtl.TenMtlSelection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code certus tenmtl cv}: ranks and Lasso weight chosen by validation inside the training data (each task's last
 * rows held out), then the chosen model refitted on all rows and saved.
 */
@Command(name = "cv", mixinStandardHelpOptions = true,
        description = "Choose TenMTL's ranks and lambda by within-task validation and save the refitted model.")
final class TenMtlCvCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions dataOptions;

    @Mixin
    TenMtlModelOptions model;

    @Option(names = "--task-ranks", split = ",", defaultValue = "1,2,3", paramLabel = "R0", description = "Grid of R0 (default: ${DEFAULT-VALUE}).")
    List<Integer> taskRanks;

    @Option(names = "--feature-ranks", split = ",", defaultValue = "2,3,5", paramLabel = "R1", description = "Grid of R1 (default: ${DEFAULT-VALUE}).")
    List<Integer> featureRanks;

    @Option(names = "--lambdas", split = ",", defaultValue = "0.1,0.03,0.01,0.003,0.001", paramLabel = "X",
            description = "Grid of lambda (default: ${DEFAULT-VALUE}).")
    List<Double> lambdas;

    @Option(names = "--holdout", defaultValue = "0.3", paramLabel = "SHARE",
            description = "Share of each task's last rows held out for validation (default: ${DEFAULT-VALUE}).")
    double holdout;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the model JSON here (atomically) instead of stdout.")
    Path output;

    @Override
    public Integer call() {
        Family f = model.family();
        PredictorShape shape = model.shape();
        ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr());
        MultiTaskData data = TenMtlData.load(dataOptions, f, progress);
        progress.line("tenmtl cv " + data + ": " + f.cliName() + ", shape " + shape + ", R0 " + taskRanks + ", R1 " + featureRanks + ", lambda " + lambdas);
        TenMtlSelection.Outcome out = TenMtlData.usage(() -> TenMtlSelection.select(data, TenMtlOptions.of(f, 1, 1, 0).withShape(shape), taskRanks, featureRanks, lambdas, holdout,
                TenMtlSelection.Rule.ONE_STANDARD_ERROR, progress::line));
        Output.emit(output, TenMtlJson.write(out.result(), out.table()), spec.commandLine().getOut());
        TenMtlSelection.Row chosen = out.table().stream().filter(TenMtlSelection.Row::chosen).findFirst().orElseThrow();
        progress.line(String.format(Locale.ROOT, "chosen (1-SE rule, smallest ranks): R0=%d R1=%d lambda=%g, validation %s %.5f (se %.5f)",
                chosen.taskRank(), chosen.featureRank(), chosen.lambda(), f == Family.GAUSSIAN ? "RMSE" : "log-loss", chosen.mean(), chosen.se()));
        return ExitCodes.OK;
    }
}
