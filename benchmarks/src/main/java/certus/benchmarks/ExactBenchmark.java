package certus.benchmarks;

import certus.estimators.SmtlParams;
import certus.estimators.exact.SmtlCertifier;
import certus.estimators.sim.Simulation;
import certus.estimators.sim.SimulationDesign;
import certus.estimators.sim.Simulator;
import certus.formulations.ExactMethod;
import certus.formulations.cert.Certificate;
import certus.solver.SolveListener;

import java.util.Locale;

/**
 * Issue 4's exact-engine benchmark (Big-M vs perspective vs OA) on the production simulator: one certify per
 * (design, method) with a wall-clock limit, printing one result row. Timing a whole certify (heuristic + proof) is
 * the quantity users wait for, so a single run per case with the limit is the honest measurement; JMH repetitions
 * of multi-minute solves would add nothing.
 *
 * <p>Usage: {@code java -cp benchmarks.jar certus.benchmarks.ExactBenchmark DESIGN METHOD BACKEND RIDGE LIMIT_SEC [ZBAR] [--progress]}
 * (BACKEND "-" takes the method's default; bnb needs none)
 * where DESIGN is {@code K1_p50}, {@code K1_p200}, {@code K1_p1000} (n = 500, s = 10) or {@code K3_p250}, {@code K5_p250}
 * (n_k = 100, s = 10, Zbar + L2); AR(0.5) features, SNR 5, seed 1.
 */
public final class ExactBenchmark {
    private ExactBenchmark() {}

    public static void main(String[] args) {
        if (args.length < 5) {
            System.err.println("usage: ExactBenchmark DESIGN METHOD BACKEND RIDGE LIMIT_SEC [ZBAR] [--progress]");
            System.exit(2);
        }
        String design = args[0];
        ExactMethod method = ExactMethod.valueOf(args[1].toUpperCase(Locale.ROOT));
        String backend = args[2];
        double ridge = Double.parseDouble(args[3]);
        double limit = Double.parseDouble(args[4]);
        double zbar = args.length > 5 && !args[5].startsWith("--") ? Double.parseDouble(args[5]) : 0.01;
        boolean progress = args[args.length - 1].equals("--progress");

        Simulation sim = Simulator.simulate(design(design));
        boolean multi = sim.train().taskCount() > 1;
        SmtlParams params = new SmtlParams(10, ridge, 0.0, multi ? zbar : 0.0, false);
        SolveListener listener = !progress ? SolveListener.NONE : new SolveListener() {
            @Override
            public void onProgress(SolveProgress e) {
                System.err.printf(Locale.ROOT, "  %7.1fs  UB %.8g  LB %.8g%n", e.seconds(), e.incumbent(), e.bound());
            }

            @Override
            public void onLog(String line) {
                if (line.startsWith("lagrangian")) System.err.println("  " + line);
            }
        };
        Certificate c = SmtlCertifier.builder().params(params).method(method).backend(backend.equals("-") ? null : backend).gap(1e-4)
                .timeLimitSeconds(limit).solveListener(listener).build().certify(sim.train());
        var pv = c.provenance();
        System.out.printf(Locale.ROOT, "%s\t%s\t%s\tridge=%g\tzbar=%g\t%s\tobj=%.8g\tbound=%.8g\tgap=%.3g\t%.1fs\trounds=%d\tcuts=%d\tnodes=%d%n",
                design, method.cliName(), backend, ridge, params.zbar(), c.status(), c.objective(), c.bound(), c.gap(), pv.seconds(),
                pv.rounds(), pv.cuts(), pv.nodes());
    }

    static SimulationDesign design(String name) {
        return switch (name) {
            case "K1_p50" -> new SimulationDesign(50, 1, 500, 0, 10, 10, 0.5, 0.0, null, 5.0, 1);
            case "K1_p200" -> new SimulationDesign(200, 1, 500, 0, 10, 10, 0.5, 0.0, null, 5.0, 1);
            case "K1_p1000" -> new SimulationDesign(1000, 1, 500, 0, 10, 10, 0.5, 0.0, null, 5.0, 1);
            case "K3_p250" -> new SimulationDesign(250, 3, 100, 0, 10, 5, 0.5, 0.0, null, 5.0, 1);
            case "K5_p250" -> new SimulationDesign(250, 5, 100, 0, 10, 5, 0.5, 0.0, null, 5.0, 1);
            default -> throw new IllegalArgumentException("unknown design " + name + " (K1_p50, K1_p200, K1_p1000, K3_p250, K5_p250)");
        };
    }
}
