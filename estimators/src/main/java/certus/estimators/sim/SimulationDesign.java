package certus.estimators.sim;

/**
 * A simulation design after spec smtl.md §8.1/§8.3: K tasks, p AR(rho)-correlated Gaussian features, each task
 * with {@code supportSize} true nonzeros of which {@code common} are shared by all tasks and the rest are unique
 * to the task. Coefficient = a per-feature mean (magnitude uniform on [0.2, 0.5], random sign) plus a per-task
 * effect N(0, betaVar). Noise is given either as a variance or as a signal-to-noise ratio
 * Var(x^T beta_k) / sigma_k^2 (population variance, so it does not depend on the draw). Intercepts are 0 as in
 * the paper's scripts.
 *
 * @param p           features
 * @param tasks       K
 * @param n           training rows per task
 * @param testN       extra held-out rows per task (0 for none), drawn from the same model
 * @param supportSize true nonzeros per task
 * @param common      of those, shared by all tasks
 * @param rho         AR(1) correlation, Sigma_ij = rho^|i-j|, in (-1, 1)
 * @param betaVar     variance of the per-task coefficient effect (spec §8.1 uses 50; 0 = equal coefficients)
 * @param noiseVar    sigma^2, or null when {@code snr} is given
 * @param snr         signal-to-noise ratio, or null when {@code noiseVar} is given
 * @param seed        seed of every draw
 * @param poolSize    null: the common + task-specific design above. Otherwise the support-heterogeneity design of
 *                    smtl.md §8.1: every task draws its {@code supportSize} nonzeros without replacement from one
 *                    candidate pool of q = poolSize features at even-spaced indices 0, 2, 4, ... (q = supportSize:
 *                    identical supports; larger q: more heterogeneity); q = 0 means completely disjoint supports
 *                    (task k takes the k-th block of supportSize alternate indices). {@code common} must then be 0.
 */
public record SimulationDesign(int p, int tasks, int n, int testN, int supportSize, int common, double rho,
                               double betaVar, Double noiseVar, Double snr, long seed, Integer poolSize) {

    /** The common + task-specific design (no support pool). */
    public SimulationDesign(int p, int tasks, int n, int testN, int supportSize, int common, double rho, double betaVar,
                            Double noiseVar, Double snr, long seed) {
        this(p, tasks, n, testN, supportSize, common, rho, betaVar, noiseVar, snr, seed, null);
    }
    public static final double MEAN_MAGNITUDE_LOW = 0.2;
    public static final double MEAN_MAGNITUDE_HIGH = 0.5;

    public SimulationDesign {
        require(p >= 1, "p must be >= 1, got " + p);
        require(tasks >= 1, "tasks must be >= 1, got " + tasks);
        require(n >= 2, "n must be >= 2 rows per task, got " + n);
        require(testN >= 0, "test rows must be >= 0, got " + testN);
        require(supportSize >= 0 && supportSize <= p, "support size must be between 0 and p=" + p + ", got " + supportSize);
        require(common >= 0 && common <= supportSize, "common must be between 0 and the support size " + supportSize + ", got " + common);
        if (poolSize != null) {
            require(common == 0, "a support-pool design has no common block; got common = " + common);
            require(poolSize == 0 || poolSize >= supportSize, "the pool (" + poolSize + ") must hold the support size " + supportSize + ", or be 0 for disjoint supports");
            long span = 2L * (poolSize == 0 ? (long) tasks * supportSize : poolSize) - 1;
            require(span <= p, "p=" + p + " is too small for a pool of alternate indices spanning " + span + " features");
        }
        long needed = common + (long) tasks * (supportSize - common);
        require(poolSize != null || needed <= p, "p=" + p + " is too small for " + common + " common + " + tasks + " x " + (supportSize - common)
                + " task-specific features (" + needed + " needed)");
        require(rho > -1 && rho < 1, "rho must be in (-1, 1), got " + rho);
        require(Double.isFinite(betaVar) && betaVar >= 0, "beta variance must be >= 0, got " + betaVar);
        require((noiseVar == null) != (snr == null), "give exactly one of noise variance and SNR");
        require(noiseVar == null || (Double.isFinite(noiseVar) && noiseVar >= 0), "noise variance must be >= 0, got " + noiseVar);
        require(snr == null || (Double.isFinite(snr) && snr > 0), "SNR must be > 0, got " + snr);
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }
}
