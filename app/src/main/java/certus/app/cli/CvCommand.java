package certus.app.cli;

import certus.data.LoadedData;
import certus.estimators.Smtl;
import certus.estimators.cv.CrossValidator;
import certus.estimators.cv.CvGrid;
import certus.estimators.cv.CvResult;
import certus.estimators.cv.CvRow;
import certus.estimators.io.ModelJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code certus cv}: stratified K-fold CV over a grid of s, zbar, bbar (and ridge), the true 1-SE rule, then a
 * refit on all data. Both outputs are built in memory before either is written.
 */
@Command(name = "cv", mixinStandardHelpOptions = true,
        description = "Cross-validate s, zbar, bbar (1-SE rule), refit on all data; prints the chosen model JSON.")
final class CvCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions dataOptions;

    @Option(names = "--s-grid", required = true, split = ",", paramLabel = "N", description = "Values of s, e.g. 2,4,6.")
    List<Integer> sGrid;

    @Option(names = "--zbar-grid", split = ",", defaultValue = "0", paramLabel = "X", description = "Values of zbar (default: ${DEFAULT-VALUE}).")
    List<Double> zbarGrid;

    @Option(names = "--bbar-grid", split = ",", defaultValue = "0", paramLabel = "X", description = "Values of bbar (default: ${DEFAULT-VALUE}).")
    List<Double> bbarGrid;

    @Option(names = "--ridge", split = ",", defaultValue = "0", paramLabel = "X", description = "Ridge weight, or a comma-separated grid (default: ${DEFAULT-VALUE}).")
    List<Double> ridgeGrid;

    @Option(names = "--common-support", description = "One support for all tasks.")
    boolean commonSupport;

    @Option(names = "--folds", defaultValue = "5", paramLabel = "K", description = "Folds, stratified by task (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--threads", defaultValue = "2", paramLabel = "N", description = "Parallel fold fits, capped by the cores (default: ${DEFAULT-VALUE}).")
    int threads;

    @Mixin
    RunOptions run;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the chosen model JSON here instead of stdout.")
    Path output;

    @Option(names = "--table", paramLabel = "FILE", description = "Write the CV table (CSV, one row per grid point).")
    Path table;

    @Override
    public Integer call() {
        CvGrid grid;
        try {
            grid = new CvGrid(sGrid, ridgeGrid, bbarGrid, zbarGrid, commonSupport);
            grid.points();
        } catch (certus.smtl.InvalidProblemException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ExitCodes.UsageException(e.getMessage());
        }
        ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr());
        Smtl template = run.configure(Smtl.builder().s(1)).build();
        LoadedData loaded = dataOptions.load();
        loaded.warnings().forEach(w -> progress.line("warning: " + w));
        progress.line("cross-validating " + loaded.data() + ": " + grid.points().size() + " grid points x " + folds + " folds");
        CrossValidator cv = new CrossValidator(grid, folds, threads, template,
                (done, total, message) -> progress.line("[cv " + done + "/" + total + "] " + message));
        CvResult result = cv.run(loaded.data());
        CvRow chosen = result.chosen();
        CvRow best = result.rows().get(result.bestIndex());
        progress.line(String.format("best: s=%d zbar=%s bbar=%s ridge=%s  cv rmse %.6g (se %.3g)", best.params().s(), best.params().zbar(),
                best.params().bbar(), best.params().ridge(), best.meanRmse(), best.seRmse()));
        progress.line(String.format("chosen by 1-SE rule: s=%d zbar=%s bbar=%s ridge=%s  cv rmse %.6g", chosen.params().s(),
                chosen.params().zbar(), chosen.params().bbar(), chosen.params().ridge(), chosen.meanRmse()));
        String modelJson = ModelJson.write(result.model());
        String tableCsv = table == null ? null : CvTableCsv.write(result);
        if (table != null) certus.data.AtomicFiles.writeString(table, tableCsv);
        Output.emit(output, modelJson, spec.commandLine().getOut());
        return FitCommand.exitCode(result.model(), progress);
    }
}
