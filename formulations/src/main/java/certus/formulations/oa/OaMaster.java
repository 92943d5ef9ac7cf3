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
 * min  eta_total + (zbar/2) ZBAR(z)     (ZBAR linearized exactly, {@link ZbarLinearization})
 * s.t. sum_j z_kj &lt;= s;  z_kj = u_j, sum_j u_j &lt;= s for common support;  cuts;  eta &gt;= 0;  z binary,
 * </pre>
 * with z_kj fixed to 0 for constant columns (for common support: constant in any task). eta_total is sum_k eta_k
 * when c separates by task, a single aggregated eta under Bbar coupling, and both (with eta &gt;= sum_k eta_k) when
 * coupled cuts and per-task cuts of the Bbar-free bound are combined. eta &gt;= 0 is valid because
 * c(Z) is a sum of squares. Common-support variables u come first in the variable order so that a search that
 * branches in index order decides u before z.
 */
public final class OaMaster {
    private final int taskCount;
    private final int featureCount;
    private final int[][] zVar;
    /** eta_k per task, or null. */
    private final int[] etaTask;
    /** The aggregated eta of the coupled case, or -1. */
    private final int etaTotal;
    private final Model base;
    private final List<LinearConstraint> cutRows = new ArrayList<>();
    private final ZbarLinearization.Form zbarForm;
    private final int[] uVar;
    /** The Zbar auxiliaries (null without a Zbar term): the same exact forms the MIQP formulations use. */
    private final ZbarLinearization zbar;

    /**
     * @param aggregated whether cuts on one aggregated eta (coupled Bbar case) are used
     * @param perTask    whether per-task cuts on eta_k are used (at least one of the two must be true)
     */
    public OaMaster(SmtlProblem problem, boolean aggregated, boolean perTask, ZbarLinearization.Form form) {
        if (!aggregated && !perTask) throw new IllegalArgumentException("the master needs aggregated or per-task etas");
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
        etaTask = perTask ? new int[kCount] : null;
        if (perTask) for (int k = 0; k < kCount; k++) etaTask[k] = mb.addContinuous("eta_" + k, 0, Double.POSITIVE_INFINITY);
        etaTotal = aggregated ? mb.addContinuous("eta", 0, Double.POSITIVE_INFINITY) : -1;
        if (aggregated) {
            obj.add(etaTotal, 1);
            if (perTask) {
                LinearExpression.Builder tie = LinearExpression.builder().add(etaTotal, 1);
                for (int v : etaTask) tie.add(v, -1);
                mb.addConstraint(LinearConstraint.greaterEqual("eta_split", tie.build(), 0));
            }
        } else {
            for (int v : etaTask) obj.add(v, 1);
        }
        zbar = hasZbar ? ZbarLinearization.add(mb, zVar, problem.zbar(), form) : null;
        if (zbar != null) obj.add(zbar.objective(), 1.0);
        mb.objective(Objective.linear(obj.build()));
        base = mb.build();
    }

    public void addCut(Cut cut) {
        cutRows.add(cut.toConstraint("cut_" + cutRows.size(), etaVariable(cut), zVar));
    }

    public int cutCount() {
        return cutRows.size();
    }

    private int etaVariable(Cut cut) {
        if (cut.aggregated()) {
            if (etaTotal < 0) throw new IllegalArgumentException("aggregated cut on a master without an aggregated eta");
            return etaTotal;
        }
        if (etaTask == null) throw new IllegalArgumentException("per-task cut on a master without per-task etas");
        return etaTask[cut.task()];
    }

    /** The value at a master point of the eta that {@code cut} bounds. */
    public double etaFor(Cut cut, double[] values) {
        return values[etaVariable(cut)];
    }

    public ZbarLinearization.Form zbarForm() {
        return zbarForm;
    }

    /** The master with every cut so far and, when {@code hint} is non-null, that full point as a hint. */
    public Model model(double[] hint) {
        Model m = base.withConstraints(cutRows);
        return hint == null ? m : m.withHint(hint);
    }

    /**
     * A full master point for supports z (auxiliary Zbar variables set to their exact values) with the etas at the
     * inner values of {@code at} (c(Z) and the per-task bounds), which satisfy every valid cut.
     */
    public double[] point(boolean[][] z, InnerPoint at) {
        return point(z, at.value(), at.split() == null ? null : at.split().values());
    }

    /** A full master point for supports z with the given etas (taskEtas may be null when there are no per-task etas). */
    public double[] point(boolean[][] z, double total, double[] taskEtas) {
        double[] x = new double[base.variableCount()];
        for (int k = 0; k < taskCount; k++) for (int j = 0; j < featureCount; j++) x[zVar[k][j]] = z[k][j] ? 1 : 0;
        if (uVar != null) for (int j = 0; j < featureCount; j++) x[uVar[j]] = z[0][j] ? 1 : 0;
        if (etaTotal >= 0) x[etaTotal] = total;
        if (etaTask != null) for (int k = 0; k < taskCount; k++) x[etaTask[k]] = taskEtas[k];
        if (zbar != null) zbar.fillHint(x, z);
        return x;
    }

    /** Supports read from a master point (binaries rounded at 1/2). */
    public boolean[][] supports(double[] values) {
        boolean[][] z = new boolean[taskCount][featureCount];
        for (int k = 0; k < taskCount; k++) for (int j = 0; j < featureCount; j++) z[k][j] = values[zVar[k][j]] > 0.5;
        return z;
    }

    /** The Zbar part of the master objective at a master point: (zbar/2) times the linearized ZBAR. */
    public double zbarPart(double[] values) {
        return base.objective().linear().evaluate(values) - sumEta(values);
    }

    private double sumEta(double[] values) {
        if (etaTotal >= 0) return values[etaTotal];
        double s = 0;
        for (int v : etaTask) s += values[v];
        return s;
    }
}
