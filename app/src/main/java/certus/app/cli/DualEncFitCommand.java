package certus.app.cli;

import certus.data.LoadedData;
import certus.data.MultiTaskData;
import certus.estimators.Termination;
import certus.estimators.dualenc.DualEncoderFitter;
import certus.estimators.FitControl;
import certus.solver.CancellationToken;
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

    @Mixin
    DualEncModelOptions model;

    @Option(names = "--lambda-alpha", defaultValue = "0.1", paramLabel = "X", description = "Pull of the task-specific coefficients to their center (default: ${DEFAULT-VALUE}).")
    double lambdaAlpha;

    @Option(names = "--lambda-beta", defaultValue = "0.1", paramLabel = "X", description = "Pull of the shared-encoder coefficients to their center (default: ${DEFAULT-VALUE}).")
    double lambdaBeta;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the model JSON here (atomically) instead of stdout.")
    Path output;

    @Override
    public Integer call() {
        DualEncoderOptions options = model.options(lambdaAlpha, lambdaBeta);
        CancellationToken token = new CancellationToken();
        FitControl control = model.control(token);
        ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr());
        MultiTaskData data = load(dataOptions, progress);
        progress.line(String.format(Locale.ROOT, "dualenc fit %s: lambda_alpha=%g lambda_beta=%g %s", data, lambdaAlpha, lambdaBeta, model.describe()));
        try (CtrlC ctrlC = CtrlC.cancels(token, true)) {
            DualEncoderModel m = TenMtlData.usage(() -> DualEncoderFitter.fit(data, options, progress::line, control));
            Output.emit(output, DualEncoderJson.write(m, data.featureNames(), options), spec.commandLine().getOut());
            progress.line("done: " + summary(m));
        }
        return ExitCodes.OK;
    }

    /** "best epoch b of e run; stopped: why" for the last progress line. */
    static String summary(DualEncoderModel m) {
        return "best epoch " + m.bestEpoch() + " of " + m.validationLosses().size() + " run; " + m.termination().reason().jsonName()
                + (m.termination().limit() == Termination.Limit.NONE ? "" : " (" + m.termination().limit().jsonName() + ")")
                + ": " + m.termination().detail();
    }

    static MultiTaskData load(DataOptions options, ProgressPrinter progress) {
        LoadedData loaded = options.load();
        loaded.warnings().forEach(w -> progress.line("warning: " + w));
        return loaded.data();
    }
}
