package certus.smtl;

/**
 * F split into its terms, each already carrying its weight and its factor 1/2.
 *
 * @param loss  sum_k 1/(2 n_k) ||y_k - b_k - X_k beta_k||^2
 * @param ridge (ridge/2) sum_k ||beta_k||^2
 * @param bbar  (bbar/2) sum_k ||beta_k - betabar||^2
 * @param zbar  (zbar/2) sum_k ||z_k - zbar_vec||^2
 */
public record ObjectiveValue(double loss, double ridge, double bbar, double zbar) {
    public double total() {
        return loss + ridge + bbar + zbar;
    }
}
