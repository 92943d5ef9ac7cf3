package certus.app.cli;

import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.estimators.io.TruthJson;
import certus.estimators.sim.Simulation;
import certus.estimators.sim.SimulationDesign;
import certus.estimators.sim.Simulator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code certus simulate}: a long-format CSV (task,y,x1..xp) from the spec's simulation design, plus the truth. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulate multi-task data (AR(rho) features, shared + task-specific supports).")
final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--p", defaultValue = "250", description = "Features (default: ${DEFAULT-VALUE}).")
    int p;

    @Option(names = "--tasks", defaultValue = "5", description = "Tasks K (default: ${DEFAULT-VALUE}).")
    int tasks;

    @Option(names = "--n", defaultValue = "100", description = "Rows per task (default: ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--s", defaultValue = "10", description = "True nonzeros per task (default: ${DEFAULT-VALUE}).")
    int s;

    @Option(names = "--common", defaultValue = "5", description = "Of those, shared by all tasks (default: ${DEFAULT-VALUE}).")
    int common;

    @Option(names = "--rho", defaultValue = "0.5", description = "AR(1) feature correlation (default: ${DEFAULT-VALUE}).")
    double rho;

    @Option(names = "--beta-var", defaultValue = "0", description = "Variance of task-specific coefficient effects (default: ${DEFAULT-VALUE}).")
    double betaVar;

    @ArgGroup(exclusive = true)
    Noise noise;

    static final class Noise {
        @Option(names = "--snr", description = "Signal-to-noise ratio Var(x'beta)/sigma^2 (default 5).")
        Double snr;

        @Option(names = "--noise-var", description = "Noise variance sigma^2.")
        Double noiseVar;
    }

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "CSV file (default: stdout).")
    Path output;

    @Option(names = "--truth", paramLabel = "FILE", description = "Write the true intercepts, coefficients and supports as JSON.")
    Path truth;

    @Override
    public Integer call() {
        Double snr = noise == null ? Double.valueOf(5.0) : noise.snr;
        Double noiseVar = noise == null ? null : noise.noiseVar;
        SimulationDesign design;
        try {
            design = new SimulationDesign(p, tasks, n, 0, s, common, rho, betaVar, noiseVar, snr, seed);
        } catch (IllegalArgumentException e) {
            throw new ExitCodes.UsageException(e.getMessage());
        }
        Simulation sim = Simulator.simulate(design);
        String csv = csv(sim.train());
        String truthJson = truth == null ? null : TruthJson.write(sim);
        if (truth != null) certus.data.AtomicFiles.writeString(truth, truthJson);
        Output.emit(output, csv, spec.commandLine().getOut());
        spec.commandLine().getErr().println("simulated " + sim.train() + (output == null ? "" : " -> " + output));
        return ExitCodes.OK;
    }

    /** Long format, tasks one after another; Double.toString round-trips every value exactly. */
    static String csv(MultiTaskData data) {
        List<String> header = new ArrayList<>(List.of("task", "y"));
        header.addAll(data.featureNames());
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(new String[0]))
                .setRecordSeparator("\n").get())) {
            for (TaskData t : data.tasks()) {
                for (int i = 0; i < t.rows(); i++) {
                    List<Object> row = new ArrayList<>(data.featureCount() + 2);
                    row.add(t.label());
                    row.add(t.y(i));
                    for (int j = 0; j < data.featureCount(); j++) row.add(t.x().get(i, j));
                    printer.printRecord(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
