package certus.formulations.oa;

import certus.smtl.SmtlSolution;

/**
 * The exact inner problem of outer approximation solved at one binary point Z0 (exact.md §4.1): the optimal
 * (b, B) for that support, the value c(Z0) = loss + ridge + Bbar (no Zbar), its split per task, and the
 * "dual" quantities w_kj from which every cut slope is formed.
 *
 * @param point       the binary support Z0 (K x p), as evaluated
 * @param solution    the exact refit on Z0 (carries Z0 as its supports)
 * @param value       c(Z0) = ObjectiveEvaluator's loss + ridge + bbar terms of {@code solution}
 * @param taskValues  per-task loss + ridge (sums to {@code value} when bbar = 0 or K = 1; informative otherwise)
 * @param zbarTerm    the Zbar term of F at Z0 (handled exactly by the master, not by cuts)
 * @param objective   F(Z0) = value + zbarTerm, i.e. ObjectiveEvaluator.value(problem, solution)
 * @param w           w_kj = (1/n_k) xc_kj^T r_k - bbar (beta_kj - betabar_j) = minus the gradient of L + Bbar
 * @param maxAbsBeta  largest |beta_kj| of the refit (decides whether a big-M was binding)
 * @param split       what the per-task etas bound at Z0, or null when they are not used (coupled Bbar with ridge = 0)
 */
public record InnerPoint(boolean[][] point, SmtlSolution solution, double value, double[] taskValues, double zbarTerm,
                         double objective, double[][] w, double maxAbsBeta, TaskSplit split) {

    /**
     * The per-task functions c_k(z_k) that per-task etas under-estimate, with their cut gradients w_kj.
     *
     * <p>Without coupling (bbar = 0 or K = 1) c = sum_k c_k exactly and these are {@code taskValues} and {@code w}.
     * With Bbar coupling c is not separable, but dropping the Bbar term (which is &gt;= 0) gives the separable lower
     * bound c(Z) &gt;= sum_k c0_k(z_k), c0_k = the task's own ridge problem. Its perspective cuts on per-task etas, tied by
     * eta &gt;= sum_k eta_k, add the disaggregated strength that a single aggregated cut lacks (a sum of per-task
     * maxima instead of one maximum of sums). Derived here, not in exact.md: a reconstruction-level improvement.
     *
     * @param values c_k(z0_k) per task
     * @param w      K x p gradient quantities of the per-task functions (same meaning as InnerPoint.w)
     * @param exact  true when sum_k values equals c (no coupling), false when it is only a lower bound
     */
    public record TaskSplit(double[] values, double[][] w, boolean exact) {}

    public int taskCount() {
        return point.length;
    }

    public int featureCount() {
        return point.length == 0 ? 0 : point[0].length;
    }
}
