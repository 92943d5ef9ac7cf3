package certus.formulations;

import certus.smtl.ObjectiveEvaluator;
import certus.smtl.RandomInstances;
import certus.smtl.SmtlProblem;
import certus.solver.Backends;
import certus.solver.CancellationToken;
import certus.solver.SolveListener;
import certus.solver.SolveParameters;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cross-method, cross-backend agreement beyond enumeration's reach (2^{K p} supports too many to list): Big-M and
 * perspective MIQPs on SCIP, outer approximation with HiGHS and CBC masters, and the Java branch and bound where it
 * applies must each prove the same optimum.
 * Four independent proofs (two formulations, three branch-and-bound codes) agreeing is the check that no
 * formulation or backend has a bug that enumeration on tiny instances could miss.
 */
class CrossMethodAgreementTest {
    private static final Backends BACKENDS = Backends.discover();
    private static final double GAP = 1e-6;

    record Run(String label, ExactResult result) {}

    @Test
    void bigMPerspectiveAndOaOnThreeBackendsProveTheSameOptimum() {
        List<SmtlProblem> problems = List.of(
                RandomInstances.problem(1, 24, 60, 3, 0.1, 0.0, 0.0, false, 11),
                RandomInstances.problem(2, 14, 40, 3, 0.1, 0.0, 0.2, false, 12),
                RandomInstances.problem(3, 14, 30, 2, 0.2, 0.0, 0.0, true, 13),
                RandomInstances.problem(2, 12, 40, 2, 0.2, 0.5, 0.0, false, 14));
        for (SmtlProblem p : problems) {
            List<Run> runs = new ArrayList<>();
            runs.add(run(p, ExactMethod.BIGM, "scip"));
            runs.add(run(p, ExactMethod.PERSPECTIVE, "scip"));
            runs.add(run(p, ExactMethod.OA, "highs"));
            runs.add(run(p, ExactMethod.OA, "cbc"));
            // The Java branch and bound (no MIP backend at all) where it applies: K = 1 and common support here.
            if (certus.formulations.bnb.SupportBranchAndBound.supports(p)) runs.add(run(p, ExactMethod.BNB, "none"));
            double best = runs.stream().mapToDouble(r -> r.result().objective()).min().orElseThrow();
            for (Run r : runs) {
                String where = r.label() + " on " + p;
                assertTrue(r.result().provenOptimal(1e-5), where + ": " + r.result().termination() + " gap " + r.result().gap());
                assertEquals(best, r.result().objective(), 1e-6 * Math.max(1, best), where);
                assertTrue(ObjectiveEvaluator.isFeasible(p, r.result().solution()), where);
                // Every proof's bound must sit below every method's optimum, not only its own.
                assertTrue(r.result().bound() <= best + 1e-6 * Math.max(1, best), where + ": bound " + r.result().bound());
            }
        }
    }

    private static Run run(SmtlProblem p, ExactMethod method, String backend) {
        ExactOptions options = ExactOptions.of(method, backend)
                .withParameters(SolveParameters.defaults().withRelativeGap(GAP).withTimeLimitSeconds(120));
        long t0 = System.nanoTime();
        ExactResult r = ExactMethods.solverFor(method).solve(p, null, options, BACKENDS, SolveListener.NONE, CancellationToken.none());
        System.out.printf("%s/%s K=%d p=%d: %s in %.1f s%n", method.cliName(), backend, p.taskCount(), p.featureCount(),
                r.termination().reason(), (System.nanoTime() - t0) / 1e9);
        return new Run(method.cliName() + "/" + backend, r);
    }
}
