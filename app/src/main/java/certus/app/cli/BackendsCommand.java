package certus.app.cli;

import certus.solver.Availability;
import certus.solver.Capability;
import certus.solver.SolverBackend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code certus backends}: every MIP backend on the classpath with its version, capabilities and whether it can
 * run here — and if not, why (its own "Maybe ..." hint). A backend that throws while asked is shown as
 * unavailable with the exception, never hidden: this command is what users run when certify fails.
 */
@Command(name = "backends", mixinStandardHelpOptions = true, description = "List MIP backends, versions, capabilities and availability.")
final class BackendsCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Spec
    CommandSpec spec;

    BackendsCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        List<SolverBackend> all = env.backends().get().all();
        PrintWriter out = spec.commandLine().getOut();
        if (all.isEmpty()) {
            out.println("no solver backends found on the classpath. Maybe add a solver module (OR-Tools, ojAlgo, Gurobi) to the classpath.");
            out.flush();
            return ExitCodes.OK;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"NAME", "VERSION", "CAPABILITIES", "AVAILABLE"});
        for (SolverBackend b : all) rows.add(new String[]{b.name(), safe(b::version), capabilities(b), availability(b)});
        int[] width = new int[3];
        for (String[] r : rows) for (int i = 0; i < 3; i++) width[i] = Math.max(width[i], r[i].length());
        for (String[] r : rows) out.printf("%-" + width[0] + "s  %-" + width[1] + "s  %-" + width[2] + "s  %s%n", r[0], r[1], r[2], r[3]);
        out.flush();
        return ExitCodes.OK;
    }

    private static String capabilities(SolverBackend b) {
        try {
            return String.join(",", b.capabilities().stream().map(Capability::name).map(n -> n.toLowerCase(Locale.ROOT)).sorted().toList());
        } catch (RuntimeException e) {
            return "?";
        }
    }

    private static String availability(SolverBackend b) {
        try {
            Availability a = b.availability();
            return a.available() ? "yes" : "no: " + a.reason();
        } catch (RuntimeException | LinkageError e) {
            return "no: " + e;
        }
    }

    private static String safe(java.util.function.Supplier<String> s) {
        try {
            String v = s.get();
            return v == null || v.isBlank() ? "?" : v;
        } catch (RuntimeException | LinkageError e) {
            return "?";
        }
    }
}
