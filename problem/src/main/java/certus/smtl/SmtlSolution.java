package certus.smtl;

import java.util.Arrays;

/**
 * A point (b, B, z) of the sMTL problem. The support z is explicit, not derived from B: z_kj = 1 with
 * beta_kj = 0 is a legal point (it can lower the Zbar penalty), and solvers report the z they optimized.
 * Immutable: arrays are copied in and out.
 *
 * @param intercepts   b_k, length K
 * @param coefficients beta_kj, K x p
 * @param supports     z_kj, K x p
 */
public record SmtlSolution(double[] intercepts, double[][] coefficients, boolean[][] supports) {
    public SmtlSolution {
        int k = intercepts.length;
        if (coefficients.length != k || supports.length != k) {
            throw new IllegalArgumentException("expected " + k + " tasks in intercepts, coefficients and supports");
        }
        int p = k == 0 ? 0 : coefficients[0].length;
        intercepts = intercepts.clone();
        coefficients = deepCopy(coefficients, p);
        boolean[][] z = new boolean[k][];
        for (int t = 0; t < k; t++) {
            if (supports[t].length != p) throw new IllegalArgumentException("task " + t + " support has length " + supports[t].length + ", expected " + p);
            z[t] = supports[t].clone();
        }
        supports = z;
    }

    private static double[][] deepCopy(double[][] a, int p) {
        double[][] out = new double[a.length][];
        for (int t = 0; t < a.length; t++) {
            if (a[t].length != p) throw new IllegalArgumentException("task " + t + " has " + a[t].length + " coefficients, expected " + p);
            out[t] = a[t].clone();
        }
        return out;
    }

    /** Support z_k = 1{beta_k != 0} taken from the coefficients. */
    public static SmtlSolution fromCoefficients(double[] intercepts, double[][] coefficients) {
        boolean[][] z = new boolean[coefficients.length][];
        for (int k = 0; k < coefficients.length; k++) {
            z[k] = new boolean[coefficients[k].length];
            for (int j = 0; j < z[k].length; j++) z[k][j] = coefficients[k][j] != 0.0;
        }
        return new SmtlSolution(intercepts, coefficients, z);
    }

    @Override
    public double[] intercepts() { return intercepts.clone(); }

    @Override
    public double[][] coefficients() { return deepCopy(coefficients, featureCount()); }

    @Override
    public boolean[][] supports() {
        boolean[][] out = new boolean[supports.length][];
        for (int k = 0; k < supports.length; k++) out[k] = supports[k].clone();
        return out;
    }

    public int taskCount() { return intercepts.length; }

    public int featureCount() { return coefficients.length == 0 ? 0 : coefficients[0].length; }

    public double intercept(int k) { return intercepts[k]; }

    public double coefficient(int k, int j) { return coefficients[k][j]; }

    public boolean inSupport(int k, int j) { return supports[k][j]; }

    /** A copy of task k's coefficient vector. */
    public double[] coefficients(int k) { return coefficients[k].clone(); }

    /** Indices j with z_kj = 1, ascending. */
    public int[] supportIndices(int k) {
        return indicesOf(supports[k]);
    }

    /** Indices j with {@code support[j]} true, ascending. */
    public static int[] indicesOf(boolean[] support) {
        int c = 0;
        for (boolean b : support) if (b) c++;
        int[] idx = new int[c];
        c = 0;
        for (int j = 0; j < support.length; j++) if (support[j]) idx[c++] = j;
        return idx;
    }

    public int supportSize(int k) {
        int c = 0;
        for (boolean b : supports[k]) if (b) c++;
        return c;
    }

    /** Prediction b_k + x^T beta_k for one row of task k. */
    public double predict(int k, double[] x) {
        double v = intercepts[k];
        double[] b = coefficients[k];
        for (int j = 0; j < b.length; j++) if (b[j] != 0.0) v += b[j] * x[j];
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SmtlSolution s && Arrays.equals(s.intercepts, intercepts)
                && Arrays.deepEquals(s.coefficients, coefficients) && Arrays.deepEquals(s.supports, supports);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(intercepts) * 31 + Arrays.deepHashCode(coefficients) * 17 + Arrays.deepHashCode(supports);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SmtlSolution[");
        for (int k = 0; k < taskCount(); k++) sb.append(k == 0 ? "" : ", ").append(Arrays.toString(supportIndices(k)));
        return sb.append(']').toString();
    }
}
