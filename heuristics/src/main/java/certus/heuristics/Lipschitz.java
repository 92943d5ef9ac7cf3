package certus.heuristics;

import certus.tensor.DenseMatrix;

import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Largest eigenvalue of a centered Gram matrix Xc^T Xc by power iteration (relative tolerance 1e-8, at most
 * 500 iterations, for the small active-set matrices; looser for the whole design, see FULL_TOL). The Rayleigh quotient approaches the eigenvalue from below, so callers get it inflated by
 * {@link #SAFETY} to keep 1/L a valid (monotone) prox-gradient step even when convergence stalled.
 *
 * <p>The full-matrix value depends only on the data, so it is cached per design matrix (weakly, so data sets
 * can be collected) and by identity (DenseMatrix.hashCode would hash all n*p values): a regularization path
 * computes it once.
 *
 * <p>This memo is the only state shared between fits (the solver service runs several at once). It is safe to
 * share: DenseMatrix is immutable and the column means are a function of it, so an entry is a pure function of
 * its key; it holds at most CACHE_SIZE weak entries and is guarded by one lock (ConcurrentFitsTest).
 */
final class Lipschitz {
    static final double SAFETY = 1.01;
    private static final double TOL = 1e-8;
    private static final int MAX_ITER = 500;
    /**
     * The whole-design value only scales the step of the outer violator check (monotonicity rests on the
     * active-set value, computed to TOL), so a loose tolerance is enough. At 1e-4 a cold fit at p = 10^4,
     * n = 10^3 spent ~0.8 s of its 1.08 s here (benchmarks/RESULTS.md); 1e-2 keeps the screening step within a
     * few percent of 1/L, which changes which candidates enter the active set only at the margin.
     */
    private static final double FULL_TOL = 1e-2;
    private static final int FULL_MAX_ITER = 100;
    private static final int CACHE_SIZE = 64;
    private static final Deque<Entry> FULL_CACHE = new ArrayDeque<>();

    private record Entry(WeakReference<DenseMatrix> matrix, double value) {}

    private Lipschitz() {}

    /** lambda_max of a small symmetric PSD matrix g (row-major m x m), times SAFETY. */
    static double maxEigen(double[] g, int m, double[] v, double[] w) {
        if (m == 0) return 0;
        for (int i = 0; i < m; i++) v[i] = 1.0 + 1e-3 * i;
        normalize(v, m);
        double lambda = 0;
        for (int it = 0; it < MAX_ITER; it++) {
            for (int i = 0; i < m; i++) {
                double s = 0;
                for (int c = 0; c < m; c++) s += g[i * m + c] * v[c];
                w[i] = s;
            }
            double next = 0;
            for (int i = 0; i < m; i++) next += v[i] * w[i];
            double norm = normalizeInto(w, v, m);
            if (norm == 0) return 0;
            if (Math.abs(next - lambda) <= TOL * Math.abs(next)) {
                lambda = next;
                break;
            }
            lambda = next;
        }
        return SAFETY * lambda;
    }

    /** lambda_max(Xc^T Xc) of a whole task design (centered with the given means), times SAFETY; cached. */
    static double fullCentered(DenseMatrix x, double[] means) {
        synchronized (FULL_CACHE) {
            FULL_CACHE.removeIf(e -> e.matrix().get() == null);
            for (Entry e : FULL_CACHE) if (e.matrix().get() == x) return e.value();
        }
        int n = x.rows();
        int p = x.cols();
        double[] v = new double[p];
        double[] u = new double[n];
        double[] w = new double[p];
        for (int j = 0; j < p; j++) v[j] = 1.0 + 1e-3 * (j % 97);
        normalize(v, p);
        double lambda = 0;
        for (int it = 0; it < FULL_MAX_ITER; it++) {
            x.timesInto(v, u);
            double shift = 0;
            for (int j = 0; j < p; j++) shift += means[j] * v[j];
            for (int i = 0; i < n; i++) u[i] -= shift;
            // u sums to zero, so X^T u = Xc^T u.
            x.transposeTimesInto(u, w);
            double next = 0;
            for (int j = 0; j < p; j++) next += v[j] * w[j];
            if (normalizeInto(w, v, p) == 0) {
                lambda = 0;
                break;
            }
            if (Math.abs(next - lambda) <= FULL_TOL * Math.abs(next)) {
                lambda = next;
                break;
            }
            lambda = next;
        }
        double result = SAFETY * lambda;
        synchronized (FULL_CACHE) {
            if (FULL_CACHE.size() >= CACHE_SIZE) FULL_CACHE.removeLast();
            FULL_CACHE.addFirst(new Entry(new WeakReference<>(x), result));
        }
        return result;
    }

    private static void normalize(double[] v, int m) {
        double s = 0;
        for (int i = 0; i < m; i++) s += v[i] * v[i];
        double inv = 1 / Math.sqrt(s);
        for (int i = 0; i < m; i++) v[i] *= inv;
    }

    /** v = w / ||w||; returns ||w||. */
    private static double normalizeInto(double[] w, double[] v, int m) {
        double s = 0;
        for (int i = 0; i < m; i++) s += w[i] * w[i];
        double norm = Math.sqrt(s);
        if (norm == 0) return 0;
        for (int i = 0; i < m; i++) v[i] = w[i] / norm;
        return norm;
    }
}
