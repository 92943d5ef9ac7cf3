package certus.formulations.bnb;

import certus.formulations.ExactMethod;
import certus.formulations.ExactOptions;
import certus.formulations.ExactResult;
import certus.formulations.cert.BnbProofChecker;
import certus.formulations.cert.ExpandedProofs;
import certus.smtl.BruteForceEnumerator;
import certus.smtl.ObjectiveEvaluator;
import certus.smtl.RandomInstances;
import certus.smtl.SmtlProblem;
import certus.solver.Backends;
import certus.solver.CancellationToken;
import certus.solver.SolveListener;
import certus.solver.SolveParameters;
import certus.solver.SolverBackend;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Lagrangian split of the Zbar coupling: its bound stays below the enumerated optimum for any multipliers, its
 * task subproblems are solved exactly, and the solve that relies on it certifies the enumerated optimum.
 */
class LagrangianZbarTest {
    private static final Backends BACKENDS = Backends.discover();
    private static final SolverBackend LP = BACKENDS.require("highs");

    private static SmtlProblem instance(long seed, int kCount) {
        SplittableRandom r = new SplittableRandom(seed);
        int p = 4 + r.nextInt(4);
        int s = 1 + r.nextInt(3);
        double ridge = Math.pow(10, -2 + 2 * r.nextDouble());
        double zbar = Math.pow(10, -2 + 2.5 * r.nextDouble());
        return RandomInstances.problem(kCount, p, 10 + r.nextInt(15), s, ridge, 0, zbar, false, seed);
    }

    private static LagrangianZbar split(SmtlProblem p) {
        List<TaskGram> grams = new ArrayList<>();
        boolean[][] sel = new boolean[p.taskCount()][p.featureCount()];
        for (int k = 0; k < p.taskCount(); k++) {
            grams.add(new TaskGram(p.data().task(k)));
            for (int j = 0; j < p.featureCount(); j++) sel[k][j] = p.selectable(k, j);
        }
        return new LagrangianZbar(p.data().taskLabels(), grams, p.ridge(), p.s(), p.zbar(), sel, LP, false, SolveListener.NONE,
                CancellationToken.none());
    }

    @Property(tries = 40)
    void boundIsBelowTheOptimumForAnyMultipliers(@ForAll @LongRange(min = 1, max = 100_000) long seed,
                                                 @ForAll @IntRange(min = 2, max = 4) int kCount) {
        SmtlProblem p = instance(seed, kCount);
        double optimum = BruteForceEnumerator.solve(p).objective();
        LagrangianZbar split = split(p);
        try {
            SplittableRandom r = new SplittableRandom(seed + 11);
            for (int trial = 0; trial < 3; trial++) {
                double[][] lambda = new double[kCount][p.featureCount()];
                for (double[] row : lambda) for (int j = 0; j < row.length; j++) row[j] = (2 * r.nextDouble() - 1) * p.zbar();
                double bound = split.bound(lambda, 0, 60);
                assertTrue(bound <= optimum + 1e-10 * (1 + Math.abs(optimum)), "L " + bound + " above optimum " + optimum);
            }
            assertTrue(split.bound(new double[kCount][p.featureCount()], 0, 60) <= optimum + 1e-10 * (1 + Math.abs(optimum)),
                    "lambda = 0 (L0L2 plus the column minima) is a bound");
        } finally {
            split.close();
        }
    }

    /**
     * The instance that caught the root's trivial bound 0, invalid once negative costs make the objective negative
     * (the tree closed its only node above the minimum -0.178).
     */
    @net.jqwik.api.Example
    void taskPricingWithANegativeMinimum() {
        taskPricingFindsTheEnumeratedMinimumWithLinearCosts(302);
    }

    @Property(tries = 40)
    void taskPricingFindsTheEnumeratedMinimumWithLinearCosts(@ForAll @LongRange(min = 1, max = 100_000) long seed) {
        SmtlProblem p = instance(seed, 1);
        int n = p.featureCount();
        boolean[] sel = new boolean[n];
        for (int j = 0; j < n; j++) sel[j] = p.selectable(0, j);
        TaskPricing task = new TaskPricing("task", new TaskGram(p.data().task(0)), p.ridge(), p.s(), sel);
        SplittableRandom r = new SplittableRandom(seed + 5);
        double[] costs = new double[n];
        for (int j = 0; j < n; j++) costs[j] = (2 * r.nextDouble() - 1) * 0.3;
        double minimum = Double.POSITIVE_INFINITY;
        for (int mask = 0; mask < 1 << n; mask++) {
            if (Integer.bitCount(mask) > p.s()) continue;
            int[] idx = new int[Integer.bitCount(mask)];
            boolean ok = true;
            for (int j = 0, a = 0; j < n; j++) {
                if ((mask >> j & 1) == 0) continue;
                ok &= sel[j];
                idx[a++] = j;
            }
            if (ok) minimum = Math.min(minimum, task.costed(new Support(idx), costs));
        }
        TaskPricing.Priced priced = task.price(costs, 0, 60, CancellationToken.none(), Double.NEGATIVE_INFINITY);
        double tol = 1e-10 * (1 + Math.abs(minimum));
        assertEquals(minimum, priced.value(), tol, "tree minimum");
        assertTrue(priced.lowerBound() <= minimum + tol && priced.lowerBound() >= minimum - 1e-9 * (1 + Math.abs(minimum)), "tree bound");
        assertTrue(task.improve(costs).value() >= minimum - tol, "local search never beats the minimum");
    }

    /**
     * A pricing tree stopped before its first node (a round cancelled, or no time left) has found no support: it
     * reports a valid bound and no column instead of failing (CI caught a NullPointerException here once).
     */
    @Test
    void aPricingTreeCancelledBeforeItsFirstNodeReportsNoColumn() {
        SmtlProblem p = instance(17, 1);
        int n = p.featureCount();
        boolean[] sel = new boolean[n];
        for (int j = 0; j < n; j++) sel[j] = p.selectable(0, j);
        TaskPricing task = new TaskPricing("task", new TaskGram(p.data().task(0)), p.ridge(), p.s(), sel);
        double[] costs = new double[n];
        java.util.Arrays.fill(costs, -0.1);
        CancellationToken cancelled = new CancellationToken();
        cancelled.cancel();
        TaskPricing.Priced priced = task.begin(costs, 0, 60, cancelled, Double.NEGATIVE_INFINITY, null).advance(Long.MAX_VALUE);
        assertTrue(priced.best() == null && priced.value() == Double.POSITIVE_INFINITY, "no support: " + priced);
        assertTrue(task.pool().isEmpty(), "nothing joins the pool");
        double minimum = task.price(costs, 0, 60, CancellationToken.none(), Double.NEGATIVE_INFINITY).value();
        assertTrue(priced.lowerBound() <= minimum, "the stopped tree's bound " + priced.lowerBound() + " stays below " + minimum);
    }

    /**
     * Every instance ends optimal at the enumerated optimum; where the split leaves a duality gap the joint tree
     * finishes, so the test also counts how often the split's bound alone closed the gap (it must, often).
     */
    @Test
    void theSplitCertifiesTheEnumeratedOptimum() {
        int byTheSplit = 0;
        int instances = 0;
        for (int kCount = 2; kCount <= 4; kCount++) {
            for (long seed = 1; seed <= 20; seed++) {
                SmtlProblem p = instance(7919 * seed + kCount, kCount);
                double optimum = BruteForceEnumerator.solve(p).objective();
                ExactOptions o = ExactOptions.of(ExactMethod.BNB, "none")
                        .withParameters(SolveParameters.defaults().withRelativeGap(1e-7).withTimeLimitSeconds(60));
                ExactResult r = new SupportBranchAndBound(null, ZbarSolve.Lagrangian.ALWAYS).solve(p, null, o, BACKENDS,
                        SolveListener.NONE, CancellationToken.none());
                String where = p.toString();
                assertTrue(r.provenOptimal(1e-6), where + ": " + r.termination() + " gap " + r.gap());
                assertEquals(optimum, r.objective(), 1e-9 * Math.max(1, Math.abs(optimum)), where);
                assertEquals(ObjectiveEvaluator.value(p, r.solution()), r.objective(), 0.0, where);
                assertTrue(r.bound() <= optimum * (1 + 1e-12) + 1e-12, where + ": bound " + r.bound() + " above " + optimum);
                instances++;
                if (r.termination().detail().contains("Lagrangian")) byTheSplit++;
            }
        }
        System.out.printf("lagrangian split: %d of %d instances certified by its bound alone%n", byTheSplit, instances);
        assertTrue(byTheSplit >= instances / 2, "the split closed only " + byTheSplit + " of " + instances);
    }

    /**
     * A recorded Lagrangian proof re-derives its bound in the independent checker (per-task trees with the multipliers
     * as costs, column minima recomputed), between the reported bound and the optimum; a proof with a leaf removed has
     * a hole, and multipliers changed after the fact no longer support the reported bound.
     */
    @Test
    void recordedLagrangianProofsPassTheCheckerAndTamperingIsCaught() {
        int checked = 0;
        for (long seed = 1; seed <= 30; seed++) {
            int kCount = 2 + (int) (seed % 2);
            SmtlProblem p = instance(104_729 * seed, kCount);
            double optimum = BruteForceEnumerator.solve(p).objective();
            BnbProof.Log log = new BnbProof.Log();
            ExactOptions o = ExactOptions.of(ExactMethod.BNB, "none")
                    .withParameters(SolveParameters.defaults().withRelativeGap(1e-7).withTimeLimitSeconds(60));
            ExactResult r = new SupportBranchAndBound(log, ZbarSolve.Lagrangian.ALWAYS).solve(p, null, o, BACKENDS, SolveListener.NONE,
                    CancellationToken.none());
            BnbProof proof = log.proof();
            assertTrue(proof.complete(), proof.incomplete());
            if (!proof.lagrangian()) continue; // the joint tree's bound won: its proofs are BnbProofCheckerTest's subject
            checked++;
            BnbProofChecker.Report report = BnbProofChecker.check(p, proof, r.bound());
            String where = p + " bound " + r.bound() + " optimum " + optimum;
            assertTrue(report.valid(), where + ": " + report.problems());
            assertTrue(report.derived() >= r.bound() - 1e-8 * Math.max(1, Math.abs(r.bound())), where + ": derived " + report.derived());
            assertTrue(report.derived() <= optimum + 1e-9 * Math.max(1, Math.abs(optimum)), where + ": derived " + report.derived());
            // Fixing chains (costed task trees) are checked as their expanded leaves would be.
            BnbProofChecker.Report plain = BnbProofChecker.check(p, ExpandedProofs.expanded(proof, p.featureCount(), p.s()), r.bound());
            assertTrue(plain.valid(), where + ": " + plain.problems());
            assertEquals(plain.derived(), report.derived(), 1e-12 * (1 + Math.abs(plain.derived())), where);

            TreeProof first = proof.trees().get(0);
            if (first.leaves().size() > 1) {
                List<TreeProof> holed = new ArrayList<>(proof.trees());
                holed.set(0, new TreeProof(first.tasks(), first.shared(), first.leaves().subList(1, first.leaves().size()), first.chains()));
                BnbProofChecker.Report r2 = BnbProofChecker.check(p, new BnbProof(holed, "", proof.multipliers()), r.bound());
                // Removing a leaf either leaves a hole or (a redundant leaf) keeps the bound: never a larger bound.
                assertTrue(!r2.valid() || r2.derived() <= report.derived() + 1e-12, where + ": " + r2);
            }
            double[][] skewed = proof.multipliers();
            for (double[] row : skewed) for (int j = 0; j < row.length; j++) row[j] += (j % 2 == 0 ? 1 : -1) * 10 * (1 + p.zbar());
            BnbProofChecker.Report r3 = BnbProofChecker.check(p, new BnbProof(proof.trees(), "", skewed), r.bound());
            assertTrue(!r3.valid() || r3.derived() <= optimum + 1e-9 * Math.max(1, Math.abs(optimum)), where + ": " + r3);
            assertFalse(r3.valid() && r3.derived() > report.derived() + 1e-9, "changing the multipliers cannot raise a tight bound");
        }
        System.out.printf("lagrangian proofs: %d checked%n", checked);
        assertTrue(checked >= 10, "only " + checked + " proofs were Lagrangian");
    }
}
