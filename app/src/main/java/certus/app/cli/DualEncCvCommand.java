package certus.app.cli;

import certus.data.MultiTaskData;
import certus.estimators.dualenc.DualEncoderOptions;
import certus.estimators.dualenc.DualEncoderSelection;
import certus.estimators.FitControl;
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
 * {@code certus dualenc cv}: λ_α = λ_β (and optionally λ_o and the hidden layers) chosen from a grid by mean holdout
 * MSE on a seeded within-task split, then the chosen model refitted on all rows and saved with the grid table
 * ({@code validation} in the model JSON). Tasks under 100 rows get K-fold epoch selection in the refit by default.
 */
@Command(name = "cv", mixinStandardHelpOptions = true,
        description = "Choose lambda_alpha = lambda_beta (and lambda_o, hidden layers) by within-task holdout MSE and save the refitted model with the table.")
final class DualEncCvCommand implements Callable<Integer> {
    /** Below this many rows in the smallest task a 20% validation split is too noisy to stop on (PDX: ~25 rows). */
    static final int SMALL_TASK_ROWS = 100;
    static final int DEFAULT_EPOCH_FOLDS = 5;

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions dataOptions;

    @Mixin
    DualEncModelOptions model;

    @Option(names = "--lambdas", split = ",", defaultValue = "0.01,0.1,1", paramLabel = "X",
            description = "Grid of lambda_alpha = lambda_beta (default: ${DEFAULT-VALUE}).")
    List<Double> lambdas;

    @Option(names = "--lambda-o-grid", split = ",", paramLabel = "X",
            description = "Grid of orthogonality weights lambda_o (default: just --lambda-o).")
    List<Double> lambdaOs;

    @Option(names = "--hidden-grid", split = ";", paramLabel = "H",
            description = "Grid of hidden layers, ';'-separated, each as for --hidden, e.g. 'auto;none;64,64' (default: just --hidden).")
    List<String> hiddens;

    @Option(names = "--epoch-folds", paramLabel = "K",
            description = "Refit with K-fold epoch selection (K >= 2) or 0 for the single validation split "
                    + "(default: 5 when the smallest task has < 100 rows, else 0).")
    Integer epochFolds;

    @Option(names = "--holdout", defaultValue = "0.2", paramLabel = "SHARE",
            description = "Share of each task's rows (seeded random) held out for scoring (default: ${DEFAULT-VALUE}).")
    double holdout;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the model JSON here (atomically) instead of stdout.")
    Path output;

    @Override
    public Integer call() {
        DualEncoderOptions base = model.options(0.1, 0.1);
        List<DualEncoderOptions> candidates = TenMtlData.usage(() -> DualEncoderSelection.grid(base, lambdas,
                lambdaOs == null ? List.of(base.lambdaO()) : lambdaOs,
                hiddens == null ? List.of(base.architecture()) : hiddens.stream().map(DualEncModelOptions::architecture).toList()));
        CancellationToken token = new CancellationToken();
        FitControl control = model.control(token);
        ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr());
        MultiTaskData data = DualEncFitCommand.load(dataOptions, progress);
        int folds = epochFolds != null ? epochFolds
                : data.tasks().stream().mapToInt(t -> t.rows()).min().orElseThrow() < SMALL_TASK_ROWS ? DEFAULT_EPOCH_FOLDS : 0;
        progress.line("dualenc cv " + data + ": " + candidates.size() + " candidates (lambdas " + lambdas + ", lambda_o "
                + (lambdaOs == null ? List.of(base.lambdaO()) : lambdaOs) + ", hidden " + (hiddens == null ? List.of(model.hidden) : hiddens)
                + "), holdout " + holdout + ", epoch folds " + folds + ", " + model.describe());
        try (CtrlC ctrlC = CtrlC.cancels(token, true)) {
            DualEncoderSelection.Outcome out = TenMtlData.usage(() -> DualEncoderSelection.select(data, candidates, holdout, folds, progress::line, control));
            List<DualEncoderJson.ValidationRow> table = new ArrayList<>();
            for (DualEncoderSelection.Row r : out.table()) {
                DualEncoderOptions o = r.options();
                table.add(new DualEncoderJson.ValidationRow(o.lambdaAlpha(), o.lambdaBeta(), o.lambdaO(), DualEncModelOptions.hiddenText(o.architecture()),
                        r.mse(), r.chosen()));
            }
            Output.emit(output, DualEncoderJson.write(out.model(), data.featureNames(), out.options(), table), spec.commandLine().getOut());
            progress.line("chosen (smallest holdout MSE): " + DualEncoderSelection.describe(out.options()) + "; "
                    + DualEncFitCommand.summary(out.model()));
        }
        return ExitCodes.OK;
    }
}
