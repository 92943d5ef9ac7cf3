package certus.app.cli;

import certus.data.LoadedData;
import certus.estimators.SmtlParams;
import certus.estimators.exact.ExactDefaults;
import certus.estimators.exact.SmtlCertifier;
import certus.estimators.io.CertificateJson;
import certus.formulations.ExactMethod;
import certus.formulations.cert.Certificate;
import certus.solver.CancellationToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import certus.estimators.io.BnbProofJson;
import certus.formulations.bnb.BnbProof;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code certus certify}: heuristic warm start, exact solve, certificate. The output is the fit JSON with bound,
 * gap and status filled plus a {@code certificate} section. Ctrl-C cancels the solve and still writes the best
 * certificate so far with its true status (the shutdown hook waits for it, up to {@link CtrlC#SHUTDOWN_WAIT_SECONDS}).
 * Exit: 0 optimal or feasible (certificate written), 4 no solution, 3 solver error or unavailable backend,
 * 2 bad input (nothing written).
 */
@Command(name = "certify", mixinStandardHelpOptions = true,
        description = "Solve exactly and write a certificate (fit JSON with bound, gap, status and a 'certificate' section).")
final class CertifyCommand implements Callable<Integer> {
    /** The issue asks for a progress line "at least every few seconds". */
    static final double PROGRESS_INTERVAL_SECONDS = 2.0;

    private final CliEnvironment env;

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions dataOptions;

    @Mixin
    ProblemOptions problem;

    /** A name rather than the enum so the help shows the default as users type it ("oa", not "OA"). */
    static final String AUTO = "auto";

    @Option(names = "--method", paramLabel = "M", description = "Exact method: auto, bnb, bigm, perspective or oa (default: "
            + "${DEFAULT-VALUE}: bnb, our branch and bound, when ridge > 0 and bbar = 0 and no --backend is named; else "
            + "perspective).")
    String methodName = AUTO;

    @Option(names = "--backend", paramLabel = "NAME", description = "MIP backend, see 'certus backends' (default: scip; highs for oa; "
            + "bnb needs none).")
    String backend;

    @Option(names = "--gap", paramLabel = "X", description = "Relative gap under which the solve counts as optimal (default: ${DEFAULT-VALUE}).")
    double gap = ExactDefaults.GAP;

    @Option(names = "--threads", paramLabel = "N", description = "Solver threads: bnb tree workers, CBC/ojAlgo threads "
            + "(default: the cores, ${DEFAULT-VALUE} here).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Mixin
    RunOptions run;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the certificate here (atomically) instead of stdout.")
    Path output;

    @Option(names = "--proof", paramLabel = "FILE", description = "Also write the proof of the bound (method bnb) to FILE, gzip-compressed "
            + "when it ends in .gz, so 'certus verify --proof FILE' can re-derive the bound.")
    Path proof;

    CertifyCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        ExactMethod method = parseMethod(methodName);
        SmtlParams params = problem.resolve();
        ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr());
        CancellationToken token = env.cancellation().get();
        SmtlCertifier.Builder builder = SmtlCertifier.builder().params(params).method(method).backend(backend).gap(gap).threads(threads)
                .seed(run.seed).standardize(run.standardize).heuristicListener(progress).cancellation(token)
                .solvers(env.solvers()).backends(env.backends());
        if (run.timeLimit != null) builder.timeLimitSeconds(run.timeLimit);
        SmtlCertifier checked = builder.build(); // validates gap, threads and time limit before the data are read
        LoadedData loaded = dataOptions.load();
        loaded.warnings().forEach(w -> progress.line("warning: " + w));
        progress.line("certifying " + loaded.data() + " with " + ProblemOptions.describe(params) + ", method "
                + checked.method(loaded.data()).cliName() + " on " + checked.backend(loaded.data()) + ", gap " + gap);
        try (CtrlC ctrlC = CtrlC.cancels(token, env.installShutdownHook());
             SolveProgressPrinter solveProgress = new SolveProgressPrinter(spec.commandLine().getErr(), PROGRESS_INTERVAL_SECONDS)) {
            BnbProof[] recorded = new BnbProof[1];
            if (proof != null) builder.proofSink(p -> recorded[0] = p);
            Certificate c = builder.solveListener(solveProgress).build().certify(loaded.data());
            Output.emit(output, CertificateJson.write(c), spec.commandLine().getOut());
            if (proof != null) writeProof(recorded[0], c, progress);
            return exitCode(c, progress);
        }
    }

    /** Writes the proof when there is one for the certificate's bound; else says why there is none. */
    private void writeProof(BnbProof p, Certificate c, ProgressPrinter progress) {
        if (p == null || !p.complete()) {
            progress.line("warning: no proof written to " + proof + ": " + (p == null ? "none recorded" : p.incomplete()));
        } else if (!Double.isFinite(c.bound())) {
            progress.line("warning: no proof written to " + proof + ": the certificate states no bound");
        } else {
            BnbProofJson.write(proof, p, c);
            progress.line("proof: " + p.leafCount() + " leaves written to " + proof);
        }
    }

    static int exitCode(Certificate c, ProgressPrinter progress) {
        String summary = String.format("status %s (%s%s), objective %.6g, bound %.6g, gap %.2e, %.2f s", c.status().jsonName(),
                c.termination().reason().name().toLowerCase(Locale.ROOT),
                c.termination().limit() == certus.solver.Termination.Limit.NONE ? "" : ", " + c.termination().limit().name().toLowerCase(Locale.ROOT),
                c.objective(), c.bound(), c.gap(), c.provenance().seconds());
        return switch (c.status()) {
            case OPTIMAL, FEASIBLE -> {
                if (!c.provenance().boundCheck().isEmpty()) progress.line("bound: " + c.provenance().boundCheck());
                progress.line("done: " + summary + (c.optimalityConditional() ? "; optimality conditional on |beta| <= M" : ""));
                yield ExitCodes.OK;
            }
            case NO_SOLUTION -> {
                progress.line("error: stopped without a feasible solution: " + summary);
                yield ExitCodes.NO_SOLUTION;
            }
            case INFEASIBLE, ERROR -> {
                progress.line("error: solver error: " + c.termination().detail() + " (" + summary + ")");
                yield ExitCodes.SOLVER_ERROR;
            }
        };
    }

    /** Case-insensitive method names, null for "auto" (the problem decides); the error (exit 2) lists the valid ones. */
    static ExactMethod parseMethod(String value) {
        if (AUTO.equalsIgnoreCase(value.strip())) return null;
        for (ExactMethod m : ExactMethod.values()) if (m.cliName().equalsIgnoreCase(value.strip())) return m;
        throw new ExitCodes.UsageException("unknown method '" + value + "'; expected " + AUTO + " or one of "
                + Arrays.stream(ExactMethod.values()).map(ExactMethod::cliName).toList());
    }
}
