package certus.benchmarks;

import certus.data.MultiTaskData;
import certus.estimators.glm.Family;
import certus.estimators.tenmtl.MultiTaskLinearModel;
import certus.estimators.tenmtl.TenMtl;
import certus.estimators.tenmtl.TenMtlSelection;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Tuning of a linear baseline for the case studies: every candidate (one hyperparameter setting) is fitted on each
 * task's first rows of {@code train} and scored on its held-out last {@code holdout} share (RMSE or log-loss, mean over
 * tasks); the best is refitted on all of {@code train}. Fits see pooled-standardized features and are reported on the
 * raw scale.
 */
public final class HoldoutTuning {
    private HoldoutTuning() {}

    public static MultiTaskLinearModel best(MultiTaskData train, Family family, double holdout,
                                            List<Function<MultiTaskData, MultiTaskLinearModel>> candidates) {
        MultiTaskData[] inner = TenMtlSelection.split(train, holdout);
        TenMtl.Scaling innerScale = TenMtl.Scaling.of(inner[0]);
        double best = Double.POSITIVE_INFINITY;
        Function<MultiTaskData, MultiTaskLinearModel> chosen = candidates.get(0);
        for (Function<MultiTaskData, MultiTaskLinearModel> c : candidates) {
            double s = Arrays.stream(TenMtlSelection.scores(innerScale.toRaw(c.apply(innerScale.apply(inner[0]))), inner[1], family)).average()
                    .orElseThrow();
            if (s < best) {
                best = s;
                chosen = c;
            }
        }
        TenMtl.Scaling scale = TenMtl.Scaling.of(train);
        return scale.toRaw(chosen.apply(scale.apply(train)));
    }
}
