package certus.benchmarks.experiment;

import certus.data.AtomicFiles;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code certus experiment smtl-sim}: the sMTL statistical study ({@link SmtlSimExperiment}) over support overlap
 * (disjoint, identical, partial: a pool of 2 s*) times coefficient heterogeneity (shared values, varying values).
 * Writes OUT/smtl_sim.csv (one row per design, replicate and variant; a re-run skips replicates already complete) and
 * OUT/smtl_sim.md (mean ± sd over replicates, relative to L0L2).
 */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Reproduce a study: smtl-sim (sMTL variants tuned by CV across support overlap and coefficient heterogeneity).")
public final class ExperimentCommand implements Callable<Integer> {
    static final List<String> HEADER = List.of("design", "variant", "rep", "test_rmse", "coef_rmse", "f1", "chosen");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STUDY", description = "smtl-sim")
    String study;

    @Option(names = "--reps", defaultValue = "5", paramLabel = "R", description = "Replicates per design (paper: 100; default: ${DEFAULT-VALUE}).")
    int reps;

    @Option(names = "--tasks", defaultValue = "5", paramLabel = "K", description = "Tasks (default: ${DEFAULT-VALUE}).")
    int tasks;

    @Option(names = "--p", defaultValue = "250", paramLabel = "P", description = "Features (default: ${DEFAULT-VALUE}).")
    int p;

    @Option(names = "--n", defaultValue = "50", paramLabel = "N", description = "Training rows per task (default: ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--snr", defaultValue = "3", paramLabel = "X", description = "Signal-to-noise ratio per task (default: ${DEFAULT-VALUE}).")
    double snr;

    @Option(names = "--threads", defaultValue = "2", paramLabel = "T", description = "CV folds fitted in parallel (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--quick", description = "One value per penalty axis instead of the CV grid: a smoke run of the pipeline, not a study.")
    boolean quick;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (smtl_sim.csv, smtl_sim.md).")
    Path out;

    static final int TRUE_SUPPORT = 10;

    @Override
    public Integer call() throws IOException {
        if (!study.equals("smtl-sim")) throw new certus.data.DataFormatException("unknown study '" + study + "'; known: smtl-sim");
        if (reps < 1 || tasks < 2 || n < 10) throw new certus.data.DataFormatException("need --reps >= 1, --tasks >= 2, --n >= 10");
        List<SmtlSimExperiment.Design> designs = new ArrayList<>();
        for (int pool : new int[]{0, TRUE_SUPPORT, 2 * TRUE_SUPPORT}) {
            for (double betaVar : new double[]{0.0, 1.0}) designs.add(new SmtlSimExperiment.Design(tasks, p, n, TRUE_SUPPORT, pool, betaVar, snr, 0.5));
        }
        try { // validates p against the pool before hours of work
            for (SmtlSimExperiment.Design d : designs) new certus.estimators.sim.SimulationDesign(d.p(), d.tasks(), d.n(), 1, d.trueSupport(), 0,
                    d.rho(), d.betaVar(), null, d.snr(), 1, d.pool());
        } catch (IllegalArgumentException e) {
            throw new certus.data.DataFormatException("experiment smtl-sim: " + e.getMessage());
        }
        Files.createDirectories(out);
        Path csv = out.resolve("smtl_sim.csv");
        List<SmtlSimExperiment.Row> rows = new ArrayList<>(read(csv));
        PrintWriter err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        int total = designs.size() * reps, finished = 0;
        for (int rep = 1; rep <= reps; rep++) {
            for (SmtlSimExperiment.Design d : designs) {
                finished++;
                int r = rep;
                long have = rows.stream().filter(x -> x.design().equals(d.label()) && x.rep() == r).count();
                if (have == SmtlVariantGrid.values().length) continue; // done by an earlier run
                rows.removeIf(x -> x.design().equals(d.label()) && x.rep() == r);
                rows.addAll(SmtlSimExperiment.run(d, rep, threads, quick, line -> { err.println(line); err.flush(); }));
                write(csv, rows);
                double elapsed = (System.nanoTime() - t0) / 1e9;
                err.printf(java.util.Locale.ROOT, "[%d/%d] %s rep %d done, %.0f s elapsed%n", finished, total, d.label(), rep, elapsed);
                err.flush();
            }
        }
        String md = ExperimentReport.markdown(rows, designs, "certus " + String.join(" ", spec.commandLine().getParseResult().originalArgs()),
                tasks, p, n, snr);
        AtomicFiles.writeString(out.resolve("smtl_sim.md"), md);
        err.println("wrote " + csv + " and " + out.resolve("smtl_sim.md"));
        return 0;
    }

    static List<SmtlSimExperiment.Row> read(Path csv) {
        if (!Files.exists(csv)) return List.of();
        try (Reader in = Files.newBufferedReader(csv);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            List<SmtlSimExperiment.Row> out = new ArrayList<>();
            for (CSVRecord r : parser) {
                out.add(new SmtlSimExperiment.Row(r.get("design"), r.get("variant"), Integer.parseInt(r.get("rep")), Double.parseDouble(r.get("test_rmse")),
                        Double.parseDouble(r.get("coef_rmse")), Double.parseDouble(r.get("f1")), r.get("chosen")));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(csv + ": " + e.getMessage(), e);
        }
    }

    static void write(Path csv, List<SmtlSimExperiment.Row> rows) {
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.DEFAULT.builder().setHeader(HEADER.toArray(String[]::new)).setRecordSeparator("\n").get())) {
            for (SmtlSimExperiment.Row r : rows) printer.printRecord(r.design(), r.variant(), r.rep(), r.testRmse(), r.coefRmse(), r.f1(), r.chosen());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.writeString(csv, text.toString());
    }
}
