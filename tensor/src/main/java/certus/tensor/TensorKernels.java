package certus.tensor;

/**
 * Hand-written contractions on row-major arrays, for the many small per-observation products of TenMTL's design
 * rows (tenmtl.md §3). {@link DenseTensor#modeProduct} goes through an unfolding, a GEMM and a fold, which is the
 * right tool for one large product but allocates three arrays per call; an alternating sweep forms one design row per
 * observation and block, so these loops over the (outer, mode, inner) view of a row-major array are ours.
 * {@code TensorKernelsTest} checks them against the unfolding definitions.
 */
public final class TensorKernels {
    private TensorKernels() {}

    /** X x_mode A for A given as rows (J x I_mode): row-major result whose dimension {@code mode} is J. */
    public static double[] modeMultiply(double[] x, int[] shape, int mode, double[][] a) {
        int outer = product(shape, 0, mode);
        int in = shape[mode];
        int inner = product(shape, mode + 1, shape.length);
        checkLength(x, shape);
        int j = a.length;
        double[] y = new double[outer * j * inner];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < in; i++) {
                int xBase = (o * in + i) * inner;
                for (int r = 0; r < j; r++) {
                    double c = a[r][i];
                    if (c == 0) continue;
                    int yBase = (o * j + r) * inner;
                    for (int t = 0; t < inner; t++) y[yBase + t] += c * x[xBase + t];
                }
            }
        }
        return y;
    }

    /** X x_mode U^T for U given as rows (I_mode x J): the projection onto U's columns, dimension {@code mode} becomes J. */
    public static double[] modeMultiplyTransposed(double[] x, int[] shape, int mode, double[][] u) {
        int outer = product(shape, 0, mode);
        int in = shape[mode];
        int inner = product(shape, mode + 1, shape.length);
        checkLength(x, shape);
        if (u.length != in) throw new IllegalArgumentException("factor has " + u.length + " rows for a mode of dimension " + in);
        int j = u[0].length;
        double[] y = new double[outer * j * inner];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < in; i++) {
                int xBase = (o * in + i) * inner;
                double[] ui = u[i];
                for (int r = 0; r < j; r++) {
                    double c = ui[r];
                    if (c == 0) continue;
                    int yBase = (o * j + r) * inner;
                    for (int t = 0; t < inner; t++) y[yBase + t] += c * x[xBase + t];
                }
            }
        }
        return y;
    }

    /**
     * X_(mode) Y_(mode)^T (I_mode x J_mode) for two tensors whose shapes agree except at {@code mode}: the contraction
     * over every other index. Row-major layout lets this skip the unfoldings (their column orders agree).
     */
    public static double[][] modeGram(double[] x, int[] xShape, double[] y, int[] yShape, int mode) {
        if (xShape.length != yShape.length) throw new IllegalArgumentException("orders differ");
        for (int k = 0; k < xShape.length; k++) {
            if (k != mode && xShape[k] != yShape[k]) throw new IllegalArgumentException("shapes differ outside mode " + mode);
        }
        checkLength(x, xShape);
        checkLength(y, yShape);
        int outer = product(xShape, 0, mode);
        int inner = product(xShape, mode + 1, xShape.length);
        int ix = xShape[mode];
        int iy = yShape[mode];
        double[][] c = new double[ix][iy];
        for (int o = 0; o < outer; o++) {
            for (int a = 0; a < ix; a++) {
                int xBase = (o * ix + a) * inner;
                double[] ca = c[a];
                for (int b = 0; b < iy; b++) {
                    int yBase = (o * iy + b) * inner;
                    double s = 0;
                    for (int t = 0; t < inner; t++) s += x[xBase + t] * y[yBase + t];
                    ca[b] += s;
                }
            }
        }
        return c;
    }

    /** Product of shape[from..to). */
    public static int product(int[] shape, int from, int to) {
        int p = 1;
        for (int k = from; k < to; k++) p *= shape[k];
        return p;
    }

    private static void checkLength(double[] x, int[] shape) {
        if (x.length != product(shape, 0, shape.length)) {
            throw new IllegalArgumentException("array of length " + x.length + " for shape " + java.util.Arrays.toString(shape));
        }
    }
}
