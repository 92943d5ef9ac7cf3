package certus.formulations.bnb;

import certus.formulations.ExactMethod;
import certus.formulations.ExactOptions;
import certus.formulations.ExactResult;
import certus.formulations.cert.BnbProofChecker;
import certus.smtl.BruteForceEnumerator;
import certus.smtl.ObjectiveEvaluator;
import certus.smtl.RandomInstances;
import certus.smtl.SmtlProblem;
import certus.smtl.Variant;
import certus.solver.Backends;
import certus.solver.CancellationToken;
import certus.solver.SolveListener;
import certus.solver.SolveParameters;
import certus.solver.Termination;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared-support tree with several workers expanding nodes at once: the same optima as enumeration and as one
 * worker, proofs recorded concurrently that the independent checker accepts, and limits that stay honest.
 */
class ParallelTreeTest {
    private static final Backends NONE = Backends.discover();

    private static ExactResult solve(SmtlProblem p, int threads, double seconds, BnbProof.Log log) {
        ExactOptions o = ExactOptions.of(ExactMethod.BNB, "none")
                .withParameters(SolveParameters.defaults().withRelativeGap(1e-9).withTimeLimitSeconds(seconds).withThreads(threads));
        return new SupportBranchAndBound(log).solve(p, null, o, NONE, SolveListener.NONE, CancellationToken.none());
    }

    @Test
    void twoWorkersCertifyTheEnumeratedOptimumOfEverySharedSupportInstance() {
        int solved = 0;
        for (Variant v : Variant.values()) {
            for (long seed = 1; seed <= 34; seed++) {
                SmtlProblem p = RandomInstances.small(v, 1000 + seed);
                if (!SupportBranchAndBound.supports(p) || !(p.taskCount() == 1 || p.commonSupport())) continue;
                double optimum = BruteForceEnumerator.solve(p).objective();
                ExactResult r = solve(p, 2, 60, null);
                assertTrue(r.provenOptimal(1e-6), p + ": " + r.termination());
                assertEquals(optimum, r.objective(), 1e-9 * Math.max(1, Math.abs(optimum)), p.toString());
                assertEquals(ObjectiveEvaluator.value(p, r.solution()), r.objective(), 0.0, p.toString());
                assertTrue(r.bound() <= optimum * (1 + 1e-12) + 1e-12, p + ": bound " + r.bound());
                solved++;
            }
        }
        System.out.printf("parallel tree: %d shared-support instances optimal with 2 workers%n", solved);
        assertTrue(solved >= 20, "solved " + solved);
    }

    /**
     * A tree of hundreds of nodes (small ridge, weak signal): one and two workers reach the same optimum; the proof the
     * two workers recorded concurrently re-derives a bound between the reported one and the optimum.
     */
    @Test
    void aConcurrentlyRecordedProofPassesTheChecker() {
        for (long seed : new long[]{7, 8, 9}) {
            SmtlProblem p = RandomInstances.problem(1, 60, 60, 5, 0.003, 0, 0, false, seed);
            ExactResult one = solve(p, 1, 120, null);
            BnbProof.Log log = new BnbProof.Log();
            ExactResult two = solve(p, 2, 120, log);
            String where = "seed " + seed;
            assertTrue(one.provenOptimal(1e-8) && two.provenOptimal(1e-8), where + ": " + one.termination() + " / " + two.termination());
            assertEquals(one.objective(), two.objective(), 1e-9 * Math.abs(one.objective()), where);
            BnbProof proof = log.proof();
            assertTrue(proof.complete(), proof.incomplete());
            BnbProofChecker.Report report = BnbProofChecker.check(p, proof, two.bound());
            assertTrue(report.valid(), where + ": " + report.problems());
            assertTrue(report.derived() >= two.bound() - 1e-9 * Math.abs(two.bound()), where + ": derived " + report.derived());
            assertTrue(report.derived() <= two.objective() * (1 + 1e-12), where + ": derived " + report.derived());
            System.out.printf("parallel tree, seed %d: 1 worker %d nodes, 2 workers %d nodes; proof of %d leaves re-derived%n",
                    seed, one.nodes(), two.nodes(), report.leaves());
        }
    }

    /**
     * The joint Zbar tree (Lagrangian split off) with two workers on small multi-task instances: the enumerated optimum,
     * and a concurrently recorded proof that the checker re-derives.
     */
    @Test
    void theJointZbarTreeWithTwoWorkersMatchesEnumerationAndItsProofChecks() {
        int solved = 0;
        for (long seed = 1; seed <= 24; seed++) {
            java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
            int kCount = 2 + r.nextInt(2);
            SmtlProblem p = RandomInstances.problem(kCount, 5 + r.nextInt(4), 12 + r.nextInt(12), 1 + r.nextInt(3),
                    Math.pow(10, -2 + 2 * r.nextDouble()), 0, Math.pow(10, -2 + 2.5 * r.nextDouble()), false, 7919 * seed);
            double optimum = BruteForceEnumerator.solve(p).objective();
            BnbProof.Log log = new BnbProof.Log();
            ExactOptions o = ExactOptions.of(ExactMethod.BNB, "none")
                    .withParameters(SolveParameters.defaults().withRelativeGap(1e-9).withTimeLimitSeconds(60).withThreads(2));
            ExactResult res = new SupportBranchAndBound(log, ZbarSolve.Lagrangian.NEVER).solve(p, null, o, NONE, SolveListener.NONE,
                    CancellationToken.none());
            String where = p + " seed " + seed;
            assertTrue(res.provenOptimal(1e-6), where + ": " + res.termination());
            assertEquals(optimum, res.objective(), 1e-9 * Math.max(1, Math.abs(optimum)), where);
            BnbProofChecker.Report report = BnbProofChecker.check(p, log.proof(), res.bound());
            assertTrue(report.valid(), where + ": " + report.problems());
            assertTrue(report.derived() <= optimum + 1e-9 * Math.max(1, Math.abs(optimum)), where + ": derived " + report.derived());
            solved++;
        }
        System.out.printf("parallel joint Zbar tree: %d instances optimal, proofs re-derived%n", solved);
    }

    /** A time limit with two workers ends FEASIBLE/TIME (never OPTIMAL) with a bound below the true optimum. */
    @Test
    void aTimeLimitWithTwoWorkersKeepsAValidBound() {
        SmtlProblem p = RandomInstances.problem(1, 60, 60, 5, 0.003, 0, 0, false, 7);
        ExactResult full = solve(p, 1, 120, null);
        ExactResult limited = solve(p, 2, 0.1, null);
        assertEquals(Termination.Reason.FEASIBLE, limited.termination().reason(), limited.termination().toString());
        assertEquals(Termination.Limit.TIME, limited.termination().limit());
        assertTrue(limited.bound() <= full.objective() * (1 + 1e-12), "bound " + limited.bound() + " vs " + full.objective());
        assertTrue(limited.objective() >= full.objective() * (1 - 1e-12));
    }
}
