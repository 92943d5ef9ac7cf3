package certus.formulations.bnb;

import certus.formulations.ExactMethod;
import certus.formulations.ExactOptions;
import certus.formulations.ExactResult;
import certus.smtl.BruteForceEnumerator;
import certus.smtl.ObjectiveEvaluator;
import certus.smtl.RandomInstances;
import certus.smtl.SmtlProblem;
import certus.smtl.Variant;
import certus.solver.Backends;
import certus.solver.CancellationToken;
import certus.solver.ModelException;
import certus.solver.SolveListener;
import certus.solver.SolveParameters;
import certus.solver.Termination;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Java branch and bound against brute-force enumeration, and its honesty under limits. */
class SupportBranchAndBoundTest {
    private static final Backends NONE = Backends.discover();

    private static ExactResult solve(SmtlProblem p, double gap, double seconds) {
        ExactOptions o = ExactOptions.of(ExactMethod.BNB, "none")
                .withParameters(SolveParameters.defaults().withRelativeGap(gap).withTimeLimitSeconds(seconds));
        return new SupportBranchAndBound().solve(p, null, o, NONE, SolveListener.NONE, CancellationToken.none());
    }

    @Test
    void certifiesTheEnumeratedOptimumOnEverySupportedSmallInstance() {
        int solved = 0;
        int refused = 0;
        for (Variant v : Variant.values()) {
            for (long seed = 1; seed <= 34; seed++) {
                SmtlProblem p = RandomInstances.small(v, 1000 + seed);
                if (!SupportBranchAndBound.supports(p)) {
                    ModelException e = assertThrows(ModelException.class, () -> solve(p, 1e-7, 60));
                    assertTrue(e.getMessage().contains("bnb"), e.getMessage());
                    refused++;
                    continue;
                }
                double optimum = BruteForceEnumerator.solve(p).objective();
                ExactResult r = solve(p, 1e-7, 60);
                String where = p.toString();
                assertTrue(r.provenOptimal(1e-6), where + ": " + r.termination() + " gap " + r.gap());
                assertEquals(optimum, r.objective(), 1e-9 * Math.max(1, Math.abs(optimum)), where);
                assertEquals(ObjectiveEvaluator.value(p, r.solution()), r.objective(), 0.0, where);
                assertTrue(ObjectiveEvaluator.isFeasible(p, r.solution()), where);
                assertTrue(r.bound() <= optimum * (1 + 1e-12) + 1e-12, where + ": bound " + r.bound() + " above " + optimum);
                solved++;
            }
        }
        System.out.printf("bnb: %d instances optimal and equal to enumeration, %d refused%n", solved, refused);
        assertTrue(solved >= 80, "solved " + solved);
    }

    @Test
    void aTimeLimitGivesAValidBoundAndNeverOptimal() {
        // Small ridge and a weak signal: the relaxation is loose, so the tree needs thousands of nodes.
        SmtlProblem p = RandomInstances.problem(1, 60, 60, 5, 0.003, 0, 0, false, 7);
        ExactResult limited = solve(p, 1e-9, 0.1);
        ExactResult full = solve(p, 1e-9, 120);
        System.out.printf("bnb time-limit test: limited %s gap %.3g after %d nodes; full %s in %.1f s, %d nodes%n",
                limited.termination(), limited.gap(), limited.nodes(), full.termination(), full.seconds(), full.nodes());
        assertTrue(full.provenOptimal(1e-6), full.termination().toString());
        assertEquals(Termination.Reason.FEASIBLE, limited.termination().reason(), limited.termination().toString());
        assertEquals(Termination.Limit.TIME, limited.termination().limit());
        assertTrue(limited.bound() <= full.objective() * (1 + 1e-12), "bound " + limited.bound() + " vs optimum " + full.objective());
        assertTrue(limited.bound() < limited.objective(), "a limit leaves a gap");
        assertTrue(limited.objective() >= full.objective() * (1 - 1e-12));
    }

    @Test
    void cancellingFromAnotherThreadStopsWithInterruptedAndAValidBound() throws Exception {
        SmtlProblem p = RandomInstances.problem(1, 60, 60, 5, 0.003, 0, 0, false, 7); // the ~1.6 s instance above
        CancellationToken token = new CancellationToken();
        Thread canceller = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            token.cancel();
        });
        canceller.start();
        ExactOptions o = ExactOptions.of(ExactMethod.BNB, "none")
                .withParameters(SolveParameters.defaults().withRelativeGap(1e-9).withTimeLimitSeconds(120));
        ExactResult r = new SupportBranchAndBound().solve(p, null, o, NONE, SolveListener.NONE, token);
        canceller.join();
        assertEquals(Termination.Reason.FEASIBLE, r.termination().reason(), r.termination().toString());
        assertEquals(Termination.Limit.INTERRUPTED, r.termination().limit());
        assertTrue(r.bound() <= r.objective());
        assertTrue(r.seconds() < 10, "stopped promptly: " + r.seconds() + " s");
    }
}
