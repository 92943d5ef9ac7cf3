package certus.app.cli;

import picocli.CommandLine.Command;

/** {@code certus dualenc}: the dual-encoder multi-task network (fit, cv, predict). */
@Command(name = "dualenc", mixinStandardHelpOptions = true,
        description = "Dual encoder: a shared and a task-specific neural encoder per task, coefficients pulled to common centers (fit, cv, predict).",
        subcommands = {DualEncFitCommand.class, DualEncCvCommand.class, DualEncPredictCommand.class})
final class DualEncCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: fit, cv or predict");
    }
}
