package certus.formulations.bnb;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

import java.util.List;

/**
 * Per-task diagonal shifts delta_k that strengthen the perspective relaxation at a node whose selectable features A
 * (forced in plus free) are fewer than the rows: there {@code Gc_AA / n_k} is positive definite, and moving
 * {@code delta_k <= lambda_min(Gc_AA / n_k)} of the loss's curvature into the ridge term,
 * <pre>
 *   (1/2n)||yc - Xc beta||^2 + (ridge/2)||beta||^2
 *     = [(1/2n)||yc - Xc beta||^2 - (delta/2)||beta||^2] + ((ridge + delta)/2)||beta||^2,
 * </pre>
 * keeps the first bracket convex on A while the perspective now acts on the larger ridge + delta (the eigenvalue
 * shift of Dong, Chen and Linderoth, "Regularization vs. relaxation", applied per node). At binary z nothing changes;
 * at fractional z the relaxation is tighter. With p &gt; n the root gains nothing (the Gram is singular), but nodes
 * whose fixings leave fewer than n features do, and a child inherits its parent's shift (eigenvalue interlacing:
 * removing features cannot lower lambda_min; forcing one in keeps A).
 *
 * @param perTask  delta_k &gt;= 0 per task of the group (empty: no shift)
 * @param features A, ascending: the features the shifts were computed for (valid for supports within A; a node
 *                 recomputes once its A has shrunk enough)
 */
record DiagonalShift(double[] perTask, int[] features) {
    /** No shift: the plain perspective relaxation. */
    static final DiagonalShift NONE = new DiagonalShift(new double[0], new int[0]);
    /** Recompute when A has lost this share of the features it had at the last computation. */
    private static final double SHRINK = 0.9;
    /** The shift used is this share of the computed eigenvalue (a margin for the eigen-solver's rounding). */
    private static final double SAFETY = 0.98;

    /** delta of task k (0 when none). */
    double of(int k) {
        return k < perTask.length ? perTask[k] : 0.0;
    }

    boolean isNone() {
        return perTask.length == 0;
    }

    /**
     * The shift for a node with {@code out} forced out: this one while A is not much smaller than where it was
     * computed (or too large to have a positive definite Gram), else freshly computed.
     */
    DiagonalShift refreshed(List<TaskGram> tasks, boolean[] out) {
        int a = 0;
        for (boolean o : out) if (!o) a++;
        int rows = Integer.MAX_VALUE;
        for (TaskGram t : tasks) rows = Math.min(rows, t.rows);
        // Centred data have rank <= n - 1: no positive definite Gram on more features.
        if (a >= rows - 1 || (features.length > 0 && a > SHRINK * features.length)) return this;
        return compute(tasks, out, a);
    }

    private DiagonalShift compute(List<TaskGram> tasks, boolean[] out, int a) {
        int[] idx = new int[a];
        for (int j = 0, i = 0; j < out.length; j++) if (!out[j]) idx[i++] = j;
        double[] delta = new double[tasks.size()];
        boolean gain = false;
        for (int k = 0; k < tasks.size(); k++) {
            delta[k] = Math.max(of(k), SAFETY * smallestEigenvalue(tasks.get(k), idx));
            gain |= delta[k] > of(k);
        }
        return gain ? new DiagonalShift(delta, idx) : new DiagonalShift(perTask, idx);
    }

    /**
     * lambda_min(Gc_AA / n) by a symmetric eigen-decomposition (values only); 0 when it is below 1e-6 of the largest
     * diagonal entry (numerically singular: a shift there gains nothing and a checker's Cholesky could fail on it).
     */
    static double smallestEigenvalue(TaskGram t, int[] idx) {
        int m = idx.length;
        if (m == 0) return 0;
        DMatrixRMaj g = new DMatrixRMaj(m, m);
        double diagonal = 0;
        for (int i = 0; i < m; i++) {
            double[] col = t.column(idx[i]);
            for (int j = 0; j < m; j++) g.unsafe_set(j, i, col[idx[j]] / t.rows);
            diagonal = Math.max(diagonal, col[idx[i]] / t.rows);
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, false, true);
        if (!eig.decompose(g)) return 0;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < m; i++) min = Math.min(min, eig.getEigenvalue(i).getReal());
        return min > 1e-6 * diagonal ? min : 0;
    }
}
