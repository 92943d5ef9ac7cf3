package certus.data;

import certus.smtl.SmtlSolution;

import java.util.Objects;

/**
 * Data scaled by a {@link Standardizer}, with the per-task per-feature scales needed to map a fit back. Because
 * columns are divided but not centered, x_scaled = x_raw / scale, so beta_raw = beta_scaled / scale gives the
 * same predictions on raw data and the intercepts are unchanged. Users always receive raw-scale coefficients.
 */
public final class StandardizedData {
    private final Standardizer mode;
    private final MultiTaskData raw;
    private final MultiTaskData data;
    private final double[][] scales;
    private final boolean[][] zeroVariance;

    StandardizedData(Standardizer mode, MultiTaskData raw, MultiTaskData data, double[][] scales, boolean[][] zeroVariance) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.raw = Objects.requireNonNull(raw, "raw");
        this.data = Objects.requireNonNull(data, "data");
        this.scales = LinearCoefficients.copy(scales);
        this.zeroVariance = new boolean[zeroVariance.length][];
        for (int k = 0; k < zeroVariance.length; k++) this.zeroVariance[k] = zeroVariance[k].clone();
    }

    public Standardizer mode() { return mode; }

    /** The data before scaling. */
    public MultiTaskData raw() { return raw; }

    /** The scaled data to fit on (the same instance as {@link #raw()} for {@link Standardizer#NONE}). */
    public MultiTaskData data() { return data; }

    /** The divisor of feature j in task k (1 for NONE and for zero-variance columns). */
    public double scale(int k, int j) { return scales[k][j]; }

    /** A copy of the K x p scales. */
    public double[][] scales() { return LinearCoefficients.copy(scales); }

    /** Whether feature j was constant within task k (scale forced to 1). */
    public boolean isZeroVariance(int k, int j) { return zeroVariance[k][j]; }

    /** Number of (task, feature) columns flagged as zero-variance. */
    public int zeroVarianceCount() {
        int c = 0;
        for (boolean[] row : zeroVariance) for (boolean b : row) if (b) c++;
        return c;
    }

    /** beta_raw_kj = beta_scaled_kj / scale_kj; the input is not modified. */
    public double[][] coefficientsToRaw(double[][] scaledCoefficients) {
        return map(scaledCoefficients, true);
    }

    /** beta_scaled_kj = beta_raw_kj * scale_kj, e.g. for raw-scale warm starts; the input is not modified. */
    public double[][] coefficientsToScaled(double[][] rawCoefficients) {
        return map(rawCoefficients, false);
    }

    /** Raw-scale intercepts and coefficients of a fit on {@link #data()}. Intercepts are copied unchanged. */
    public LinearCoefficients toRaw(double[] intercepts, double[][] coefficients) {
        checkTasks(intercepts.length, "intercepts");
        return new LinearCoefficients(intercepts, coefficientsToRaw(coefficients));
    }

    /** A fit on {@link #data()} expressed on the raw scale; supports and intercepts are unchanged. */
    public SmtlSolution toRaw(SmtlSolution scaled) {
        return new SmtlSolution(scaled.intercepts(), coefficientsToRaw(scaled.coefficients()), scaled.supports());
    }

    /** A raw-scale point (e.g. a user's warm start) expressed on the scale of {@link #data()}. */
    public SmtlSolution toScaled(SmtlSolution rawPoint) {
        return new SmtlSolution(rawPoint.intercepts(), coefficientsToScaled(rawPoint.coefficients()), rawPoint.supports());
    }

    private double[][] map(double[][] beta, boolean toRaw) {
        checkTasks(beta.length, "coefficient rows");
        double[][] out = new double[beta.length][];
        for (int k = 0; k < beta.length; k++) {
            if (beta[k].length != data.featureCount()) {
                throw new IllegalArgumentException("task " + k + " has " + beta[k].length + " coefficients, expected " + data.featureCount());
            }
            out[k] = new double[beta[k].length];
            for (int j = 0; j < beta[k].length; j++) out[k][j] = toRaw ? beta[k][j] / scales[k][j] : beta[k][j] * scales[k][j];
        }
        return out;
    }

    private void checkTasks(int count, String what) {
        if (count != data.taskCount()) throw new IllegalArgumentException("expected " + data.taskCount() + " " + what + ", got " + count);
    }

    @Override
    public String toString() {
        return "StandardizedData[" + mode.cliName() + ", " + data + ", zero-variance columns " + zeroVarianceCount() + "]";
    }
}
