package certus.benchmarks.tenmtl;

import certus.benchmarks.HoldoutTuning;
import certus.data.MultiTaskData;
import certus.estimators.glm.Family;
import certus.estimators.tenmtl.Baselines;
import certus.estimators.tenmtl.MultiTaskLinearModel;
import certus.estimators.tenmtl.TenMtlOptions;
import certus.estimators.tenmtl.TenMtlSelection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * TenMTL and its baselines (Local, Global, LR-Tucker, SVD-ASO) tuned the same way on one training set, for the case
 * studies. Every method's hyperparameters are chosen inside {@code train} only (each task's last {@code holdout} share
 * held out, best mean validation score — RMSE or log-loss), then refitted on all of {@code train}; all share one Lasso
 * grid, so no method wins by a wider search. TenMTL is also reported under the CLI's 1-SE rule ("TenMTL (1-SE)"),
 * which prefers smaller ranks and heavier shrinkage. Baselines see pooled-standardized features, reported on the raw
 * scale, as TenMTL does. {@code factorRidge} is TenMTL's and LR-Tucker's ridge on the feature factors and core
 * ({@link TenMtlOptions#factorRidge}; 0 = the spec's objective).
 */
record MethodSuite(Family family, List<Integer> taskRanks, List<Integer> featureRanks, List<Double> lambdas, List<Integer> asoDims,
                   double holdout, double factorRidge) {

    Map<String, MultiTaskLinearModel> fitAll(MultiTaskData train) {
        Map<String, MultiTaskLinearModel> out = new LinkedHashMap<>();
        TenMtlOptions ten = TenMtlOptions.of(family, 1, 1, 0).withFactorRidge(factorRidge);
        List<TenMtlSelection.Row> tenRows = TenMtlSelection.validate(train, ten, taskRanks, featureRanks, lambdas, holdout, s -> { });
        out.put("TenMTL", TenMtlSelection.refit(train, ten, TenMtlSelection.choose(tenRows, TenMtlSelection.Rule.BEST)).raw());
        out.put("TenMTL (1-SE)", TenMtlSelection.refit(train, ten, TenMtlSelection.choose(tenRows, TenMtlSelection.Rule.ONE_STANDARD_ERROR)).raw());
        TenMtlOptions lr = ten.withShared(false);
        List<TenMtlSelection.Row> lrRows = TenMtlSelection.validate(train, lr, taskRanks, featureRanks, lambdas, holdout, s -> { });
        out.put("LR-Tucker", TenMtlSelection.refit(train, lr, TenMtlSelection.choose(lrRows, TenMtlSelection.Rule.BEST)).raw());
        List<Function<MultiTaskData, MultiTaskLinearModel>> local = new ArrayList<>();
        List<Function<MultiTaskData, MultiTaskLinearModel>> global = new ArrayList<>();
        for (double lambda : lambdas) {
            local.add(d -> Baselines.local(d, family, lambda, 1e-4));
            global.add(d -> Baselines.global(d, family, lambda, 0));
        }
        List<Function<MultiTaskData, MultiTaskLinearModel>> aso = new ArrayList<>();
        for (int h : asoDims) for (double ridge : new double[]{0.1, 1.0}) aso.add(d -> Baselines.svdAso(d, family, h, ridge, 5));
        out.put("Local", tuned(train, local));
        out.put("Global", tuned(train, global));
        out.put("SVD-ASO", tuned(train, aso));
        return out;
    }

    private MultiTaskLinearModel tuned(MultiTaskData train, List<Function<MultiTaskData, MultiTaskLinearModel>> candidates) {
        return HoldoutTuning.best(train, family, holdout, candidates);
    }
}
