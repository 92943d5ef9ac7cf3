package certus.estimators.dualenc;

/**
 * The coefficient block of the fit, mutated in place by the coefficient and center steps: per task the intercept c_r,
 * alpha_r (q) and beta_r (p), and the two centers. Package-private working state; {@link DualEncoderModel} is the
 * immutable result.
 */
final class Coefficients {
    final double[] intercept;
    final double[][] alpha;
    final double[][] beta;
    double[] alphaBar;
    double[] betaBar;

    Coefficients(int tasks, int q, int p) {
        intercept = new double[tasks];
        alpha = new double[tasks][q];
        beta = new double[tasks][p];
        alphaBar = new double[q];
        betaBar = new double[p];
    }

    int tasks() { return intercept.length; }

    int q() { return alphaBar.length; }

    int p() { return betaBar.length; }

    /** Predictions c_r + H alpha_r + Z beta_r for latents H (n x q) and Z (n x p) of task r. */
    double[] predict(int r, certus.tensor.DenseMatrix h, certus.tensor.DenseMatrix z) {
        double[] f = new double[h.rows()];
        java.util.Arrays.fill(f, intercept[r]);
        for (int k = 0; k < q(); k++) h.addScaledColumnInto(k, alpha[r][k], f);
        for (int k = 0; k < p(); k++) z.addScaledColumnInto(k, beta[r][k], f);
        return f;
    }

    Coefficients copy() {
        Coefficients c = new Coefficients(tasks(), q(), p());
        System.arraycopy(intercept, 0, c.intercept, 0, intercept.length);
        for (int r = 0; r < tasks(); r++) {
            c.alpha[r] = alpha[r].clone();
            c.beta[r] = beta[r].clone();
        }
        c.alphaBar = alphaBar.clone();
        c.betaBar = betaBar.clone();
        return c;
    }
}
