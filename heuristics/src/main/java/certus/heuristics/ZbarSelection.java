package certus.heuristics;

/**
 * The selection step of the (Zbar-aware) proximal operator: keep at most s candidates with the largest
 * strictly positive gain, ties broken by the lower feature index so runs are deterministic.
 *
 * <p>Why "positive" and "at most": with the Zbar counts of the other tasks fixed, keeping feature j in task k
 * lowers the prox objective by gain_kj / (2 step), where
 * {@code gain_kj = T_kj^2 + step * zbar * (2 m_{-k,j} + 1 - K) / K}. A non-positive gain means that keeping j
 * cannot help, so the exact prox keeps fewer than s features (which matters when zbar &gt; 0).
 */
final class ZbarSelection {
    private ZbarSelection() {}

    /**
     * Writes the chosen candidates into {@code out} (in descending gain order) and returns how many.
     * Allocation-free; O(count * s), fine because s is small.
     *
     * @param gain       gain per feature index (only candidates are read)
     * @param candidates feature indices to choose from (first {@code count} entries)
     * @param out        receives the selection, length &gt;= s
     */
    static int select(double[] gain, int[] candidates, int count, int s, int[] out) {
        int size = 0;
        for (int c = 0; c < count; c++) {
            int j = candidates[c];
            double g = gain[j];
            if (!(g > 0)) continue;
            if (size == s && !better(g, j, gain[out[size - 1]], out[size - 1])) continue;
            int pos = size == s ? s - 1 : size++;
            while (pos > 0 && better(g, j, gain[out[pos - 1]], out[pos - 1])) {
                out[pos] = out[pos - 1];
                pos--;
            }
            out[pos] = j;
        }
        return size;
    }

    private static boolean better(double g, int j, double h, int i) {
        return g > h || (g == h && j < i);
    }
}
