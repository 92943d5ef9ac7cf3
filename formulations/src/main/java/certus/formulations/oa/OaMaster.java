package certus.formulations.oa;

import certus.formulations.ZbarLinearization;
import certus.smtl.SmtlProblem;
import certus.solver.LinearConstraint;
import certus.solver.LinearExpression;
import certus.solver.Model;
import certus.solver.ModelBuilder;
import certus.solver.Objective;

import java.util.ArrayList;
import java.util.List;

/**
 * The OA master MILP over the supports (exact.md §4.3), built once and grown by cuts:
 * <pre>
 * min  sum eta + (zbar/2) ZBAR(z)        (ZBAR linearized exactly, {@link ZbarLinearization})
 * s.t. sum_j z_kj &lt;= s;  z_kj = u_j, sum_j u_j &lt;= s for common support;  cuts;  eta &gt;= 0;  z binary,
 * </pre>
 * with z_kj fixed to 0 for constant columns (for common support: constant in any task). eta &gt;= 0 is valid because
 * c(Z) is a sum of squares. Common-support variables u come first in the variable order so that a search that
 * branches in index order decides u before z.
 */
public final class OaMaster {
    private final int taskCount;
    private final int featureCount;
    private final int[][] zVar;
    private final int[] etaVar;
    private final Model base;
    private final List<LinearConstraint> cutRows = new ArrayList<>();
    private final ZbarLinearization.Form zbarForm;
    private final int[] uVar;
    /** The Zbar auxiliaries (null without a Zbar term): the same exact forms the MIQP formulations use. */
    private final ZbarLinearization zbar;

    public OaMaster(SmtlProblem problem, int etaCount, ZbarLinearization.Form form) {
        taskCount = problem.taskCount();
        featureCount = problem.featureCount();
        int kCount = taskCount;
        int p = featureCount;
        boolean hasZbar = problem.zbar() > 0 && !problem.commonSupport() && kCount > 1;
        zbarForm = form;
        ModelBuilder mb = new ModelBuilder("oa-master");
        LinearExpression.Builder obj = LinearExpression.builder();

        boolean[][] fixedZero = new boolean[kCount][p];
        for (int k = 0; k < kCount; k++) for (int j = 0; j < p; j++) fixedZero[k][j] = !problem.selectable(k, j);
        uVar = problem.commonSupport() ? new int[p] : null;
        if (uVar != null) {
            LinearExpression.Builder card = LinearExpression.builder();
            for (int j = 0; j < p; j++) {
                uVar[j] = mb.addVariable("u_" + j, certus.solver.VarType.BINARY, 0, fixedZero[0][j] ? 0 : 1);
                card.add(uVar[j], 1);
            }
            mb.addConstraint(LinearConstraint.lessEqual("card_u", card.build(), problem.s()));
        }
        zVar = new int[kCount][p];
        for (int k = 0; k < kCount; k++) {
            LinearExpression.Builder card = LinearExpression.builder();
            for (int j = 0; j < p; j++) {
                zVar[k][j] = mb.addVariable("z_" + k + "_" + j, certus.solver.VarType.BINARY, 0, fixedZero[k][j] ? 0 : 1);
                card.add(zVar[k][j], 1);
                if (uVar != null) {
                    mb.addConstraint(LinearConstraint.equal("cs_" + k + "_" + j,
                            LinearExpression.builder().add(zVar[k][j], 1).add(uVar[j], -1).build(), 0));
                }
            }
            mb.addConstraint(LinearConstraint.lessEqual("card_" + k, card.build(), problem.s()));
        }
        etaVar = new int[etaCount];
        for (int e = 0; e < etaCount; e++) {
            etaVar[e] = mb.addContinuous("eta_" + e, 0, Double.POSITIVE_INFINITY);
            obj.add(etaVar[e], 1);
        }
        zbar = hasZbar ? ZbarLinearization.add(mb, zVar, problem.zbar(), form) : null;
        if (zbar != null) obj.add(zbar.objective(), 1.0);
        mb.objective(Objective.linear(obj.build()));
        base = mb.build();
    }

    public void addCut(Cut cut) {
        int eta = cut.aggregated() ? etaVar[0] : etaVar[cut.task()];
        cutRows.add(cut.toConstraint("cut_" + cutRows.size(), eta, zVar));
    }

    public int cutCount() {
        return cutRows.size();
    }

    public int etaCount() {
        return etaVar.length;
    }

    public ZbarLinearization.Form zbarForm() {
        return zbarForm;
    }

    /** The master with every cut so far and, when {@code hint} is non-null, that full point as a hint. */
    public Model model(double[] hint) {
        Model m = base.withConstraints(cutRows);
        return hint == null ? m : m.withHint(hint);
    }

    /** A full master point for supports z and eta values (auxiliary Zbar variables set to their exact values). */
    public double[] point(boolean[][] z, double[] eta) {
        double[] x = new double[base.variableCount()];
        for (int k = 0; k < taskCount; k++) for (int j = 0; j < featureCount; j++) x[zVar[k][j]] = z[k][j] ? 1 : 0;
        if (uVar != null) for (int j = 0; j < featureCount; j++) x[uVar[j]] = z[0][j] ? 1 : 0;
        for (int e = 0; e < etaVar.length; e++) x[etaVar[e]] = eta[e];
        if (zbar != null) zbar.fillHint(x, z);
        return x;
    }

    /** Supports read from a master point (binaries rounded at 1/2). */
    public boolean[][] supports(double[] values) {
        boolean[][] z = new boolean[taskCount][featureCount];
        for (int k = 0; k < taskCount; k++) for (int j = 0; j < featureCount; j++) z[k][j] = values[zVar[k][j]] > 0.5;
        return z;
    }

    public double[] etas(double[] values) {
        double[] out = new double[etaVar.length];
        for (int e = 0; e < etaVar.length; e++) out[e] = values[etaVar[e]];
        return out;
    }

    /** The Zbar part of the master objective at a master point: (zbar/2) times the linearized ZBAR. */
    public double zbarPart(double[] values) {
        return base.objective().linear().evaluate(values) - sumEta(values);
    }

    private double sumEta(double[] values) {
        double s = 0;
        for (int v : etaVar) s += values[v];
        return s;
    }
}
