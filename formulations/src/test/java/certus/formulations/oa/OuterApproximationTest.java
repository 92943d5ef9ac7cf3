package certus.formulations.oa;

import certus.formulations.ZbarLinearization;

import certus.formulations.ExactMethod;
import certus.formulations.ExactOptions;
import certus.formulations.ExactResult;
import certus.formulations.MKind;
import certus.smtl.BruteForceEnumerator;
import certus.smtl.ObjectiveEvaluator;
import certus.smtl.RandomInstances;
import certus.smtl.SmtlProblem;
import certus.smtl.SmtlSolution;
import certus.smtl.SupportRefitter;
import certus.smtl.Variant;
import certus.solver.Backends;
import certus.solver.CancellationToken;
import certus.solver.SolveListener;
import certus.solver.SolveParameters;
import certus.solver.Termination;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OA end to end on the test-only enumerating master backend, against brute-force enumeration. */
class OuterApproximationTest {
    /**
     * The enumerating fake master solves rows with one continuous variable only, so the coupled eta split (tie row
     * eta &gt;= sum_k eta_k) is off here; the real MILP backends cover it in ExactVsEnumerationTest and OaRealBackendTest.
     */
    private static final OaSettings ENUMERABLE = OaSettings.defaults().withSplitCoupled(false);

    static final int SEEDS_PER_VARIANT = 11;

    static ExactOptions options(double gap, int maxRounds) {
        return new ExactOptions(ExactMethod.OA, "enumerate", SolveParameters.defaults().withRelativeGap(gap), maxRounds);
    }

    static ExactResult run(SmtlProblem problem, SmtlSolution warm, ExactOptions options, OaSettings settings) {
        return new OuterApproximation(settings.withSplitCoupled(false)).solve(problem, warm, options, Backends.of(List.of(new EnumeratingMasterBackend())),
                SolveListener.NONE, CancellationToken.none());
    }

    static void assertMatchesEnumeration(SmtlProblem problem, ExactResult r, BruteForceEnumerator.Optimum opt) {
        String where = problem.toString();
        assertEquals(Termination.Reason.OPTIMAL, r.termination().reason(), () -> where + " " + r.termination());
        assertEquals(opt.objective(), r.objective(), 1e-6 * Math.max(1, Math.abs(opt.objective())), where);
        assertTrue(r.bound() <= opt.objective() + 1e-9, () -> "bound " + r.bound() + " above optimum " + opt.objective());
        assertTrue(r.gap() <= 1e-6, () -> "gap " + r.gap());
        assertEquals(ObjectiveEvaluator.value(problem, r.solution()), r.objective(), 0.0);
        assertTrue(ObjectiveEvaluator.isFeasible(problem, r.solution()), () -> ObjectiveEvaluator.violations(problem, r.solution()).toString());
    }

    @Test
    void everyVariantMatchesBruteForceEnumeration() {
        int instances = 0;
        long totalRounds = 0;
        int maxRounds = 0;
        long totalCuts = 0;
        List<String> lines = new ArrayList<>();
        for (Variant v : Variant.values()) {
            long t0 = System.nanoTime();
            int vr = 0;
            for (long seed = 1; seed <= SEEDS_PER_VARIANT; seed++) {
                SmtlProblem problem = RandomInstances.small(v, seed);
                BruteForceEnumerator.Optimum opt = BruteForceEnumerator.solve(problem);
                ExactResult r = run(problem, null, options(1e-10, 5000), OaSettings.defaults());
                assertMatchesEnumeration(problem, r, opt);
                assertEquals(MKind.NONE, r.mKind());
                assertTrue(r.provenOptimal(1e-6));
                instances++;
                totalRounds += r.rounds();
                vr += r.rounds();
                maxRounds = Math.max(maxRounds, r.rounds());
                totalCuts += r.cuts();
            }
            lines.add(String.format(Locale.ROOT, "%-9s %d instances, %d master solves, %.2f s", v.displayName(), SEEDS_PER_VARIANT, vr,
                    (System.nanoTime() - t0) / 1e9));
        }
        System.out.println("OA vs enumeration: " + instances + " instances, mean rounds " + (double) totalRounds / instances
                + ", max rounds " + maxRounds + ", mean cuts " + (double) totalCuts / instances);
        lines.forEach(System.out::println);
        assertTrue(instances >= 60);
    }

    @Test
    void countFormOfZbarGivesTheSameOptima() {
        for (Variant v : new Variant[]{Variant.ZBAR_L2, Variant.ZBAR_BBAR}) {
            for (long seed = 1; seed <= 4; seed++) {
                SmtlProblem problem = RandomInstances.small(v, seed);
                BruteForceEnumerator.Optimum opt = BruteForceEnumerator.solve(problem);
                ExactResult r = run(problem, null, options(1e-10, 5000), OaSettings.defaults().withZbarForm(ZbarLinearization.Form.COUNT));
                assertMatchesEnumeration(problem, r, opt);
            }
        }
    }

    @Test
    void warmStartNeverWorsensTheUpperBound() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (Variant v : Variant.values()) {
            for (long seed = 20; seed < 23; seed++) {
                SmtlProblem problem = RandomInstances.small(v, seed);
                SmtlSolution warm = randomFeasible(problem, rnd);
                double heuristic = ObjectiveEvaluator.value(problem, warm);
                ExactResult r = run(problem, warm, options(1e-10, 40), OaSettings.defaults());
                assertTrue(r.objective() <= heuristic + 1e-12, () -> r.objective() + " > warm " + heuristic);
                assertTrue(r.bound() <= r.objective());
                // even with one round only
                ExactResult one = run(problem, warm, options(1e-10, 1), OaSettings.defaults().withNeighbourCuts(0));
                assertTrue(one.objective() <= heuristic + 1e-12);
                // and from the optimum itself: the UB stays at the optimum
                BruteForceEnumerator.Optimum opt = BruteForceEnumerator.solve(problem);
                ExactResult fromOpt = run(problem, opt.solution(), options(1e-10, 40), OaSettings.defaults());
                assertEquals(opt.objective(), fromOpt.objective(), 1e-9 * Math.max(1, opt.objective()));
                assertTrue(fromOpt.bound() <= opt.objective() + 1e-9);
            }
        }
    }

    @Test
    void roundAndTimeLimitsEndFeasibleWithAValidBound() {
        SmtlProblem problem = null;
        ExactResult full = null;
        for (long seed = 1; seed < 40 && problem == null; seed++) {
            SmtlProblem candidate = RandomInstances.small(Variant.ZBAR_L2, seed);
            ExactResult r = run(candidate, null, options(1e-10, 5000), OaSettings.defaults().withNeighbourCuts(0));
            if (r.rounds() >= 3) {
                problem = candidate;
                full = r;
            }
        }
        assertTrue(problem != null, "no instance needing 3 rounds");
        double optimum = BruteForceEnumerator.solve(problem).objective();
        assertEquals(optimum, full.objective(), 1e-6 * Math.max(1, optimum));

        ExactResult one = run(problem, null, options(1e-10, 1), OaSettings.defaults().withNeighbourCuts(0));
        assertEquals(Termination.Reason.FEASIBLE, one.termination().reason());
        assertEquals(Termination.Limit.ITERATION, one.termination().limit());
        assertEquals(1, one.rounds());
        assertTrue(one.bound() <= one.objective());
        assertTrue(one.bound() <= optimum + 1e-9);
        assertFalse(one.provenOptimal(1e-4));

        ExactOptions tiny = new ExactOptions(ExactMethod.OA, "enumerate",
                SolveParameters.defaults().withRelativeGap(1e-10).withTimeLimitSeconds(1e-9), 200);
        ExactResult timed = run(problem, null, tiny, OaSettings.defaults());
        assertEquals(Termination.Reason.FEASIBLE, timed.termination().reason());
        assertEquals(Termination.Limit.TIME, timed.termination().limit());
        assertTrue(timed.bound() <= timed.objective());
        assertNotEquals(Termination.Reason.OPTIMAL, timed.termination().reason());

        CancellationToken cancelled = new CancellationToken();
        cancelled.cancel();
        ExactResult interrupted = new OuterApproximation(ENUMERABLE).solve(problem, null, options(1e-10, 5000),
                Backends.of(List.of(new EnumeratingMasterBackend())), SolveListener.NONE, cancelled);
        assertEquals(Termination.Limit.INTERRUPTED, interrupted.termination().limit());
        assertEquals(Termination.Reason.FEASIBLE, interrupted.termination().reason());
    }

    @Test
    void progressReportsBoundsThatNeverCross() {
        SmtlProblem problem = RandomInstances.small(Variant.BBAR, 5);
        List<SolveListener.SolveProgress> events = new ArrayList<>();
        SolveListener l = new SolveListener() {
            @Override
            public void onProgress(SolveProgress e) {
                events.add(e);
            }
        };
        ExactResult r = new OuterApproximation(ENUMERABLE).solve(problem, null, options(1e-10, 5000), Backends.of(List.of(new EnumeratingMasterBackend())),
                l, CancellationToken.none());
        assertEquals(r.rounds() + 1, events.size());
        double lastBound = Double.NEGATIVE_INFINITY;
        double lastInc = Double.POSITIVE_INFINITY;
        for (SolveListener.SolveProgress e : events) {
            assertTrue(e.bound() <= e.incumbent());
            assertTrue(e.bound() >= lastBound && e.incumbent() <= lastInc);
            lastBound = e.bound();
            lastInc = e.incumbent();
        }
    }

    @Test
    void zeroRidgeUsesBigMCutsAndIsOnlyConditionallyOptimal() {
        int checked = 0;
        for (Variant v : new Variant[]{Variant.L0L2, Variant.BBAR, Variant.CS_L2, Variant.ZBAR_L2}) {
            for (long seed = 1; seed <= 3; seed++) {
                SmtlProblem base = RandomInstances.small(v, seed);
                SmtlProblem problem = base.with(base.s(), 0.0, base.bbar(), base.zbar(), base.commonSupport());
                BruteForceEnumerator.Optimum opt = BruteForceEnumerator.solve(problem);
                ExactResult r = run(problem, opt.solution(), options(1e-10, 5000), OaSettings.defaults());
                assertEquals(MKind.CHECKED, r.mKind());
                assertTrue(r.optimalityConditional());
                assertFalse(r.provenOptimal(1e-6));
                assertTrue(r.mValue() > 0);
                assertEquals(opt.objective(), r.objective(), 1e-6 * Math.max(1, opt.objective()));
                assertTrue(r.bound() <= r.objective());
                checked++;
            }
        }
        assertEquals(12, checked);
    }

    /** A random feasible point: random supports within the constraints, exactly refitted. */
    static SmtlSolution randomFeasible(SmtlProblem problem, SplittableRandom rnd) {
        int kCount = problem.taskCount();
        int p = problem.featureCount();
        boolean[][] z = new boolean[kCount][p];
        for (int k = 0; k < kCount; k++) {
            if (problem.commonSupport() && k > 0) {
                z[k] = z[0].clone();
                continue;
            }
            int size = 1 + rnd.nextInt(problem.s());
            for (int c = 0; c < size; c++) {
                int j = rnd.nextInt(p);
                if (problem.selectable(k, j)) z[k][j] = true;
            }
        }
        return SupportRefitter.refit(problem, z);
    }
}
