package certus.tensor;

import java.util.Arrays;

/**
 * Immutable dense matrix stored <b>column-major</b>: column j occupies {@code data[j*rows .. (j+1)*rows)}.
 *
 * <p>Column-major is chosen once for the whole engine because every hot loop of the sparse estimators walks
 * columns: {@code X^T r} is one contiguous dot product per column and {@code X beta} with a sparse beta adds a
 * few contiguous columns. Kernels that write take an explicit output array ("Into" methods), allocate nothing,
 * and leave this matrix unmodified.
 */
public final class DenseMatrix {
    private final int rows;
    private final int cols;
    private final double[] data;

    private DenseMatrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** Copies a column-major array of length rows*cols. */
    public static DenseMatrix fromColumnMajor(int rows, int cols, double[] columnMajor) {
        checkShape(rows, cols);
        if (columnMajor.length != (long) rows * cols) {
            throw new IllegalArgumentException("expected " + ((long) rows * cols) + " values for a " + rows + "x" + cols
                    + " matrix, got " + columnMajor.length);
        }
        return new DenseMatrix(rows, cols, columnMajor.clone());
    }

    /** Copies a rectangular row array {@code values[i][j]}. */
    public static DenseMatrix fromRows(double[][] values) {
        int r = values.length;
        int c = r == 0 ? 0 : values[0].length;
        checkShape(r, c);
        double[] d = new double[r * c];
        for (int i = 0; i < r; i++) {
            if (values[i].length != c) {
                throw new IllegalArgumentException("ragged rows: row 0 has " + c + " values, row " + i + " has " + values[i].length);
            }
            for (int j = 0; j < c; j++) d[j * r + i] = values[i][j];
        }
        return new DenseMatrix(r, c, d);
    }

    /** Builds a matrix from columns {@code columns[j][i]} (each column copied). */
    public static DenseMatrix fromColumns(int rows, double[][] columns) {
        checkShape(rows, columns.length);
        double[] d = new double[rows * columns.length];
        for (int j = 0; j < columns.length; j++) {
            if (columns[j].length != rows) {
                throw new IllegalArgumentException("column " + j + " has " + columns[j].length + " values, expected " + rows);
            }
            System.arraycopy(columns[j], 0, d, j * rows, rows);
        }
        return new DenseMatrix(rows, columns.length, d);
    }

    private static void checkShape(int rows, int cols) {
        if (rows < 0 || cols < 0 || (long) rows * cols > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("invalid matrix shape " + rows + "x" + cols);
        }
    }

    public int rows() { return rows; }

    public int cols() { return cols; }

    public double get(int i, int j) {
        return data[j * rows + i];
    }

    /** A copy of column j. */
    public double[] column(int j) {
        return Arrays.copyOfRange(data, j * rows, (j + 1) * rows);
    }

    /** A copy of row i. */
    public double[] row(int i) {
        double[] out = new double[cols];
        for (int j = 0; j < cols; j++) out[j] = data[j * rows + i];
        return out;
    }

    /** Column j dotted with v (length rows). */
    public double columnDot(int j, double[] v) {
        return VectorOps.dot(data, j * rows, v, 0, rows);
    }

    /** Column a dotted with column b. */
    public double columnDotColumn(int a, int b) {
        return VectorOps.dot(data, a * rows, data, b * rows, rows);
    }

    /** Modified: {@code out += alpha * column j}. */
    public void addScaledColumnInto(int j, double alpha, double[] out) {
        VectorOps.axpy(alpha, data, j * rows, out, 0, rows);
    }

    /** Modified: {@code out = X^T v} (out has length cols). v and out must not alias. */
    public void transposeTimesInto(double[] v, double[] out) {
        for (int j = 0; j < cols; j++) out[j] = VectorOps.dot(data, j * rows, v, 0, rows);
    }

    /** Modified: {@code out = X x} (out has length rows). */
    public void timesInto(double[] x, double[] out) {
        Arrays.fill(out, 0, rows, 0.0);
        for (int j = 0; j < cols; j++) {
            double xj = x[j];
            if (xj != 0.0) VectorOps.axpy(xj, data, j * rows, out, 0, rows);
        }
    }

    public double columnMean(int j) {
        double s = 0;
        for (int i = j * rows, e = i + rows; i < e; i++) s += data[i];
        return rows == 0 ? 0 : s / rows;
    }

    /** Sum of squared deviations of column j from its mean (two-pass, so no cancellation). */
    public double columnCenteredSumOfSquares(int j) {
        double m = columnMean(j);
        double s = 0;
        for (int i = j * rows, e = i + rows; i < e; i++) {
            double d = data[i] - m;
            s += d * d;
        }
        return s;
    }

    /** A new matrix holding the given rows, in the given order. */
    public DenseMatrix selectRows(int[] rowIndices) {
        int r = rowIndices.length;
        double[] d = new double[r * cols];
        for (int j = 0; j < cols; j++) {
            int src = j * rows;
            int dst = j * r;
            for (int i = 0; i < r; i++) d[dst + i] = data[src + rowIndices[i]];
        }
        return new DenseMatrix(r, cols, d);
    }

    /** A new matrix holding the given columns, in the given order. */
    public DenseMatrix selectColumns(int[] columnIndices) {
        double[] d = new double[rows * columnIndices.length];
        for (int c = 0; c < columnIndices.length; c++) {
            System.arraycopy(data, columnIndices[c] * rows, d, c * rows, rows);
        }
        return new DenseMatrix(rows, columnIndices.length, d);
    }

    /** A new matrix with column j multiplied by factors[j]. */
    public DenseMatrix scaleColumns(double[] factors) {
        if (factors.length != cols) throw new IllegalArgumentException("need " + cols + " factors, got " + factors.length);
        double[] d = data.clone();
        for (int j = 0; j < cols; j++) {
            double f = factors[j];
            for (int i = j * rows, e = i + rows; i < e; i++) d[i] *= f;
        }
        return new DenseMatrix(rows, cols, d);
    }

    /** A copy of the column-major storage. */
    public double[] toColumnMajor() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DenseMatrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "DenseMatrix[" + rows + "x" + cols + "]";
    }
}
