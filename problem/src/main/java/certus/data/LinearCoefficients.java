package certus.data;

import java.util.Objects;

/**
 * Per-task intercepts and coefficients (K and K x p) as plain arrays, for callers that map a fit between scales
 * without carrying supports. Immutable: arrays are copied in and out.
 *
 * @param intercepts   b_k, length K
 * @param coefficients beta_kj, K x p
 */
public record LinearCoefficients(double[] intercepts, double[][] coefficients) {
    public LinearCoefficients {
        Objects.requireNonNull(intercepts, "intercepts");
        Objects.requireNonNull(coefficients, "coefficients");
        if (intercepts.length != coefficients.length) {
            throw new IllegalArgumentException(intercepts.length + " intercepts but " + coefficients.length + " coefficient rows");
        }
        intercepts = intercepts.clone();
        coefficients = copy(coefficients);
    }

    static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int k = 0; k < a.length; k++) out[k] = a[k].clone();
        return out;
    }

    @Override
    public double[] intercepts() { return intercepts.clone(); }

    @Override
    public double[][] coefficients() { return copy(coefficients); }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinearCoefficients c && java.util.Arrays.equals(c.intercepts, intercepts)
                && java.util.Arrays.deepEquals(c.coefficients, coefficients);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(intercepts) * 31 + java.util.Arrays.deepHashCode(coefficients);
    }

    @Override
    public String toString() {
        return "LinearCoefficients[K=" + intercepts.length + "]";
    }
}
