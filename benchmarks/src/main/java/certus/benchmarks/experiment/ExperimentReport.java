package certus.benchmarks.experiment;

import java.util.List;
import java.util.Locale;

/** The smtl-sim table: per design and variant, mean ± sd over replicates and the paired change against L0L2. */
final class ExperimentReport {
    private ExperimentReport() {}

    static String markdown(List<SmtlSimExperiment.Row> rows, List<SmtlSimExperiment.Design> designs, String command, int tasks, int p, int n,
                           double snr) {
        StringBuilder md = new StringBuilder("# sMTL simulation study (certus experiment smtl-sim)\n\n");
        md.append("Command: `").append(command).append("`\n\n");
        md.append(String.format(Locale.ROOT, "K = %d tasks, p = %d, n = %d training rows per task (+%d test), AR(0.5) features, SNR %.1f, "
                + "%d true nonzeros per task, fitted with s = %d; every variant tuned by %d-fold CV with the 1-SE rule over ridge %s, zbar %s, "
                + "bbar %s (its own axes only). Test RMSE = mean over tasks; coefficient RMSE over all (p + 1) x K entries; F1 of the nonzero "
                + "pattern against the truth. \"vs L0L2\" = mean over replicates of the paired relative change of test RMSE "
                + "(negative = better than L0L2), with the number of replicates it is better.%n%n",
                tasks, p, n, SmtlSimExperiment.TEST_ROWS, snr, ExperimentCommand.TRUE_SUPPORT, ExperimentCommand.TRUE_SUPPORT,
                SmtlSimExperiment.FOLDS, SmtlVariantGrid.RIDGE, SmtlVariantGrid.ZBAR, SmtlVariantGrid.BBAR_GRID));
        for (SmtlSimExperiment.Design d : designs) {
            List<SmtlSimExperiment.Row> mine = rows.stream().filter(r -> r.design().equals(d.label())).toList();
            if (mine.isEmpty()) continue;
            md.append("## ").append(d.label()).append("\n\n");
            md.append("| variant | replicates | test RMSE | vs L0L2 (better in) | coef RMSE | support F1 |\n|---|---|---|---|---|---|\n");
            for (SmtlVariantGrid v : SmtlVariantGrid.values()) {
                List<SmtlSimExperiment.Row> vr = mine.stream().filter(r -> r.variant().equals(v.label())).toList();
                if (vr.isEmpty()) continue;
                double[] rel = new double[vr.size()];
                int better = 0, paired = 0;
                for (int i = 0; i < vr.size(); i++) {
                    SmtlSimExperiment.Row r = vr.get(i);
                    SmtlSimExperiment.Row base = mine.stream().filter(b -> b.variant().equals("L0L2") && b.rep() == r.rep()).findFirst().orElse(null);
                    rel[i] = base == null ? Double.NaN : r.testRmse() / base.testRmse() - 1;
                    if (base != null) {
                        paired++;
                        if (r.testRmse() < base.testRmse()) better++;
                    }
                }
                md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s |%n", v.label(), vr.size(),
                        meanSd(vr.stream().mapToDouble(SmtlSimExperiment.Row::testRmse).toArray()),
                        v.label().equals("L0L2") ? "-" : String.format(Locale.ROOT, "%+.1f%% (%d/%d)", 100 * mean(rel), better, paired),
                        meanSd(vr.stream().mapToDouble(SmtlSimExperiment.Row::coefRmse).toArray()),
                        meanSd(vr.stream().mapToDouble(SmtlSimExperiment.Row::f1).toArray())));
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static String meanSd(double[] v) {
        double m = mean(v), ss = 0;
        for (double x : v) ss += (x - m) * (x - m);
        double sd = v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : 0;
        return String.format(Locale.ROOT, "%.3f ± %.3f", m, sd);
    }

    private static double mean(double[] v) {
        double s = 0;
        int c = 0;
        for (double x : v) if (!Double.isNaN(x)) { s += x; c++; }
        return c == 0 ? Double.NaN : s / c;
    }
}
