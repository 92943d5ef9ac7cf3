package certus.app.cli;

import certus.data.LoadedData;
import certus.data.MultiTaskData;
import certus.estimators.dualenc.DualEncoderFitter;
import certus.estimators.dualenc.DualEncoderModel;
import certus.estimators.dualenc.DualEncoderOptions;
import certus.estimators.io.DualEncoderJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code certus dualenc fit}: one dual-encoder fit with given penalties; the other settings are the spec defaults of
 * {@link DualEncoderOptions#defaults}. One line per epoch on stderr.
 */
@Command(name = "fit", mixinStandardHelpOptions = true, description = "Fit the dual encoder with given penalties; writes the model JSON.")
final class DualEncFitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions dataOptions;

    @Option(names = "--lambda-alpha", defaultValue = "0.1", paramLabel = "X", description = "Pull of the task-specific coefficients to their center (default: ${DEFAULT-VALUE}).")
    double lambdaAlpha;

    @Option(names = "--lambda-beta", defaultValue = "0.1", paramLabel = "X", description = "Pull of the shared-encoder coefficients to their center (default: ${DEFAULT-VALUE}).")
    double lambdaBeta;

    @Option(names = "--lambda-o", defaultValue = "0.1", paramLabel = "X", description = "Orthogonality weight between the two encoders (default: ${DEFAULT-VALUE}).")
    double lambdaO;

    @Option(names = "--q", defaultValue = "4", paramLabel = "N", description = "Task-specific latent size (default: ${DEFAULT-VALUE}).")
    int q;

    @Option(names = "--p", defaultValue = "8", paramLabel = "N", description = "Shared latent size (default: ${DEFAULT-VALUE}).")
    int p;

    @Option(names = "--epochs", defaultValue = "300", paramLabel = "N", description = "Epoch cap (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--patience", defaultValue = "30", paramLabel = "N", description = "Stop after this many epochs without a better validation loss (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seeds the validation split, the encoders and the minibatches (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the model JSON here (atomically) instead of stdout.")
    Path output;

    @Override
    public Integer call() {
        DualEncoderOptions options = TenMtlData.usage(() -> options(DualEncoderOptions.defaults(seed)));
        ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr());
        MultiTaskData data = load(dataOptions, progress);
        progress.line(String.format(Locale.ROOT, "dualenc fit %s: q=%d p=%d lambda_alpha=%g lambda_beta=%g lambda_o=%g epochs=%d patience=%d seed=%d",
                data, q, p, lambdaAlpha, lambdaBeta, lambdaO, epochs, patience, seed));
        DualEncoderModel m = TenMtlData.usage(() -> DualEncoderFitter.fit(data, options, progress::line));
        Output.emit(output, DualEncoderJson.write(m, data.featureNames(), options), spec.commandLine().getOut());
        progress.line("done: best epoch " + m.bestEpoch() + " of " + m.validationLosses().size() + " run");
        return ExitCodes.OK;
    }

    /** This command's settings on top of {@code base} (the schedule's encoder and prox steps are kept). */
    DualEncoderOptions options(DualEncoderOptions base) {
        return base.withLatentSizes(q, p).withPenalties(lambdaO, lambdaAlpha, lambdaBeta)
                .withSchedule(epochs, patience, base.encoderSteps(), base.proxSteps());
    }

    static MultiTaskData load(DataOptions options, ProgressPrinter progress) {
        LoadedData loaded = options.load();
        loaded.warnings().forEach(w -> progress.line("warning: " + w));
        return loaded.data();
    }
}
