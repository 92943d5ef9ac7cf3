package certus.formulations.bnb;

/**
 * The per-feature combinatorics of the Zbar bound. For feature j the tasks selecting it form a pattern S, and with
 * budget prices mu the node's Lagrangian bound needs, per column,
 * <pre>
 *   min over allowed S of  sum_{k in S} (mu_k - h_kj) + w f(|S|),   f(m) = m (K - m) / K,  w = zbar / 2
 * </pre>
 * (exact.md §3: the Zbar penalty of binary supports depends on each column's count only). Allowed patterns contain
 * the column's forced-in tasks and avoid its forced-out ones. Because f depends on |S| only, the best pattern of each
 * size takes the cheapest free tasks, so a column costs a sort of at most K numbers.
 */
final class ColumnPatterns {
    private final int kCount;
    private final double w;
    // Scratch space: one instance serves one search thread, and every call is allocation-free (it runs K p times per
    // bound evaluation).
    private final double[] free;
    private final int[] freeTask;

    ColumnPatterns(int kCount, double zbar) {
        this.kCount = kCount;
        this.w = 0.5 * zbar;
        this.free = new double[kCount];
        this.freeTask = new int[kCount];
    }

    double penalty(int m) {
        return w * m * (double) (kCount - m) / kCount;
    }

    /**
     * The cheapest allowed pattern of column j; writes it into {@code pattern} (length K) when non-null.
     *
     * @param cost cost[k] = mu_k - h_kj
     */
    double min(TaskNode node, int j, double[] cost, boolean[] pattern) {
        return best(node, j, cost, -1, false, pattern);
    }

    /** The cheapest allowed pattern of column j that contains (forceIn) or avoids free task k. */
    double minWith(TaskNode node, int j, double[] cost, int k, boolean forceIn) {
        return forceIn ? best(node, j, cost, k, true, null) + cost[k] : best(node, j, cost, k, false, null);
    }

    /**
     * The price of task k at which column j changes its mind: with mu_k below the returned value the cheapest pattern
     * includes k, above it excludes k. Only for a free (k, j). {@code cost} holds mu_l - h_lj for every task; cost[k]
     * is ignored.
     */
    double threshold(TaskNode node, int j, double[] cost, int k, double hkj) {
        double without = best(node, j, cost, k, false, null);
        double with = best(node, j, cost, k, true, null) - hkj;
        return without - with;
    }

    /**
     * Cheapest pattern over all tasks but {@code skip} (when skip &gt;= 0), which is added to the count when
     * {@code skipIncluded} (its own cost left to the caller).
     */
    private double best(TaskNode node, int j, double[] cost, int skip, boolean skipIncluded, boolean[] pattern) {
        double forcedCost = 0;
        int forced = skipIncluded ? 1 : 0;
        int r = 0;
        for (int k = 0; k < kCount; k++) {
            if (k == skip) continue;
            if (node.in()[k][j]) {
                forcedCost += cost[k];
                forced++;
            } else if (!node.out()[k][j]) {
                // insertion sort by cost (K is small)
                int a = r++;
                while (a > 0 && free[a - 1] > cost[k]) {
                    free[a] = free[a - 1];
                    freeTask[a] = freeTask[a - 1];
                    a--;
                }
                free[a] = cost[k];
                freeTask[a] = k;
            }
        }
        double bestValue = forcedCost + penalty(forced);
        int bestCount = 0;
        double prefix = 0;
        for (int m = 1; m <= r; m++) {
            prefix += free[m - 1];
            double v = forcedCost + prefix + penalty(forced + m);
            if (v < bestValue) {
                bestValue = v;
                bestCount = m;
            }
        }
        if (pattern != null) {
            for (int k = 0; k < kCount; k++) pattern[k] = node.in()[k][j];
            for (int m = 0; m < bestCount; m++) pattern[freeTask[m]] = true;
        }
        return bestValue;
    }
}
