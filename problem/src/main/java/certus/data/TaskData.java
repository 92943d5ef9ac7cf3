package certus.data;

import certus.tensor.DenseMatrix;

import java.util.Objects;

/**
 * One task's design and response. Immutable: the response is copied in and out.
 *
 * @param label the task's label as the user wrote it
 * @param x     n_k x p design (column-major, see {@link DenseMatrix})
 * @param y     response of length n_k
 */
public record TaskData(String label, DenseMatrix x, double[] y) {
    public TaskData {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.rows() != y.length) {
            throw new IllegalArgumentException("task '" + label + "': design has " + x.rows() + " rows but response has " + y.length);
        }
        y = y.clone();
    }

    /** A copy of the response. */
    @Override
    public double[] y() {
        return y.clone();
    }

    public double y(int i) {
        return y[i];
    }

    public int rows() {
        return y.length;
    }

    public int features() {
        return x.cols();
    }

    /** The task restricted to {@code rows} (in that order): a training fold, a holdout, a time split. */
    public TaskData selectRows(int[] rows) {
        double[] sub = new double[rows.length];
        for (int a = 0; a < rows.length; a++) sub[a] = y[rows[a]];
        return new TaskData(label, x.selectRows(rows), sub);
    }

    public double responseMean() {
        double s = 0;
        for (double v : y) s += v;
        return y.length == 0 ? 0 : s / y.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskData t && t.label.equals(label) && t.x.equals(x) && java.util.Arrays.equals(t.y, y);
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, x, java.util.Arrays.hashCode(y));
    }

    @Override
    public String toString() {
        return "TaskData[" + label + ", " + x.rows() + "x" + x.cols() + "]";
    }
}
