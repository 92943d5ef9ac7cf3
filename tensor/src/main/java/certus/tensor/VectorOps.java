package certus.tensor;

/**
 * Allocation-free vector kernels on array slices. The loops are unrolled by four with independent
 * accumulators so the JIT can keep several FMA chains in flight; this is what makes {@code X^T r} run near
 * memory bandwidth (see benchmarks/RESULTS.md).
 */
public final class VectorOps {
    private VectorOps() {}

    public static double dot(double[] a, double[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("length mismatch " + a.length + " vs " + b.length);
        return dot(a, 0, b, 0, a.length);
    }

    /** Sum of a[aOff+i]*b[bOff+i] for i in [0, n). */
    public static double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[aOff + i] * b[bOff + i];
            s1 += a[aOff + i + 1] * b[bOff + i + 1];
            s2 += a[aOff + i + 2] * b[bOff + i + 2];
            s3 += a[aOff + i + 3] * b[bOff + i + 3];
        }
        for (; i < n; i++) s0 += a[aOff + i] * b[bOff + i];
        return (s0 + s1) + (s2 + s3);
    }

    /** Modified: y[yOff+i] += alpha * x[xOff+i] for i in [0, n). */
    public static void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] += alpha * x[xOff + i];
    }

    public static double sumOfSquares(double[] a) {
        return dot(a, 0, a, 0, a.length);
    }
}
