package certus.app.cli;

import picocli.CommandLine.Command;

/** {@code certus tenmtl}: the Tucker-structured multi-task GLM (fit, cv, predict). */
@Command(name = "tenmtl", mixinStandardHelpOptions = true,
        description = "TenMTL: per-task GLMs whose coefficients share a low-rank Tucker structure (fit, cv, predict).",
        subcommands = {TenMtlFitCommand.class, TenMtlCvCommand.class, TenMtlPredictCommand.class})
final class TenMtlCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: fit, cv or predict");
    }
}
