package certus.formulations.oa;

import certus.smtl.SmtlProblem;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns an exact inner solution into cuts (exact.md §4.1).
 *
 * <ul>
 *   <li><b>Perspective cut</b> (ridge &gt; 0): slope_kj = -(w_kj)^2 / (2 ridge). Valid because c equals, at binary Z,
 *       the perspective extension c_P, which is convex on [0,1]^{K x p}.</li>
 *   <li><b>Big-M cut</b> (ridge = 0, no perspective available): slope_kj = -M |w_kj|, a subgradient of the
 *       value function c_M(Z) = min{L + R : |beta_kj| &lt;= M z_kj}. It under-estimates c_M, not c, so a bound built
 *       from it is conditional on |beta| &lt;= M; the cut constant c(Z0) equals c_M(Z0) only when the refit at Z0
 *       is strictly inside the box, which {@link #isBinding} lets the caller check first.</li>
 * </ul>
 * Per-task cuts (one eta_k each) are used when nothing couples the tasks' continuous parts (bbar = 0 or K = 1);
 * with bbar &gt; 0 and K &gt; 1 c is not separable: an aggregated cut bounds one eta &gt;= c, and (ridge &gt; 0) per-task
 * cuts of the Bbar-free task problems bound eta_k, tied by eta &gt;= sum_k eta_k (see {@link InnerPoint.TaskSplit}).
 */
public final class CutGenerator {
    private final int taskCount;
    private final double ridge;
    private final boolean aggregated;
    private final double bigM;
    private final boolean splitCoupled;

    private CutGenerator(int taskCount, double ridge, boolean aggregated, double bigM, boolean splitCoupled) {
        this.taskCount = taskCount;
        this.ridge = ridge;
        this.aggregated = aggregated;
        this.bigM = bigM;
        this.splitCoupled = splitCoupled;
    }

    /** Perspective cuts (with the per-task split under coupling); requires ridge &gt; 0. */
    public static CutGenerator perspective(SmtlProblem problem) {
        return perspective(problem, true);
    }

    /** Perspective cuts; {@code splitCoupled} chooses whether coupled problems also get per-task cuts. */
    public static CutGenerator perspective(SmtlProblem problem, boolean splitCoupled) {
        if (!(problem.ridge() > 0)) throw new IllegalArgumentException("perspective cuts need ridge > 0, got " + problem.ridge());
        return new CutGenerator(problem.taskCount(), problem.ridge(), aggregatedFor(problem), Double.NaN, splitCoupled);
    }

    /** Big-M value-function cuts with the given M (valid for c_M; see the class comment). */
    public static CutGenerator bigM(SmtlProblem problem, double m) {
        if (!(m > 0) || !Double.isFinite(m)) throw new IllegalArgumentException("M must be finite and > 0, got " + m);
        return new CutGenerator(problem.taskCount(), problem.ridge(), aggregatedFor(problem), m, false);
    }

    /** Whether the problem needs the single aggregated eta (coupled Bbar case). */
    public static boolean aggregatedFor(SmtlProblem problem) {
        return problem.bbar() > 0 && problem.taskCount() > 1;
    }

    public boolean aggregated() {
        return aggregated;
    }

    public boolean usesBigM() {
        return !Double.isNaN(bigM);
    }

    public double m() {
        return bigM;
    }

    /** Whether the master needs one eta_k per task (always without coupling; with Bbar only for perspective cuts). */
    public boolean perTaskEtas() {
        return !aggregated || (splitCoupled && !usesBigM());
    }

    /** True when the refit reaches the box |beta| &lt;= M, so c(Z0) may be below c_M(Z0) and no big-M cut is valid. */
    public boolean isBinding(InnerPoint inner) {
        return usesBigM() && inner.maxAbsBeta() >= (1 - 1e-6) * bigM;
    }

    /** The cut(s) at {@code inner}: one aggregated cut, or one cut per task. */
    public List<Cut> cuts(InnerPoint inner) {
        if (isBinding(inner)) {
            throw new IllegalStateException("big-M " + bigM + " is binding at this point (max |beta| = " + inner.maxAbsBeta()
                    + "); increase M before generating cuts");
        }
        int p = inner.featureCount();
        List<Cut> out = new ArrayList<>();
        if (aggregated) {
            double[][] all = new double[taskCount][p];
            for (int k = 0; k < taskCount; k++) for (int j = 0; j < p; j++) all[k][j] = slope(inner.w()[k][j]);
            out.add(new Cut(Cut.AGGREGATED, inner.value(), all, copy(inner.point())));
        }
        if (!perTaskEtas() || inner.split() == null) return out;
        InnerPoint.TaskSplit split = inner.split();
        for (int k = 0; k < taskCount; k++) {
            double[][] s = new double[taskCount][p];
            for (int j = 0; j < p; j++) s[k][j] = slope(split.w()[k][j]);
            out.add(new Cut(k, split.values()[k], s, copy(inner.point())));
        }
        return out;
    }

    private double slope(double w) {
        return usesBigM() ? -bigM * Math.abs(w) : -(w * w) / (2.0 * ridge);
    }

    private static boolean[][] copy(boolean[][] z) {
        boolean[][] out = new boolean[z.length][];
        for (int k = 0; k < z.length; k++) out[k] = z[k].clone();
        return out;
    }
}
