package certus.tensor;

import java.util.Arrays;

/**
 * Immutable dense tensor of any order, stored <b>row-major</b> (the last index varies fastest), with the
 * mode-n unfolding and mode-n product of Kolda &amp; Bader, "Tensor decompositions and applications" (SIAM Review
 * 2009), §2.4-2.5: the unfolding {@code X_(n)} has rows indexed by i_n and columns ordered with the lowest
 * remaining index varying fastest; {@code (X x_n U)_(n) = U X_(n)}.
 *
 * <p>Why row-major here while {@link DenseMatrix} is column-major: tensors are built and read by index (parameter
 * tensors of TenMTL, data cubes), and unfoldings are formed explicitly for SVDs and products, so the storage order
 * only matters inside {@link #unfold} and {@link #fold}.
 */
public final class DenseTensor {
    private final int[] shape;
    private final double[] data;

    private DenseTensor(int[] shape, double[] data) {
        this.shape = shape;
        this.data = data;
    }

    /** Copies {@code rowMajor} (length = product of {@code shape}). */
    public static DenseTensor of(int[] shape, double[] rowMajor) {
        long size = checkedSize(shape);
        if (rowMajor.length != size) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + size + " values, got " + rowMajor.length);
        }
        return new DenseTensor(shape.clone(), rowMajor.clone());
    }

    public static DenseTensor zeros(int... shape) {
        return new DenseTensor(shape.clone(), new double[(int) checkedSize(shape)]);
    }

    private static long checkedSize(int[] shape) {
        if (shape.length == 0) throw new IllegalArgumentException("a tensor needs at least one mode");
        long size = 1;
        for (int d : shape) {
            if (d < 1) throw new IllegalArgumentException("every dimension must be >= 1, got shape " + Arrays.toString(shape));
            size *= d;
            if (size > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("tensor too large: shape " + Arrays.toString(shape));
        }
        return size;
    }

    public int order() {
        return shape.length;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int dimension(int mode) {
        return shape[mode];
    }

    public int size() {
        return data.length;
    }

    public double get(int... index) {
        return data[offset(index)];
    }

    /** A copy of the row-major values. */
    public double[] toRowMajor() {
        return data.clone();
    }

    private int offset(int[] index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("index of order " + index.length + " for a tensor of order " + shape.length);
        }
        int o = 0;
        for (int k = 0; k < shape.length; k++) {
            if (index[k] < 0 || index[k] >= shape[k]) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " outside shape " + Arrays.toString(shape));
            }
            o = o * shape[k] + index[k];
        }
        return o;
    }

    /** The mode-n unfolding X_(n): I_n x (product of the other dimensions), Kolda–Bader column order. */
    public DenseMatrix unfold(int mode) {
        checkMode(mode);
        int rows = shape[mode];
        int cols = data.length / rows;
        int[] colStride = unfoldingStrides(shape, mode);
        double[] cm = new double[data.length];
        int[] idx = new int[shape.length];
        for (int lin = 0; lin < data.length; lin++) {
            int col = 0;
            for (int k = 0; k < shape.length; k++) col += idx[k] * colStride[k];
            cm[col * rows + idx[mode]] = data[lin];
            increment(idx, shape);
        }
        return DenseMatrix.fromColumnMajor(rows, cols, cm);
    }

    /** The inverse of {@link #unfold}: the tensor of {@code shape} whose mode-n unfolding is {@code m}. */
    public static DenseTensor fold(DenseMatrix m, int mode, int[] shape) {
        long size = checkedSize(shape);
        if (mode < 0 || mode >= shape.length) throw new IllegalArgumentException("mode " + mode + " of an order-" + shape.length + " shape");
        if (m.rows() != shape[mode] || (long) m.rows() * m.cols() != size) {
            throw new IllegalArgumentException("a " + m.rows() + "x" + m.cols() + " matrix is not a mode-" + mode + " unfolding of shape "
                    + Arrays.toString(shape));
        }
        int[] colStride = unfoldingStrides(shape, mode);
        double[] cm = m.toColumnMajor();
        double[] out = new double[(int) size];
        int[] idx = new int[shape.length];
        for (int lin = 0; lin < out.length; lin++) {
            int col = 0;
            for (int k = 0; k < shape.length; k++) col += idx[k] * colStride[k];
            out[lin] = cm[col * m.rows() + idx[mode]];
            increment(idx, shape);
        }
        return new DenseTensor(shape.clone(), out);
    }

    /** The mode-n product X x_n U for U of shape J x I_n: dimension n becomes J. */
    public DenseTensor modeProduct(int mode, DenseMatrix u) {
        checkMode(mode);
        if (u.cols() != shape[mode]) {
            throw new IllegalArgumentException("mode-" + mode + " product needs a matrix with " + shape[mode] + " columns, got "
                    + u.rows() + "x" + u.cols());
        }
        int[] newShape = shape.clone();
        newShape[mode] = u.rows();
        return fold(MatrixOps.multiply(u, unfold(mode)), mode, newShape);
    }

    /** Frobenius norm: the square root of the sum of squared entries. */
    public double norm() {
        double s = 0;
        for (double v : data) s += v * v;
        return Math.sqrt(s);
    }

    /** This minus {@code other} (same shape). */
    public DenseTensor minus(DenseTensor other) {
        if (!Arrays.equals(shape, other.shape)) {
            throw new IllegalArgumentException("shapes differ: " + Arrays.toString(shape) + " vs " + Arrays.toString(other.shape));
        }
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) d[i] = data[i] - other.data[i];
        return new DenseTensor(shape.clone(), d);
    }

    private void checkMode(int mode) {
        if (mode < 0 || mode >= shape.length) throw new IllegalArgumentException("mode " + mode + " of a tensor of order " + shape.length);
    }

    /** Column stride of each index in the mode-n unfolding (0 for n itself): lowest remaining index fastest. */
    private static int[] unfoldingStrides(int[] shape, int mode) {
        int[] stride = new int[shape.length];
        int s = 1;
        for (int k = 0; k < shape.length; k++) {
            if (k == mode) continue;
            stride[k] = s;
            s *= shape[k];
        }
        return stride;
    }

    /** Next row-major multi-index (last index fastest). */
    private static void increment(int[] idx, int[] shape) {
        for (int k = shape.length - 1; k >= 0; k--) {
            if (++idx[k] < shape[k]) return;
            idx[k] = 0;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DenseTensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "DenseTensor" + Arrays.toString(shape);
    }
}
