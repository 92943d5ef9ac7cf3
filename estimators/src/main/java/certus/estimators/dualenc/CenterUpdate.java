package certus.estimators.dualenc;

/**
 * The center step of dualencoder.md §3c: given the tasks' coefficient vectors and penalty weights, the center that
 * minimizes the coefficient penalty. For the group (non-squared) penalty that is the weighted geometric median
 * argmin_a sum_r w_r ||x_r - a||; for the squared penalty it is the weighted mean.
 *
 * <p><b>Beyond the spec [RECON, improved]:</b> before Weiszfeld runs, every input point is tested for optimality
 * (a point p is the median iff the weighted unit vectors to the other points sum to a norm at most the weight
 * sitting at p). The group penalty fuses tasks exactly to the center, so the median very often <em>is</em> one of
 * the points; plain Weiszfeld only creeps toward such a point (sublinearly) and never lands on it, which would
 * unfuse the fused tasks at the next coefficient step. The test costs O(R^2 dim), nothing at R of a few dozen.
 */
public final class CenterUpdate {
    /** How the center is chosen. */
    public enum Mode {
        /** Weighted geometric median: the minimizer for the group penalty (spec default). */
        GEOMETRIC_MEDIAN,
        /** Weighted mean: the minimizer for the squared penalty; equals the arithmetic mean for equal weights. */
        MEAN
    }

    /** Spec §3c: Weiszfeld iteration cap. */
    public static final int MAX_ITERATIONS = 50;
    /** Spec §3c: stop when an iteration moves the center by less than this (relative to 1 + its norm). */
    public static final double TOLERANCE = 1e-8;
    /**
     * A point is accepted as the median only when the pull of the others is below its weight by this relative margin.
     * At an exact tie (two points of equal weight: every point of the segment is a median) the test would otherwise
     * pick one end or the other by rounding, and a fit would jump between them under an affine change of the data;
     * ties go to Weiszfeld instead, which from the weighted-mean start stays at the midpoint.
     */
    static final double POINT_TEST_MARGIN = 1e-9;

    private CenterUpdate() {}

    /**
     * The center of {@code points} (R rows of equal length) under weights {@code weights} (>= 0). Points with weight
     * 0 do not count; when every weight is 0 the penalty does not depend on the center and the arithmetic mean is
     * returned (a defined, deterministic choice). Not modified: the arguments. Returns a new array.
     */
    public static double[] center(double[][] points, double[] weights, Mode mode) {
        return center(points, weights, mode, MAX_ITERATIONS, TOLERANCE);
    }

    /** As {@link #center(double[][], double[], Mode)} with an explicit Weiszfeld iteration cap and tolerance. */
    public static double[] center(double[][] points, double[] weights, Mode mode, int maxIterations, double tolerance) {
        if (points.length == 0) throw new IllegalArgumentException("no points");
        if (weights.length != points.length) {
            throw new IllegalArgumentException(points.length + " points but " + weights.length + " weights");
        }
        int dim = points[0].length;
        double total = 0;
        for (int r = 0; r < points.length; r++) {
            if (points[r].length != dim) throw new IllegalArgumentException("point " + r + " has length " + points[r].length + ", expected " + dim);
            if (!(weights[r] >= 0) || !Double.isFinite(weights[r])) throw new IllegalArgumentException("weight " + r + " is " + weights[r]);
            total += weights[r];
        }
        if (total == 0) return weightedMean(points, uniform(points.length));
        double[] mean = weightedMean(points, weights);
        if (mode == Mode.MEAN) return mean;
        for (int j = 0; j < points.length; j++) {
            if (weights[j] > 0 && isMedianAtPoint(points, weights, j)) return points[j].clone();
        }
        return weiszfeld(points, weights, mean, maxIterations, tolerance);
    }

    /**
     * The subgradient optimality test at p_j: ||sum over points != p_j of w_i (p_i - p_j)/||p_i - p_j||||
     * <= total weight of the points equal to p_j (with the margin {@link #POINT_TEST_MARGIN}).
     */
    static boolean isMedianAtPoint(double[][] points, double[] weights, int j) {
        double[] pull = new double[points[j].length];
        double atPoint = 0;
        for (int i = 0; i < points.length; i++) {
            double d = distance(points[i], points[j]);
            if (d == 0) {
                atPoint += weights[i];
            } else if (weights[i] > 0) {
                for (int k = 0; k < pull.length; k++) pull[k] += weights[i] * (points[i][k] - points[j][k]) / d;
            }
        }
        return GroupProx.norm(pull) <= atPoint * (1 - POINT_TEST_MARGIN);
    }

    private static double[] weiszfeld(double[][] points, double[] weights, double[] start, int maxIterations, double tolerance) {
        double[] x = start.clone();
        double[] next = new double[x.length];
        for (int it = 0; it < maxIterations; it++) {
            java.util.Arrays.fill(next, 0.0);
            double denom = 0;
            for (int i = 0; i < points.length; i++) {
                double d = distance(points[i], x);
                if (d == 0 || weights[i] == 0) continue; // spec §3c guard: a point exactly at the iterate is skipped
                double w = weights[i] / d;
                denom += w;
                for (int k = 0; k < x.length; k++) next[k] += w * points[i][k];
            }
            if (denom == 0) return x; // every weighted point coincides with x: x is the median
            double move = 0;
            for (int k = 0; k < x.length; k++) {
                next[k] /= denom;
                move += (next[k] - x[k]) * (next[k] - x[k]);
            }
            double[] t = x; x = next; next = t;
            if (Math.sqrt(move) <= tolerance * (1 + GroupProx.norm(x))) break;
        }
        return x;
    }

    private static double[] weightedMean(double[][] points, double[] weights) {
        double[] m = new double[points[0].length];
        double total = 0;
        for (int r = 0; r < points.length; r++) {
            total += weights[r];
            for (int k = 0; k < m.length; k++) m[k] += weights[r] * points[r][k];
        }
        for (int k = 0; k < m.length; k++) m[k] /= total;
        return m;
    }

    private static double[] uniform(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0);
        return w;
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) s += (a[k] - b[k]) * (a[k] - b[k]);
        return Math.sqrt(s);
    }
}
