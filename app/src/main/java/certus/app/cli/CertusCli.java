package certus.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code certus}: sparse multi-task regression from the command line. Results go to stdout or an atomically
 * written file, progress and errors to stderr; exit codes follow design.md (see {@link ExitCodes}).
 */
@Command(name = "certus", mixinStandardHelpOptions = true, version = "certus 0.1.0-SNAPSHOT",
        description = "Sparse multi-task regression (sMTL): fit, cross-validate, predict, simulate, certify optimality.",
        subcommands = {FitCommand.class, CvCommand.class, PredictCommand.class, SimulateCommand.class, DemoCommand.class,
                CertifyCommand.class, ExportCommand.class, VerifyCommand.class, BackendsCommand.class, TenMtlCommand.class, DualEncCommand.class, ServeCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "bench, experiment: heuristics-vs-exact benchmarks and the sMTL simulation study (run through the ./certus launcher).",
                "", "Exit codes: 0 success, 2 bad input or usage, 3 solver error or unavailable backend, 4 limit reached "
                + "without a solution, 5 verify found a failing check."})
public final class CertusCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** The configured command line (tests call {@code execute} on it with their own out and err writers). */
    public static CommandLine newCommandLine() {
        return newCommandLine(CliEnvironment.production());
    }

    /** The command line with the given backends, exact engines and cancellation (tests script them). */
    static CommandLine newCommandLine(CliEnvironment env) {
        CommandLine.IFactory fallback = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == CertifyCommand.class) return cls.cast(new CertifyCommand(env));
                if (cls == BackendsCommand.class) return cls.cast(new BackendsCommand(env));
                return fallback.create(cls);
            }
        };
        CommandLine cl = new CommandLine(new CertusCli(), factory);
        for (CliExtension extension : java.util.ServiceLoader.load(CliExtension.class)) {
            for (Object command : extension.subcommands()) cl.addSubcommand(command);
        }
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            cmd.getErr().println(ExitCodes.message(ex));
            cmd.getErr().flush();
            return ExitCodes.of(ex);
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("error: " + ex.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
            cmd.getErr().flush();
            return ExitCodes.BAD_INPUT;
        });
        return cl;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (fit, cv, predict, simulate, demo, certify, export, verify, backends)");
    }
}
