package certus.app.cli;

import certus.data.MultiTaskData;
import certus.estimators.FitControl;
import certus.estimators.glm.Family;
import certus.estimators.io.TenMtlJson;
import certus.estimators.tenmtl.PredictorShape;
import certus.estimators.tenmtl.TenMtl;
import certus.estimators.tenmtl.TenMtlOptions;
import certus.solver.CancellationToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code certus tenmtl fit}: one TenMTL fit with given ranks and Lasso weight. */
@Command(name = "fit", mixinStandardHelpOptions = true, description = "Fit TenMTL with given ranks and lambda; writes the model JSON.")
final class TenMtlFitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions dataOptions;

    @Mixin
    TenMtlModelOptions model;

    @Option(names = "--task-rank", defaultValue = "2", paramLabel = "R0", description = "Task-mode rank: 1 shared + R0-1 distinct (default: ${DEFAULT-VALUE}).")
    int taskRank;

    @Option(names = "--feature-rank", defaultValue = "3", paramLabel = "R1", description = "Feature-mode rank (default: ${DEFAULT-VALUE}).")
    int featureRank;

    @Option(names = "--lambda", defaultValue = "0.01", paramLabel = "X", description = "Lasso weight on the factors (default: ${DEFAULT-VALUE}).")
    double lambda;

    @Option(names = "--no-shared", description = "Drop the shared/distinct split (the LR-Tucker baseline).")
    boolean noShared;

    @Option(names = "--init", defaultValue = "local", paramLabel = "I", description = "local (local fits + HOSVD) or random (default: ${DEFAULT-VALUE}).")
    String init;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seed of the random start (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--time-limit", paramLabel = "SEC",
            description = "Wall-clock budget in seconds, checked between sweeps; the last accepted state (the best so far) is saved with limit 'time' (default: none).")
    Double timeLimit;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the model JSON here (atomically) instead of stdout.")
    Path output;

    @Override
    public Integer call() {
        Family f = model.family();
        PredictorShape shape = model.shape();
        TenMtlOptions.Init start = switch (init.toLowerCase(Locale.ROOT)) {
            case "local" -> TenMtlOptions.Init.LOCAL_HOSVD;
            case "random" -> TenMtlOptions.Init.RANDOM;
            default -> throw new ExitCodes.UsageException("unknown init '" + init + "'; expected local or random");
        };
        TenMtlOptions options = TenMtlData.usage(() -> new TenMtlOptions(f, taskRank, featureRank, lambda, 1e-6, !noShared, start, 200, 1e-5, seed, shape, 0.0));
        ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr());
        MultiTaskData data = TenMtlData.load(dataOptions, f, progress);
        progress.line("tenmtl fit " + data + ": " + f.cliName() + ", shape " + shape + ", R0=" + taskRank + " R1=" + featureRank + " lambda=" + lambda);
        CancellationToken token = new CancellationToken();
        FitControl control = TenMtlData.usage(() -> FitControl.of(timeLimit, token));
        try (CtrlC ctrlC = CtrlC.cancels(token, true)) {
            TenMtl.Result r = TenMtlData.usage(() -> TenMtl.fit(data, options, control));
            Output.emit(output, TenMtlJson.write(r, null), spec.commandLine().getOut());
            progress.line(String.format(Locale.ROOT, "done: objective %.6g after %d sweeps; %s", r.factors().objective().get(r.factors().objective().size() - 1),
                    r.factors().objective().size() - 1, r.termination().detail()));
        }
        return ExitCodes.OK;
    }
}
