package certus.estimators.tenmtl;

import certus.estimators.glm.Family;

/**
 * Settings of one TenMTL fit (tenmtl.md §1-3).
 *
 * @param family       Gaussian or binomial loss
 * @param taskRank     R0: columns of the task-mode factor U0 (with {@code shared}, 1 shared + R0 - 1 distinct)
 * @param featureRank  R1: columns of the feature factor U1
 * @param lambda       Lasso weight on U1, G and the distinct task factors F0
 * @param ridgeF       small ridge on F0 (keeps the per-task subproblems strictly convex)
 * @param shared       true: TenMTL's split U0 = [1 | F0]; false: every U0 row free (the LR-Tucker baseline)
 * @param init         local estimates + HOSVD, or random
 * @param maxSweeps    alternating sweeps cap
 * @param tolerance    stop when the relative objective decrease of a sweep is below this
 * @param seed         seed of the random initialization
 * @param shape        the predictor's shape: a vector, or an order-M tensor whose row-major entries are the features;
 *                     every feature mode gets rank {@code featureRank} (capped at its dimension)
 * @param factorRidge  ridge (mu/2)(sum_m ||U_m||_F^2 + ||G||_F^2 + ||F0||_F^2) on every factor and the core [DESIGN, beyond
 *                     the spec]. Without it the Lasso terms are scale-invariant in a product (u g with lambda(|u| + |g|)
 *                     costs 2 lambda sqrt(|u g|)), a penalty that grows like the square root of the coefficients and
 *                     does not stop a separable logistic fit from diverging; a ridge on both factors adds a cost that grows
 *                     linearly (min over scalings of (mu/2)(|u|^2 + |g|^2) = mu |u g|). 0 = the spec's objective.
 */
public record TenMtlOptions(Family family, int taskRank, int featureRank, double lambda, double ridgeF, boolean shared, Init init,
                            int maxSweeps, double tolerance, long seed, PredictorShape shape, double factorRidge) {
    /** How the factors start. */
    public enum Init { LOCAL_HOSVD, RANDOM }

    public TenMtlOptions {
        if (taskRank < 1) throw new IllegalArgumentException("task rank R0 must be >= 1, got " + taskRank);
        if (featureRank < 1) throw new IllegalArgumentException("feature rank R1 must be >= 1, got " + featureRank);
        if (!(lambda >= 0) || !(ridgeF >= 0) || !(factorRidge >= 0)) {
            throw new IllegalArgumentException("lambda, ridgeF and factorRidge must be >= 0");
        }
        if (maxSweeps < 1) throw new IllegalArgumentException("maxSweeps must be >= 1, got " + maxSweeps);
        if (shape == null) shape = PredictorShape.VECTOR;
    }

    /** The ranks R1..RM of the feature modes for the given feature-mode dimensions: featureRank capped at each one. */
    public int[] featureRanks(int[] featureDims) {
        int[] r = new int[featureDims.length];
        for (int m = 0; m < r.length; m++) r[m] = Math.min(featureRank, featureDims[m]);
        return r;
    }

    /** TenMTL defaults of tenmtl.md §2-3: mu = 1e-6, 200 sweeps, relative tolerance 1e-5, local + HOSVD start. */
    public static TenMtlOptions of(Family family, int taskRank, int featureRank, double lambda) {
        return new TenMtlOptions(family, taskRank, featureRank, lambda, 1e-6, true, Init.LOCAL_HOSVD, 200, 1e-5, 1L, PredictorShape.VECTOR, 0.0);
    }

    public TenMtlOptions withShared(boolean v) {
        return new TenMtlOptions(family, taskRank, featureRank, lambda, ridgeF, v, init, maxSweeps, tolerance, seed, shape, factorRidge);
    }

    public TenMtlOptions withShape(PredictorShape v) {
        return new TenMtlOptions(family, taskRank, featureRank, lambda, ridgeF, shared, init, maxSweeps, tolerance, seed, v, factorRidge);
    }

    /** These settings at another grid point of the selection (ranks and lambda). */
    public TenMtlOptions withGridPoint(int r0, int r1, double l) {
        return new TenMtlOptions(family, r0, r1, l, ridgeF, shared, init, maxSweeps, tolerance, seed, shape, factorRidge);
    }

    public TenMtlOptions withFactorRidge(double v) {
        return new TenMtlOptions(family, taskRank, featureRank, lambda, ridgeF, shared, init, maxSweeps, tolerance, seed, shape, v);
    }

    public TenMtlOptions withInit(Init v) {
        return new TenMtlOptions(family, taskRank, featureRank, lambda, ridgeF, shared, v, maxSweeps, tolerance, seed, shape, factorRidge);
    }
}
