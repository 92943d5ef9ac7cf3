package certus.estimators.glm;

/**
 * The GLM families of TenMTL (tenmtl.md §2): the per-observation loss as a function of the linear predictor eta, and
 * what a quadratic (IRLS) model of it needs.
 */
public enum Family {
    /** l = (y - eta)^2 / 2. */
    GAUSSIAN {
        @Override
        public double loss(double y, double eta) {
            double r = y - eta;
            return 0.5 * r * r;
        }

        @Override
        public double mean(double eta) {
            return eta;
        }

        @Override
        public double curvature(double eta) {
            return 1.0;
        }

        @Override
        public void checkResponse(double y, int row) {
            if (!Double.isFinite(y)) throw new IllegalArgumentException("row " + row + ": response " + y + " is not a finite number");
        }
    },
    /** l = log(1 + e^eta) - y eta, y in {0, 1}. */
    BINOMIAL {
        @Override
        public double loss(double y, double eta) {
            // log(1 + e^eta) without overflow
            double softplus = eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
            return softplus - y * eta;
        }

        @Override
        public double mean(double eta) {
            return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
        }

        @Override
        public double curvature(double eta) {
            double p = mean(eta);
            return Math.max(p * (1 - p), MIN_CURVATURE);
        }

        @Override
        public void checkResponse(double y, int row) {
            if (y != 0 && y != 1) throw new IllegalArgumentException("row " + row + ": a binomial response must be 0 or 1, got " + y);
        }
    };

    /** Floor on the logistic curvature p(1 - p): keeps IRLS weights positive when predictions saturate. */
    static final double MIN_CURVATURE = 1e-5;

    public abstract double loss(double y, double eta);

    /** E[y | eta]; the loss gradient in eta is mean(eta) - y for both families. */
    public abstract double mean(double eta);

    /** Second derivative of the loss in eta (floored for the logistic). */
    public abstract double curvature(double eta);

    /** Throws with the row number when y is not a valid response of this family. */
    public abstract void checkResponse(double y, int row);

    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
