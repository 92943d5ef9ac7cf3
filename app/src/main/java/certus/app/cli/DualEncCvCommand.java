package certus.app.cli;

import certus.data.MultiTaskData;
import certus.estimators.dualenc.DualEncoderOptions;
import certus.estimators.dualenc.DualEncoderSelection;
import certus.estimators.dualenc.FitControl;
import certus.solver.CancellationToken;
import certus.estimators.io.DualEncoderJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code certus dualenc cv}: λ_α = λ_β chosen from a grid by mean holdout MSE on a seeded within-task split, then the
 * chosen model refitted on all rows and saved with the grid table ({@code validation} in the model JSON).
 */
@Command(name = "cv", mixinStandardHelpOptions = true,
        description = "Choose lambda_alpha = lambda_beta by within-task holdout MSE and save the refitted model with the table.")
final class DualEncCvCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions dataOptions;

    @Mixin
    DualEncModelOptions model;

    @Option(names = "--lambdas", split = ",", defaultValue = "0.01,0.1,1", paramLabel = "X",
            description = "Grid of lambda_alpha = lambda_beta (default: ${DEFAULT-VALUE}).")
    List<Double> lambdas;

    @Option(names = "--holdout", defaultValue = "0.2", paramLabel = "SHARE",
            description = "Share of each task's rows (seeded random) held out for scoring (default: ${DEFAULT-VALUE}).")
    double holdout;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the model JSON here (atomically) instead of stdout.")
    Path output;

    @Override
    public Integer call() {
        DualEncoderOptions base = model.options(0.1, 0.1);
        CancellationToken token = new CancellationToken();
        FitControl control = model.control(token);
        ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr());
        MultiTaskData data = DualEncFitCommand.load(dataOptions, progress);
        progress.line("dualenc cv " + data + ": lambdas " + lambdas + ", holdout " + holdout + ", " + model.describe());
        try (CtrlC ctrlC = CtrlC.cancels(token, true)) {
            DualEncoderSelection.Outcome out = TenMtlData.usage(() -> DualEncoderSelection.select(data, base, lambdas, holdout, progress::line, control));
            List<DualEncoderJson.ValidationRow> table = new ArrayList<>();
            for (DualEncoderSelection.Row r : out.table()) table.add(new DualEncoderJson.ValidationRow(r.lambda(), r.mse(), r.chosen()));
            Output.emit(output, DualEncoderJson.write(out.model(), data.featureNames(), out.options(), table), spec.commandLine().getOut());
            progress.line(String.format(Locale.ROOT, "chosen (smallest holdout MSE): lambda_alpha = lambda_beta = %g; %s",
                    out.options().lambdaAlpha(), DualEncFitCommand.summary(out.model())));
        }
        return ExitCodes.OK;
    }
}
