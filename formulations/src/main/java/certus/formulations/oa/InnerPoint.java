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
 */
public record InnerPoint(boolean[][] point, SmtlSolution solution, double value, double[] taskValues, double zbarTerm,
                         double objective, double[][] w, double maxAbsBeta) {

    public int taskCount() {
        return point.length;
    }

    public int featureCount() {
        return point.length == 0 ? 0 : point[0].length;
    }
}
