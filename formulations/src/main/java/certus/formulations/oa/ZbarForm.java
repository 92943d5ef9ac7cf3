package certus.formulations.oa;

/**
 * Exact MILP linearizations of the Zbar penalty sum_k ||z_k - zbar||^2 = sum_j m_j (K - m_j) / K at binary z
 * (exact.md §3). Both are exact; they differ in size: PAIRWISE needs p K(K-1)/2 continuous variables, COUNT
 * needs (K+1) p binaries, so PAIRWISE is the default for small K and COUNT for large K.
 */
public enum ZbarForm {
    /** (A): d_klj &gt;= |z_kj - z_lj| for k &lt; l, ZBAR = (1/K) sum d. Exact because d has a positive cost. */
    PAIRWISE,
    /**
     * (C): one-hot q_jc over the count c = m_j, ZBAR = sum_jc c (K - c)/K q_jc. A plain epigraph on m_j would not do:
     * m(K - m) is concave, so the one-hot is what makes it exact.
     */
    COUNT;

    /** Largest K for which PAIRWISE is the default (exact.md §3). */
    public static final int PAIRWISE_MAX_TASKS = 8;

    public static ZbarForm defaultFor(int taskCount) {
        return taskCount <= PAIRWISE_MAX_TASKS ? PAIRWISE : COUNT;
    }

    /** sum_j m_j (K - m_j) / K, the value both forms reproduce at binary z. */
    public static double penalty(boolean[][] z) {
        int kCount = z.length;
        if (kCount == 0) return 0;
        double total = 0;
        for (int j = 0; j < z[0].length; j++) {
            int m = 0;
            for (boolean[] row : z) if (row[j]) m++;
            total += (double) m * (kCount - m) / kCount;
        }
        return total;
    }
}
