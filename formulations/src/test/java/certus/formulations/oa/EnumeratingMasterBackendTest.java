package certus.formulations.oa;

import certus.solver.CancellationToken;
import certus.solver.LinearConstraint;
import certus.solver.LinearExpression;
import certus.solver.Model;
import certus.solver.ModelBuilder;
import certus.solver.Objective;
import certus.solver.SolveListener;
import certus.solver.SolveParameters;
import certus.solver.SolveResult;
import certus.solver.Termination;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test-only enumerating backend against hand-made masters with known optima. */
class EnumeratingMasterBackendTest {
    final EnumeratingMasterBackend backend = new EnumeratingMasterBackend();

    SolveResult solve(Model m) {
        return backend.solve(m, SolveParameters.defaults(), SolveListener.NONE, CancellationToken.none());
    }

    @Test
    void pureBinaryCoverProblem() {
        ModelBuilder mb = new ModelBuilder("cover");
        int a = mb.addBinary("a"), b = mb.addBinary("b"), c = mb.addBinary("c");
        mb.addConstraint(LinearConstraint.greaterEqual("two", LinearExpression.of(new int[]{a, b, c}, new double[]{1, 1, 1}, 0), 2));
        mb.objective(Objective.linear(LinearExpression.of(new int[]{a, b, c}, new double[]{3, 2, 4}, 1)));
        SolveResult r = solve(mb.build());
        assertEquals(Termination.Reason.OPTIMAL, r.termination().reason());
        assertEquals(6, r.objectiveValue(), 1e-12);
        assertEquals(6, r.bestBound(), 1e-12);
        assertEquals(1, r.value(a));
        assertEquals(1, r.value(b));
        assertEquals(0, r.value(c));
    }

    @Test
    void epigraphOfCutsMatchesNaiveEnumeration() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int rep = 0; rep < 40; rep++) {
            int n = 2 + rnd.nextInt(6);
            int cuts = 1 + rnd.nextInt(5);
            int card = 1 + rnd.nextInt(n);
            double dCost = rnd.nextDouble();
            double[][] slope = new double[cuts][n];
            double[] c0 = new double[cuts];
            ModelBuilder mb = new ModelBuilder("epi");
            int[] z = new int[n];
            for (int j = 0; j < n; j++) z[j] = mb.addBinary("z" + j);
            int eta = mb.addContinuous("eta", 0, Double.POSITIVE_INFINITY);
            int d = mb.addContinuous("d", 0, 1);
            LinearExpression.Builder sum = LinearExpression.builder();
            for (int j = 0; j < n; j++) sum.add(z[j], 1);
            mb.addConstraint(LinearConstraint.lessEqual("card", sum.build(), card));
            mb.addConstraint(LinearConstraint.greaterEqual("d1", LinearExpression.of(new int[]{d, z[0], z[1]}, new double[]{1, -1, 1}, 0), 0));
            mb.addConstraint(LinearConstraint.greaterEqual("d2", LinearExpression.of(new int[]{d, z[0], z[1]}, new double[]{1, 1, -1}, 0), 0));
            for (int c = 0; c < cuts; c++) {
                c0[c] = 5 * rnd.nextDouble();
                LinearExpression.Builder e = LinearExpression.builder().add(eta, 1);
                for (int j = 0; j < n; j++) {
                    slope[c][j] = -3 * rnd.nextDouble();
                    e.add(z[j], -slope[c][j]);
                }
                mb.addConstraint(LinearConstraint.greaterEqual("cut" + c, e.build(), c0[c]));
            }
            mb.objective(Objective.linear(LinearExpression.of(new int[]{eta, d, z[n - 1]}, new double[]{1, dCost, 0.1}, 0)));
            double naive = Double.POSITIVE_INFINITY;
            for (int mask = 0; mask < (1 << n); mask++) {
                if (Integer.bitCount(mask) > card) continue;
                double e = 0;
                for (int c = 0; c < cuts; c++) {
                    double v = c0[c];
                    for (int j = 0; j < n; j++) if ((mask >> j & 1) != 0) v += slope[c][j];
                    e = Math.max(e, v);
                }
                double obj = e + dCost * ((mask & 1) != ((mask >> 1) & 1) ? 1 : 0) + 0.1 * (mask >> (n - 1) & 1);
                naive = Math.min(naive, obj);
            }
            Model m = mb.build();
            SolveResult r = solve(m);
            assertEquals(Termination.Reason.OPTIMAL, r.termination().reason());
            assertEquals(naive, r.objectiveValue(), 1e-12, "rep " + rep);
            assertEquals(r.objectiveValue(), m.objective().evaluate(r.values()), 1e-12);
            assertTrue(m.maxViolation(r.values()) <= 1e-9);
        }
    }

    @Test
    void infeasibleAndUnsupportedModelsAreReportedNotSolved() {
        ModelBuilder mb = new ModelBuilder("infeasible");
        int a = mb.addBinary("a"), b = mb.addBinary("b");
        mb.addConstraint(LinearConstraint.greaterEqual("three", LinearExpression.of(new int[]{a, b}, new double[]{1, 1}, 0), 3));
        assertEquals(Termination.Reason.INFEASIBLE, solve(mb.build()).termination().reason());

        ModelBuilder two = new ModelBuilder("two-continuous");
        int x = two.addContinuous("x", 0, 1), y = two.addContinuous("y", 0, 1);
        two.addConstraint(LinearConstraint.greaterEqual("xy", LinearExpression.of(new int[]{x, y}, new double[]{1, 1}, 0), 1));
        assertEquals(Termination.Reason.INVALID_MODEL, solve(two.build()).termination().reason());

        ModelBuilder neg = new ModelBuilder("negative-cost");
        int w = neg.addContinuous("w", 0, 1);
        neg.objective(Objective.linear(LinearExpression.term(w, -1)));
        assertEquals(Termination.Reason.INVALID_MODEL, solve(neg.build()).termination().reason());
    }
}
