package certus.benchmarks.experiment;

import certus.data.TaskData;
import certus.estimators.Smtl;
import certus.estimators.SmtlModel;
import certus.estimators.cv.CrossValidator;
import certus.estimators.cv.CvResult;
import certus.estimators.sim.Simulation;
import certus.estimators.sim.SimulationDesign;
import certus.estimators.sim.Simulator;
import certus.smtl.SmtlSolution;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The sMTL statistical study (issue 7): for each design — support overlap (a pool of q candidates; 0 = disjoint, q =
 * s* = identical) times coefficient heterogeneity (task-effect variance; 0 = values shared) — and each replicate, every
 * variant of {@link SmtlVariantGrid} is tuned by 5-fold CV (1-SE rule) on the training rows and scored on fresh test
 * rows: test RMSE (mean over tasks), coefficient RMSE over all (p + 1) x K entries, support F1 against the truth.
 */
public final class SmtlSimExperiment {
    /** One design of the study. */
    public record Design(int tasks, int p, int n, int trueSupport, int pool, double betaVar, double snr, double rho) {
        String label() {
            String overlap = pool == 0 ? "disjoint" : pool == trueSupport ? "identical" : "pool " + pool;
            return overlap + " supports, " + (betaVar == 0 ? "shared values" : "values vary (var " + betaVar + ")");
        }
    }

    /** One variant on one replicate of one design. */
    public record Row(String design, String variant, int rep, double testRmse, double coefRmse, double f1, String chosen) {}

    private SmtlSimExperiment() {}

    public static final int FOLDS = 5;
    public static final int TEST_ROWS = 200;

    public static List<Row> run(Design d, int rep, int threads, boolean quickGrid, Consumer<String> progress) {
        SimulationDesign sd = new SimulationDesign(d.p(), d.tasks(), d.n(), TEST_ROWS, d.trueSupport(), 0, d.rho(), d.betaVar(), null,
                d.snr(), rep, d.pool());
        Simulation sim = Simulator.simulate(sd);
        List<Row> out = new ArrayList<>();
        for (SmtlVariantGrid v : SmtlVariantGrid.values()) {
            long t0 = System.nanoTime();
            Smtl template = Smtl.builder().s(d.trueSupport()).seed(rep).build();
            CvResult cv = new CrossValidator(v.grid(d.trueSupport(), quickGrid), FOLDS, threads, template, null).run(sim.train());
            SmtlModel m = cv.model();
            var p = cv.chosen().params();
            String chosen = "ridge " + p.ridge() + (p.zbar() > 0 ? ", zbar " + p.zbar() : "") + (p.bbar() > 0 ? ", bbar " + p.bbar() : "");
            Row row = new Row(d.label(), v.label(), rep, testRmse(m, sim), coefRmse(m, sim.truth(), sim), f1(m, sim.truth(), sim), chosen);
            out.add(row);
            progress.accept(String.format(java.util.Locale.ROOT, "  %s rep %d %-9s test RMSE %.4f coef RMSE %.4f F1 %.3f (%s) [%.1f s]", d.label(), rep,
                    v.label(), row.testRmse(), row.coefRmse(), row.f1(), chosen, (System.nanoTime() - t0) / 1e9));
        }
        return out;
    }

    static double testRmse(SmtlModel m, Simulation sim) {
        double total = 0;
        for (TaskData t : sim.test().tasks()) {
            double ss = 0;
            for (int i = 0; i < t.rows(); i++) {
                double e = t.y(i) - m.predict(t.label(), t.x().row(i));
                ss += e * e;
            }
            total += Math.sqrt(ss / t.rows());
        }
        return total / sim.test().taskCount();
    }

    /** sqrt(mean((B_hat - B)^2)) over the (p + 1) x K entries, intercepts included (smtl.md §8.1). */
    static double coefRmse(SmtlModel m, SmtlSolution truth, Simulation sim) {
        double ss = 0;
        int count = 0;
        for (int k = 0; k < truth.taskCount(); k++) {
            String task = sim.train().task(k).label();
            double e0 = m.intercept(task) - truth.intercept(k);
            ss += e0 * e0;
            double[] b = m.coefficients(task);
            for (int j = 0; j < b.length; j++) {
                double e = b[j] - truth.coefficient(k, j);
                ss += e * e;
            }
            count += b.length + 1;
        }
        return Math.sqrt(ss / count);
    }

    /** 2TP / (2TP + FP + FN) over (task, feature) pairs, the fitted support being the nonzero coefficients. */
    static double f1(SmtlModel m, SmtlSolution truth, Simulation sim) {
        int tp = 0, fp = 0, fn = 0;
        for (int k = 0; k < truth.taskCount(); k++) {
            double[] b = m.coefficients(sim.train().task(k).label());
            for (int j = 0; j < b.length; j++) {
                boolean x = b[j] != 0, t = truth.inSupport(k, j);
                if (x && t) tp++;
                else if (x) fp++;
                else if (t) fn++;
            }
        }
        return tp + fp + fn == 0 ? 1.0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
}
