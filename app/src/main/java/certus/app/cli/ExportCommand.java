package certus.app.cli;

import certus.data.LoadedData;
import certus.estimators.SmtlParams;
import certus.estimators.exact.ExportedModel;
import certus.estimators.exact.SmtlCertifier;
import certus.solver.Model;
import certus.solver.io.LeastSquaresForm;
import certus.solver.io.LpWriter;
import certus.solver.io.MpsWriter;
import certus.solver.io.StartWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code certus export}: the Big-M MIQP of {@code certify --method bigm} as an MPS or CPLEX LP file, for any other
 * solver. Same data reading, standardization, heuristic warm start and M rules as certify; the file's comment
 * header states the M and its kind (proven for ridge &gt; 0, checked for ridge = 0), the variable naming and the
 * objective convention. Exit: 0 written, 2 bad input (nothing written).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the Big-M MIQP that 'certify --method bigm' solves as an MPS or LP file for another solver.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions dataOptions;

    @Mixin
    ProblemOptions problem;

    @Option(names = "--format", required = true, paramLabel = "FMT",
            description = "mps (free MPS with QUADOBJ, objective = c'x + 1/2 x'Qx) or lp (CPLEX LP).")
    String format;

    @Option(names = "--least-squares", paramLabel = "FORM", defaultValue = "auto",
            description = "How the loss is written: residual (r = A x - b, diagonal Q), expanded (explicit Q) or auto "
                    + "(residual unless expanded is at most half its size) (default: ${DEFAULT-VALUE}).")
    String leastSquares;

    @Mixin
    RunOptions run;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the model here (atomically) instead of stdout.")
    Path output;

    @Option(names = "--start", paramLabel = "FILE",
            description = "Also write the heuristic warm start as a MIP start ('name value' lines: Gurobi .mst, SCIP .sol), atomically.")
    Path start;

    @Override
    public Integer call() {
        String fmt = format.strip().toLowerCase(Locale.ROOT);
        if (!fmt.equals("mps") && !fmt.equals("lp")) {
            throw new ExitCodes.UsageException("unknown format '" + format + "'; expected mps or lp");
        }
        LeastSquaresForm form;
        try {
            form = LeastSquaresForm.parse(leastSquares);
        } catch (IllegalArgumentException e) {
            throw new ExitCodes.UsageException(e.getMessage());
        }
        SmtlParams params = problem.resolve();
        ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr());
        SmtlCertifier.Builder builder = SmtlCertifier.builder().params(params).seed(run.seed).standardize(run.standardize)
                .heuristicListener(progress);
        if (run.timeLimit != null) builder.timeLimitSeconds(run.timeLimit);
        SmtlCertifier certifier = builder.build();
        LoadedData loaded = dataOptions.load();
        loaded.warnings().forEach(w -> progress.line("warning: " + w));
        progress.line("exporting the big-M model of " + loaded.data() + " with " + ProblemOptions.describe(params) + " as " + fmt);
        ExportedModel exported = certifier.exportBigM(loaded.data());
        Model model = exported.model();
        String text = fmt.equals("mps") ? MpsWriter.write(model, exported.header(), form) : LpWriter.write(model, exported.header(), form);
        String startText = null;
        if (start != null) {
            if (!model.hasHint()) throw new ExitCodes.UsageException("no warm start to write: the heuristic found no solution");
            startText = StartWriter.write(model, exported.header(), form);
        }
        Output.emit(output, text, spec.commandLine().getOut());
        if (startText != null) {
            Output.emit(start, startText, spec.commandLine().getOut());
            progress.line("wrote the warm start to " + start);
        }
        progress.line(String.format(Locale.ROOT, "wrote %s: %d variables (%d integer), %d rows; M %.6g (%s)", output == null ? "stdout" : output,
                model.variableCount(), model.variables().stream().filter(v -> v.isInteger()).count(), model.constraints().size(),
                exported.maxM(), exported.mKind().name().toLowerCase(Locale.ROOT)));
        return ExitCodes.OK;
    }
}
