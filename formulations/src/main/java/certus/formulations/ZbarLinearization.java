package certus.formulations;

import certus.solver.LinearConstraint;
import certus.solver.LinearExpression;
import certus.solver.ModelBuilder;

import java.util.ArrayList;
import java.util.List;

/**
 * Exact linear forms of the Zbar penalty (exact.md §3): for binary z with m_j = sum_k z_kj,
 * {@code sum_k ||z_k - zbar||^2 = sum_j m_j (K - m_j)/K = (1/K) sum_j sum_{k<l} |z_kj - z_lj|}.
 * <ul>
 *   <li>PAIRWISE (form A): continuous d_klj &gt;= |z_kj - z_lj|, penalty (1/K) sum d. Exact because d has a positive
 *       objective coefficient. p K(K-1)/2 variables.</li>
 *   <li>COUNT (form C): one-hot u_jc over c = 0..K with sum_c c u_jc = m_j, penalty sum_c c(K-c)/K u_jc. Needed
 *       because m(K-m) is concave (no epigraph form); (K+1)p binaries, compact for large K.</li>
 * </ul>
 * Shared by the MIQP formulations and the outer-approximation master so both price Zbar identically.
 */
public final class ZbarLinearization {
    public enum Form { PAIRWISE, COUNT }

    /** Largest K for which PAIRWISE is the default (exact.md §3). */
    public static final int PAIRWISE_MAX_TASKS = 8;

    /** Form A for K &lt;= 8, form C beyond (exact.md §3 default). */
    public static Form defaultForm(int taskCount) {
        return taskCount <= PAIRWISE_MAX_TASKS ? Form.PAIRWISE : Form.COUNT;
    }

    private final Form form;
    private final int kCount;
    private final int[][] z;
    private final List<int[]> pairVariables = new ArrayList<>(); // {variable, k, l, j}
    private final int[][] oneHot; // [j][c] variable index, COUNT form only
    private final LinearExpression objective;

    private ZbarLinearization(ModelBuilder b, int[][] z, double zbarWeight, Form form) {
        this.form = form;
        this.kCount = z.length;
        this.z = z;
        int p = kCount == 0 ? 0 : z[0].length;
        LinearExpression.Builder obj = LinearExpression.builder();
        this.oneHot = form == Form.COUNT ? new int[p][] : null;
        double half = zbarWeight / 2.0;
        for (int j = 0; j < p; j++) {
            if (form == Form.PAIRWISE) {
                for (int k = 0; k < kCount; k++) {
                    for (int l = k + 1; l < kCount; l++) {
                        if (z[k][j] < 0 && z[l][j] < 0) continue;
                        int d = b.addContinuous("d_" + k + "_" + l + "_" + j, 0.0, 1.0);
                        LinearExpression diff = LinearExpression.builder().add(d, 1.0).add(zTerm(k, j), -1.0).add(zTerm(l, j), 1.0).build();
                        LinearExpression sum = LinearExpression.builder().add(d, 1.0).add(zTerm(k, j), 1.0).add(zTerm(l, j), -1.0).build();
                        b.addConstraint(LinearConstraint.greaterEqual("dpos_" + k + "_" + l + "_" + j, diff, 0.0));
                        b.addConstraint(LinearConstraint.greaterEqual("dneg_" + k + "_" + l + "_" + j, sum, 0.0));
                        obj.add(d, half / kCount);
                        pairVariables.add(new int[]{d, k, l, j});
                    }
                }
            } else {
                oneHot[j] = new int[kCount + 1];
                LinearExpression.Builder one = LinearExpression.builder();
                LinearExpression.Builder count = LinearExpression.builder();
                for (int c = 0; c <= kCount; c++) {
                    int u = b.addBinary("q_" + j + "_" + c); // q, not u: u_j names common-support binaries
                    oneHot[j][c] = u;
                    one.add(u, 1.0);
                    count.add(u, c);
                    obj.add(u, half * c * (kCount - c) / (double) kCount);
                }
                for (int k = 0; k < kCount; k++) count.add(zTerm(k, j), -1.0);
                b.addConstraint(LinearConstraint.equal("onehot_" + j, one.build(), 1.0));
                b.addConstraint(LinearConstraint.equal("count_" + j, count.build(), 0.0));
            }
        }
        this.objective = obj.build();
    }

    /**
     * Adds the auxiliary variables and rows to {@code b}. {@code z[k][j]} is the index of binary z_kj, or -1
     * when z_kj is fixed at 0 (a constant column). Under common support callers pass the same index for every k.
     */
    public static ZbarLinearization add(ModelBuilder b, int[][] z, double zbarWeight, Form form) {
        return new ZbarLinearization(b, z, zbarWeight, form);
    }

    private LinearExpression zTerm(int k, int j) {
        return z[k][j] < 0 ? LinearExpression.zero() : LinearExpression.term(z[k][j], 1.0);
    }

    /** (zbar/2) * ZBAR(z) as a linear expression in the auxiliary variables. */
    public LinearExpression objective() {
        return objective;
    }

    public Form form() {
        return form;
    }

    /** Writes the auxiliary variables' values for binary supports {@code support} into a hint vector. */
    public void fillHint(double[] hint, boolean[][] support) {
        for (int[] v : pairVariables) hint[v[0]] = support[v[1]][v[3]] != support[v[2]][v[3]] ? 1.0 : 0.0;
        if (oneHot != null) {
            for (int j = 0; j < oneHot.length; j++) {
                int m = 0;
                for (int k = 0; k < kCount; k++) if (support[k][j]) m++;
                for (int c = 0; c <= kCount; c++) hint[oneHot[j][c]] = c == m ? 1.0 : 0.0;
            }
        }
    }
}
