package certus.formulations.oa;

import certus.formulations.ZbarLinearization;

/**
 * OA-specific knobs that {@link certus.formulations.ExactOptions} does not carry.
 *
 * @param neighbourCuts  how many single-swap / add-one neighbours of the warm start get an initial cut (exact.md
 *                       §4.4 step 2 suggests up to 10); they are also tried as incumbents
 * @param zbarForm       Zbar linearization, or null for {@link ZbarLinearization#defaultForm}
 * @param bigM           M of the big-M cuts used when ridge = 0 (NaN: heuristic, 1.5 x the largest |beta| seen)
 * @param bigMProven     whether {@code bigM} is a proven bound on every optimal |beta_kj| (then results are
 *                       unconditional: MKind.PROVEN); ignored for a heuristic M
 * @param splitCoupled   under Bbar coupling with ridge &gt; 0, add per-task etas with the cuts of the Bbar-free task
 *                       problems beside the aggregated cut ({@link InnerPoint.TaskSplit}); off only for ablations and
 *                       for masters that cannot hold the tie row eta &gt;= sum_k eta_k
 */
public record OaSettings(int neighbourCuts, ZbarLinearization.Form zbarForm, double bigM, boolean bigMProven, boolean splitCoupled) {
    /** Multiplier of the heuristic M over the largest coefficient seen (the sMTL simulations use 1.5). */
    public static final double HEURISTIC_M_FACTOR = 1.5;

    public OaSettings {
        if (neighbourCuts < 0) throw new IllegalArgumentException("neighbourCuts must be >= 0, got " + neighbourCuts);
        if (!Double.isNaN(bigM) && !(bigM > 0 && Double.isFinite(bigM))) {
            throw new IllegalArgumentException("bigM must be NaN (heuristic) or finite and > 0, got " + bigM);
        }
    }

    public static OaSettings defaults() {
        return new OaSettings(10, null, Double.NaN, false, true);
    }

    public OaSettings withZbarForm(ZbarLinearization.Form form) {
        return new OaSettings(neighbourCuts, form, bigM, bigMProven, splitCoupled);
    }

    public OaSettings withNeighbourCuts(int n) {
        return new OaSettings(n, zbarForm, bigM, bigMProven, splitCoupled);
    }

    public OaSettings withBigM(double m, boolean proven) {
        return new OaSettings(neighbourCuts, zbarForm, m, proven, splitCoupled);
    }

    public OaSettings withSplitCoupled(boolean split) {
        return new OaSettings(neighbourCuts, zbarForm, bigM, bigMProven, split);
    }
}
