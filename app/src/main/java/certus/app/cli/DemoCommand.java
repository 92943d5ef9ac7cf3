package certus.app.cli;

import certus.estimators.Metrics;
import certus.estimators.Smtl;
import certus.estimators.exact.SmtlCertifier;
import certus.formulations.cert.Certificate;
import certus.formulations.cert.CertificateVerifier;
import certus.formulations.cert.VerificationReport;
import certus.estimators.SmtlModel;
import certus.estimators.SupportRecovery;
import certus.estimators.sim.Simulation;
import certus.estimators.sim.SimulationDesign;
import certus.estimators.sim.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code certus demo}: a self-contained tour in a few seconds: simulate K=3 tasks with shared and task-specific
 * features, fit Zbar+L2 with the heuristic, and compare with the truth on held-out data.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Simulate, fit Zbar+L2, and compare with the truth.")
final class DemoCommand implements Callable<Integer> {
    // Sized so the default exact engine proves optimality in seconds on 2 cores (benchmarks/RESULTS.md).
    static final int K = 3;
    static final int P = 20;
    static final int N = 100;
    static final int S = 3;
    static final int COMMON = 2;
    static final double RHO = 0.5;
    static final double SNR = 5.0;
    static final double RIDGE = 1e-2;
    static final double ZBAR = 0.01;
    static final double CERTIFY_TIME_LIMIT_SECONDS = 120;

    @Spec
    CommandSpec spec;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the simulation and the fit (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Simulation sim = Simulator.simulate(new SimulationDesign(P, K, N, N, S, COMMON, RHO, 0.0, null, SNR, seed));
        SmtlModel m = Smtl.builder().s(S).ridge(RIDGE).zbar(ZBAR).seed(seed).build().fit(sim.train());
        ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr());
        SmtlCertifier certifier = SmtlCertifier.builder().params(m.params()).seed(seed).timeLimitSeconds(CERTIFY_TIME_LIMIT_SECONDS).build();
        progress.line("demo: heuristic fit done; certifying with " + certifier.method(sim.train()).cliName() + " on "
                + certifier.backend(sim.train()) + " ...");
        Certificate certificate = certifier.certify(sim.train());
        VerificationReport report = CertificateVerifier.verify(certificate, sim.train());
        // print only after the work: a failed demo writes nothing to stdout
        out.printf("Certus demo: sparse multi-task regression (Zbar+L2): heuristic fit, then exact certification%n");
        out.printf("data: K=%d tasks, p=%d AR(%.1f) features, %d training + %d test rows per task, SNR %.0f, seed %d%n",
                K, P, RHO, N, N, SNR, seed);
        out.printf("truth: %d nonzeros per task, %d shared by all tasks, %d task-specific%n%n", S, COMMON, S - COMMON);
        out.printf("fit: s=%d ridge=%s zbar=%s  method %s  status %s (%s)  objective %.6f  time %.2f s%n%n", S, RIDGE, ZBAR,
                m.method(), m.status().jsonName(), m.termination().reason().jsonName(), m.objective(), m.seconds());
        double[] rmse = Metrics.perTaskRmse(m, sim.test());
        SupportRecovery[] rec = Metrics.supportRecovery(m.solution().supports(), sim.truth().supports());
        double[] noise = sim.noiseVariances();
        out.printf("%-6s %-26s %-26s %5s %9s %9s%n", "task", "selected", "true support", "F1", "test RMSE", "noise sd");
        for (int k = 0; k < K; k++) {
            out.printf("%-6s %-26s %-26s %5.2f %9.4f %9.4f%n", m.tasks().get(k), names(m, m.solution().supportIndices(k)),
                    names(m, sim.truth().supportIndices(k)), rec[k].f1(), rmse[k], Math.sqrt(noise[k]));
        }
        SupportRecovery avg = SupportRecovery.average(rec);
        double coefRmse = Metrics.coefficientRmse(m.solution().intercepts(), m.solution().coefficients(),
                sim.truth().intercepts(), sim.truth().coefficients());
        out.printf("%nmean F1 %.3f (TPR %.3f, FPR %.4f)  multi-task test RMSE %.4f  coefficient RMSE %.4f%n", avg.f1(), avg.tpr(),
                avg.fpr(), Metrics.multiTaskRmse(rmse), coefRmse);
        printCertificate(out, m, certificate, report);
        out.flush();
        return report.passed() ? FitCommand.exitCode(m, progress) : ExitCodes.VERIFY_FAILED;
    }

    private static void printCertificate(PrintWriter out, SmtlModel heuristic, Certificate c, VerificationReport report) {
        out.printf("%ncertify: method %s on %s  status %s  objective %.6f  bound %.6f  gap %.2e  time %.2f s%n",
                c.provenance().method().cliName(), c.provenance().backend(), c.status().jsonName(), c.objective(), c.bound(), c.gap(),
                c.provenance().seconds());
        if (!c.provenance().boundCheck().isEmpty()) out.println("bound: " + c.provenance().boundCheck());
        double excess = (heuristic.objective() - c.objective()) / Math.max(Math.abs(c.objective()), 1e-12);
        out.printf("heuristic objective %.6f is %s%n", heuristic.objective(), c.status().jsonName().equals("optimal")
                ? (Math.abs(excess) <= 1e-9 ? "the certified optimum" : String.format("%.3e above the certified optimum", excess))
                : String.format("%.3e above the best point found (not certified: status %s)", excess, c.status().jsonName()));
        out.printf("verify: %d of %d independent checks passed%s%n", report.checks().size() - report.failures().size(),
                report.checks().size(), report.passed() ? "" : " — FAILED: " + report.failures());
    }

    private static String names(SmtlModel m, int[] idx) {
        List<String> out = new ArrayList<>();
        for (int j : idx) out.add(m.features().get(j));
        return String.join(" ", out);
    }
}
