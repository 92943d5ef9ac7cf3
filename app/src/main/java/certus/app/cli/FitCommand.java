package certus.app.cli;

import certus.data.LoadedData;
import certus.estimators.FitStatus;
import certus.estimators.Smtl;
import certus.estimators.SmtlModel;
import certus.estimators.SmtlParams;
import certus.estimators.io.ModelJson;
import certus.solver.CancellationToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code certus fit}: one sMTL fit with the heuristic. Parameters come from the defaults, then the params file,
 * then the flags (later wins). Everything is validated and computed before anything is written.
 */
@Command(name = "fit", mixinStandardHelpOptions = true, description = "Fit one sparse multi-task model; prints the result JSON.")
final class FitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions dataOptions;

    @Mixin
    ProblemOptions problem;

    @Mixin
    RunOptions run;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the JSON here (atomically) instead of stdout.")
    Path output;

    @Override
    public Integer call() {
        SmtlParams params = problem.resolve();
        ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr());
        CancellationToken token = new CancellationToken();
        Smtl estimator = run.configure(Smtl.builder().params(params)).listener(progress).stopRequest(token::isCancelled).build();
        LoadedData loaded = dataOptions.load();
        loaded.warnings().forEach(w -> progress.line("warning: " + w));
        progress.line("fitting " + loaded.data() + " with " + ProblemOptions.describe(params));
        try (CtrlC ctrlC = CtrlC.cancels(token, true)) { // Ctrl-C: the best fit so far is written, termination "interrupted"
            SmtlModel model = estimator.fit(loaded.data());
            Output.emit(output, ModelJson.write(model), spec.commandLine().getOut());
            return exitCode(model, progress);
        }
    }

    /** Status to exit code: a result without a solution is written (it says why) but the run did not succeed. */
    static int exitCode(SmtlModel model, ProgressPrinter progress) {
        if (model.status() == FitStatus.NO_SOLUTION) {
            progress.line("error: limit reached without a feasible solution (" + model.termination().reason().jsonName() + ")");
            return ExitCodes.NO_SOLUTION;
        }
        if (model.status() == FitStatus.ERROR) {
            progress.line("error: solver error: " + model.termination().detail());
            return ExitCodes.SOLVER_ERROR;
        }
        progress.line(String.format("done: status %s (%s), objective %.6g, %.2f s", model.status().jsonName(),
                model.termination().reason().jsonName(), model.objective(), model.seconds()));
        return ExitCodes.OK;
    }
}
