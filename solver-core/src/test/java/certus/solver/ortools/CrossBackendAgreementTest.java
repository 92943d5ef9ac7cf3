package certus.solver.ortools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import certus.solver.CancellationToken;
import certus.solver.LinearConstraint;
import certus.solver.LinearExpression;
import certus.solver.Model;
import certus.solver.ModelBuilder;
import certus.solver.Objective;
import certus.solver.SolveListener;
import certus.solver.SolveParameters;
import certus.solver.SolveResult;
import certus.solver.SolverBackend;
import certus.solver.Termination.Reason;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Three independent MILP codes (SCIP, CBC, HiGHS) must agree on random small mixed-integer programs: same
 * termination reason, and optimal objectives equal to 1e-6. Agreement of independent implementations is the
 * oracle here, since the instances are too large to enumerate comfortably.
 */
class CrossBackendAgreementTest {
    static final double AGREEMENT = 1e-6;
    /** Row violation allowed at a returned point: HiGHS's primal feasibility tolerance works on its scaled rows,
     * seen as 1.4e-6 absolute on rows with coefficients near 10. */
    static final double FEASIBILITY = 1e-5;

    /** 6 general integers in [-4, 4], 3 continuous in [-10, 10], 5 random rows with mixed senses; may be infeasible. */
    static Model randomMilp(long seed) {
        Random r = new Random(seed);
        ModelBuilder b = new ModelBuilder("random-milp-" + seed);
        int n = 9;
        for (int i = 0; i < 6; i++) b.addInteger("i" + i, -4, 4);
        for (int i = 6; i < n; i++) b.addContinuous("c" + i, -10, 10);
        for (int k = 0; k < 5; k++) {
            LinearExpression.Builder e = LinearExpression.builder();
            for (int i = 0; i < n; i++) if (r.nextDouble() < 0.6) e.add(i, Math.rint(r.nextGaussian() * 40) / 10);
            double rhs = Math.rint(r.nextGaussian() * 50) / 10;
            b.addConstraint(switch (k % 3) {
                case 0 -> LinearConstraint.lessEqual("le" + k, e.build(), rhs);
                case 1 -> LinearConstraint.greaterEqual("ge" + k, e.build(), rhs - 3);
                default -> new LinearConstraint("rng" + k, e.build(), rhs - 2, rhs + 2);
            });
        }
        LinearExpression.Builder obj = LinearExpression.builder().addConstant(r.nextInt(7) - 3);
        for (int i = 0; i < n; i++) obj.add(i, Math.rint(r.nextGaussian() * 30) / 10);
        b.objective(Objective.linear(obj.build()));
        return b.build();
    }

    @Test
    void scipCbcAndHighsAgreeOnRandomMilps() {
        List<SolverBackend> backends = List.of(new ScipBackend(), new CbcBackend(), new HighsBackend());
        for (SolverBackend s : backends) assumeTrue(s.availability().available(), s.name() + ": " + s.availability().reason());
        SolveParameters p = SolveParameters.defaults().withRelativeGap(1e-9).withTimeLimitSeconds(20);
        int optimal = 0;
        for (long seed = 1; seed <= 25; seed++) {
            Model m = randomMilp(seed);
            SolveResult first = backends.get(0).solve(m, p, SolveListener.NONE, CancellationToken.none());
            for (SolverBackend other : backends.subList(1, backends.size())) {
                SolveResult r = other.solve(m, p, SolveListener.NONE, CancellationToken.none());
                String where = "seed " + seed + ", " + first.backend() + " " + first.termination() + " vs " + other.name() + " " + r.termination();
                assertEquals(first.termination().reason(), r.termination().reason(), where);
                if (r.termination().reason() == Reason.OPTIMAL) {
                    assertEquals(first.objectiveValue(), r.objectiveValue(), AGREEMENT * Math.max(1, Math.abs(first.objectiveValue())), where);
                    assertTrue(m.maxViolation(r.values()) <= FEASIBILITY, where + " violation " + m.maxViolation(r.values()) + " at " + java.util.Arrays.toString(r.values()));
                }
            }
            if (first.termination().reason() == Reason.OPTIMAL) optimal++;
        }
        assertTrue(optimal >= 10, "only " + optimal + " of 25 random MILPs were feasible; the generator is too tight");
    }
}
