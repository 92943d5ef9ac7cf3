package certus.estimators.tenmtl;

import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.estimators.glm.Family;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 5, point 1 (first part): on data from a known low-rank Tucker model (tenmtl.md §6's reconstruction, scaled
 * down: N = 20 individuals in 2 clusters, p = 20, R1 = 2, u0_i = [1, f_i]), TenMTL with the true ranks and a fixed small
 * Lasso recovers the coefficients better than Local and Global even when those are tuned with an oracle (the Lasso
 * weight minimizing their true coefficient error), and its error falls as n_i grows. Over several seeds.
 */
class TenMtlRecoveryTest {
    static final int N = 20;
    static final int P = 20;

    static TenMtlSimulator.Synthetic simulate(long seed, int rows, Family family) {
        return TenMtlSimulator.simulate(seed, N, P, rows, 0, family);
    }

    /** The oracle-tuned baseline: the Lasso weight on a grid with the smallest true coefficient error. */
    static double oracle(TenMtlSimulator.Synthetic s, boolean local) {
        double best = Double.POSITIVE_INFINITY;
        for (double lambda : new double[]{0, 0.003, 0.01, 0.03, 0.1, 0.3}) {
            MultiTaskLinearModel m = local ? Baselines.local(s.train(), Family.GAUSSIAN, lambda, 1e-6)
                    : Baselines.global(s.train(), Family.GAUSSIAN, lambda, 0);
            best = Math.min(best, s.relativeError(m));
        }
        return best;
    }

    /**
     * tenmtl.md §6: three scenarios of increasing heterogeneity (betaU = 0.1, 0.5, 1) at n_i = 30, TenMTL with its ranks
     * and lambda chosen by the CLI's validation (1-SE rule on a within-task holdout: no oracle), Local and Global tuned
     * by the oracle. With ranks fixed at R0 = 2 and lambda 1e-3, TenMTL overfits the nearly-alike individuals of
     * betaU = 0.1 (error 3.6 on seed 1: per-task scales along a learned direction fit noise), which the selection
     * avoids by choosing R0 = 1. Measured errors are printed; asserted: TenMTL beats oracle Local in every scenario and
     * oracle Global where the individuals differ (betaU >= 0.5); at betaU = 0.1, where one coefficient vector is nearly
     * right and Global gets it with an oracle lambda, TenMTL is within 0.05 of it.
     */
    @Test
    void heterogeneityScenarios() {
        for (double betaU : new double[]{0.1, 0.5, 1.0}) {
            for (long seed = 1; seed <= 3; seed++) {
                TenMtlSimulator.Synthetic s = TenMtlSimulator.simulate(seed, N, P, 30, 0, Family.GAUSSIAN, betaU);
                TenMtl.Result fit = TenMtlSelection.select(s.train(), Family.GAUSSIAN, List.of(1, 2), List.of(2), List.of(0.1, 0.01, 0.001), 0.3,
                        line -> { }).result();
                double ten = s.relativeError(fit.raw());
                double local = oracle(s, true);
                double global = oracle(s, false);
                System.out.printf("betaU %.1f seed %d: TenMTL (validated, R0=%d) %.3f, Local (oracle) %.3f, Global (oracle) %.3f%n", betaU, seed,
                        fit.options().taskRank(), ten, local, global);
                assertTrue(ten < local, "betaU " + betaU + " seed " + seed + ": TenMTL " + ten + " vs Local " + local);
                if (betaU >= 0.5) assertTrue(ten < global, "betaU " + betaU + " seed " + seed + ": TenMTL " + ten + " vs Global " + global);
                else assertTrue(ten < global + 0.05, "betaU " + betaU + " seed " + seed + ": TenMTL " + ten + " vs Global " + global);
            }
        }
    }

    @Test
    void tenMtlBeatsOracleTunedLocalAndGlobalAndImprovesWithN() {
        for (long seed = 1; seed <= 3; seed++) {
            double previous = Double.POSITIVE_INFINITY;
            for (int rows : new int[]{15, 60}) {
                TenMtlSimulator.Synthetic s = simulate(seed, rows, Family.GAUSSIAN);
                TenMtlModel m = TenMtlFitter.fit(s.train(), TenMtlOptions.of(Family.GAUSSIAN, 2, 2, 1e-3));
                double ten = s.relativeError(MultiTaskLinearModel.of(m));
                double local = oracle(s, true);
                double global = oracle(s, false);
                System.out.printf("seed %d n_i %d: relative coefficient error TenMTL %.3f, Local (oracle) %.3f, Global (oracle) %.3f, sweeps %d%n",
                        seed, rows, ten, local, global, m.objective().size() - 1);
                assertTrue(ten < local, "seed " + seed + " n " + rows + ": TenMTL " + ten + " vs Local " + local);
                assertTrue(ten < global, "seed " + seed + " n " + rows + ": TenMTL " + ten + " vs Global " + global);
                assertTrue(ten < previous, "seed " + seed + ": error should fall with n (" + previous + " -> " + ten + ")");
                previous = ten;
                List<Double> obj = m.objective();
                for (int k = 1; k < obj.size(); k++) assertTrue(obj.get(k) <= obj.get(k - 1), "objective rose at sweep " + k);
            }
        }
    }

    @Test
    void logisticTenMtlBeatsOracleTunedLocal() {
        for (long seed = 1; seed <= 2; seed++) {
            TenMtlSimulator.Synthetic s = simulate(seed, 80, Family.BINOMIAL);
            TenMtlModel m = TenMtlFitter.fit(s.train(), TenMtlOptions.of(Family.BINOMIAL, 2, 2, 1e-3));
            double ten = s.relativeError(MultiTaskLinearModel.of(m));
            double local = Double.POSITIVE_INFINITY;
            for (double lambda : new double[]{0.003, 0.01, 0.03, 0.1}) {
                local = Math.min(local, s.relativeError(Baselines.local(s.train(), Family.BINOMIAL, lambda, 1e-3)));
            }
            System.out.printf("logistic seed %d: relative coefficient error TenMTL %.3f, Local (oracle) %.3f%n", seed, ten, local);
            assertTrue(ten < local, "seed " + seed + ": TenMTL " + ten + " vs Local " + local);
            List<Double> obj = m.objective();
            for (int k = 1; k < obj.size(); k++) assertTrue(obj.get(k) <= obj.get(k - 1), "objective rose at sweep " + k);
        }
    }

    @Test
    void svdAsoAndLrTuckerBorrowStrengthWhereLocalCannot() {
        for (long seed = 1; seed <= 3; seed++) {
            TenMtlSimulator.Synthetic s = simulate(seed, 15, Family.GAUSSIAN);
            double aso = s.relativeError(Baselines.svdAso(s.train(), Family.GAUSSIAN, 2, 0.05, 10));
            double lr = s.relativeError(MultiTaskLinearModel.of(TenMtlFitter.fit(s.train(),
                    TenMtlOptions.of(Family.GAUSSIAN, 2, 2, 1e-3).withShared(false))));
            double local = oracle(s, true);
            System.out.printf("seed %d n_i 15: SVD-ASO(h=2) %.3f, LR-Tucker %.3f, Local (oracle) %.3f%n", seed, aso, lr, local);
            assertTrue(aso < local, "seed " + seed + ": SVD-ASO " + aso + " vs Local " + local);
            assertTrue(lr < local, "seed " + seed + ": LR-Tucker " + lr + " vs Local " + local);
        }
    }

    /** tenmtl.md §7.7: permuting the individuals permutes their coefficients and nothing else. */
    @Test
    void permutingIndividualsPermutesTheirCoefficients() {
        TenMtlSimulator.Synthetic s = simulate(4, 25, Family.GAUSSIAN);
        List<TaskData> reversed = new ArrayList<>(s.train().tasks());
        java.util.Collections.reverse(reversed);
        MultiTaskData permuted = new MultiTaskData(s.train().featureNames(), reversed);
        TenMtl.Result a = TenMtl.fit(s.train(), TenMtlOptions.of(Family.GAUSSIAN, 2, 2, 1e-3));
        TenMtl.Result b = TenMtl.fit(permuted, TenMtlOptions.of(Family.GAUSSIAN, 2, 2, 1e-3));
        double[] x = new double[P];
        java.util.Arrays.fill(x, 0.3);
        for (int i = 0; i < N; i++) {
            String task = "s" + i;
            double pa = a.predict(task, x);
            double pb = b.predict(task, x);
            assertTrue(Math.abs(pa - pb) <= 1e-6 * (1 + Math.abs(pa)), task + ": " + pa + " vs " + pb);
        }
    }
}
