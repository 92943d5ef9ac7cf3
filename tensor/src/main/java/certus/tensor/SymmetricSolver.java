package certus.tensor;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Solves {@code A x = b} for a symmetric positive semi-definite A given row-major as {@code a[i*n+j]}.
 *
 * <p>Cholesky first (the common case: a ridge term makes A positive definite). When A is singular — no ridge
 * and collinear or constant columns — the system is still consistent for the least-squares problems we solve
 * ({@code b} lies in the range of A), so we return the minimum-norm solution from an eigen-decomposition, which
 * is a true minimizer. Systems here are small (a support of size s, or K*s for coupled tasks).
 */
public final class SymmetricSolver {
    /** Relative eigenvalue cut-off below which a direction counts as null space. */
    private static final double EIGEN_RELATIVE_CUTOFF = 1e-12;

    /**
     * Relative Cholesky pivot below which we distrust the factorization. The pivot of an exactly singular
     * direction is not zero but rounding error divided by the smallest earlier pivot — about eps / p_min. When the
     * range of A is itself ill-conditioned (p_min ~ 1e-7), that lands near 1e-9 relative, above any cut-off at
     * machine precision, and Cholesky would return a solution with a large null-space component (four such
     * Gram matrices found by the property test: n=3..8, one singular direction). A cut-off tau >= sqrt(eps)
     * closes the gap: either some earlier pivot is below tau (eigen path), or every p_min >= tau and the
     * singular pivot is <= eps / tau < tau. 1e-7 leaves a factor ~50 of margin; the eigen path below is
     * backward-stable and gives the same answer on a nonsingular but ill-conditioned system.
     */
    private static final double CHOLESKY_RELATIVE_PIVOT = 1e-7;

    private SymmetricSolver() {}

    /** Returns x solving A x = b (or the minimum-norm least-squares solution when A is singular). Inputs unmodified. */
    public static double[] solvePsd(double[] a, double[] b, int n) {
        if (a.length != n * n || b.length != n) throw new IllegalArgumentException("dimension mismatch for n=" + n);
        if (n == 0) return new double[0];
        double[] l = a.clone();
        if (choleskyInPlace(l, n)) {
            double[] x = b.clone();
            choleskySolveInPlace(l, n, x);
            return x;
        }
        return eigenSolve(a, b, n);
    }

    /**
     * As {@link #solvePsd}, for a positive definite A whose diagonal may span many orders of magnitude (weighted ridge
     * systems, where a weight ridge/z_j grows without bound as z_j tends to 0): each pivot is tested against its own
     * diagonal entry instead of the largest one. That is exactly the test a Jacobi-scaled (unit-diagonal) factorization
     * would make, at no extra cost; the largest-diagonal test would instead reject every ordinary pivot next to one huge
     * weight and send a well-conditioned system to the eigen path.
     */
    public static double[] solvePositiveDefinite(double[] a, double[] b, int n) {
        if (a.length != n * n || b.length != n) throw new IllegalArgumentException("dimension mismatch for n=" + n);
        if (n == 0) return new double[0];
        double[] l = a.clone();
        if (cholesky(l, n, true)) {
            double[] x = b.clone();
            choleskySolveInPlace(l, n, x);
            return x;
        }
        return eigenSolve(a, b, n);
    }

    /**
     * Modified: overwrites the lower triangle of {@code a} with L where A = L L^T. Returns false if A is not
     * safely positive definite (a pivot at or below {@link #CHOLESKY_RELATIVE_PIVOT} times the largest diagonal).
     */
    public static boolean choleskyInPlace(double[] a, int n) {
        return cholesky(a, n, false);
    }

    /** The factorization; the pivot test is relative to the pivot's own diagonal entry or to the largest one. */
    private static boolean cholesky(double[] a, int n, boolean ownDiagonal) {
        double maxDiag = 0;
        for (int i = 0; i < n; i++) maxDiag = Math.max(maxDiag, Math.abs(a[i * n + i]));
        double tol = Math.max(maxDiag, 1e-300) * CHOLESKY_RELATIVE_PIVOT;
        for (int j = 0; j < n; j++) {
            double d = a[j * n + j];
            double pivotTol = ownDiagonal ? Math.max(Math.abs(d), 1e-300) * CHOLESKY_RELATIVE_PIVOT : tol;
            for (int k = 0; k < j; k++) d -= a[j * n + k] * a[j * n + k];
            if (!(d > pivotTol)) return false;
            double ljj = Math.sqrt(d);
            a[j * n + j] = ljj;
            for (int i = j + 1; i < n; i++) {
                double v = a[i * n + j];
                for (int k = 0; k < j; k++) v -= a[i * n + k] * a[j * n + k];
                a[i * n + j] = v / ljj;
            }
        }
        return true;
    }

    /** Modified: x is overwritten with the solution of L L^T x = x, L from {@link #choleskyInPlace}. */
    public static void choleskySolveInPlace(double[] l, int n, double[] x) {
        for (int i = 0; i < n; i++) {
            double v = x[i];
            for (int k = 0; k < i; k++) v -= l[i * n + k] * x[k];
            x[i] = v / l[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double v = x[i];
            for (int k = i + 1; k < n; k++) v -= l[k * n + i] * x[k];
            x[i] = v / l[i * n + i];
        }
    }

    private static double[] eigenSolve(double[] a, double[] b, int n) {
        DMatrixRMaj m = new DMatrixRMaj(n, n, true, a);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(m)) throw new ArithmeticException("eigen-decomposition failed for a " + n + "x" + n + " system");
        double maxEig = 0;
        for (int i = 0; i < n; i++) maxEig = Math.max(maxEig, Math.abs(eig.getEigenvalue(i).real));
        double cutoff = Math.max(maxEig, 1e-300) * EIGEN_RELATIVE_CUTOFF;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double lambda = eig.getEigenvalue(i).real;
            if (lambda <= cutoff) continue;
            DMatrixRMaj v = eig.getEigenVector(i);
            double proj = 0;
            for (int r = 0; r < n; r++) proj += v.get(r, 0) * b[r];
            double coef = proj / lambda;
            for (int r = 0; r < n; r++) x[r] += coef * v.get(r, 0);
        }
        return x;
    }
}
