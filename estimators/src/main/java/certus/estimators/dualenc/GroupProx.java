package certus.estimators.dualenc;

/**
 * Proximal maps of the two coefficient-to-center penalties (dualencoder.md §2-3b). The coefficient step moves
 * alpha_r - alphabar (and beta_r - betabar) by the prox of the penalty scaled with the step size, so one call here is
 * the whole nonsmooth part of a proximal-gradient iteration.
 */
public final class GroupProx {
    private GroupProx() {}

    /**
     * Group soft-thresholding GS(u, tau) = max(0, 1 - tau/||u||) u, the minimizer of 1/2||v - u||^2 + tau||v||.
     * It returns exactly 0 when ||u|| <= tau (that is what fuses a task to its center), and 0 for u = 0.
     * Not modified: u. Returns a new array.
     */
    public static double[] groupSoftThreshold(double[] u, double tau) {
        checkTau(tau);
        double norm = norm(u);
        double[] v = new double[u.length];
        if (norm <= tau) return v; // also covers u = 0 without dividing by zero
        double scale = 1.0 - tau / norm;
        for (int i = 0; i < u.length; i++) v[i] = scale * u[i];
        return v;
    }

    /**
     * Prox of the squared (ridge-to-center) penalty tau ||v||^2: argmin 1/2||v - u||^2 + tau||v||^2 = u / (1 + 2 tau).
     * The penalty is the non-squared one with the norm squared (no 1/2), so option {@code squared} changes only the
     * exponent of the objective in §2. It never returns exactly 0 for u != 0: no task is fused.
     */
    public static double[] ridgeShrink(double[] u, double tau) {
        checkTau(tau);
        double scale = 1.0 / (1.0 + 2.0 * tau);
        double[] v = new double[u.length];
        for (int i = 0; i < u.length; i++) v[i] = scale * u[i];
        return v;
    }

    /** The prox of {@link #penalty}: group soft-thresholding, or the ridge shrink when {@code squared}. */
    public static double[] prox(double[] u, double tau, boolean squared) {
        return squared ? ridgeShrink(u, tau) : groupSoftThreshold(u, tau);
    }

    /** The penalty whose prox {@link #prox} is, without its weight: ||v|| or ||v||^2. */
    public static double penalty(double[] v, boolean squared) {
        double n = norm(v);
        return squared ? n * n : n;
    }

    static double norm(double[] u) {
        double s = 0;
        for (double x : u) s += x * x;
        return Math.sqrt(s);
    }

    private static void checkTau(double tau) {
        if (!(tau >= 0) || !Double.isFinite(tau)) throw new IllegalArgumentException("tau must be finite and >= 0, got " + tau);
    }
}
