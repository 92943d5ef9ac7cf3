package certus.solver.ojalgo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certus.solver.CancellationToken;
import certus.solver.IndicatorConstraint;
import certus.solver.LeastSquaresTerm;
import certus.solver.LinearConstraint;
import certus.solver.LinearExpression;
import certus.solver.Model;
import certus.solver.ModelBuilder;
import certus.solver.ModelException;
import certus.solver.Objective;
import certus.solver.PrimalStatus;
import certus.solver.SolveListener;
import certus.solver.SolveParameters;
import certus.solver.SolveResult;
import certus.solver.Termination.Reason;
import certus.solver.testing.TestModels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OjalgoBackendTest {
    private static final double TOL = 1e-6;
    private final OjalgoBackend backend = new OjalgoBackend();

    private SolveResult solve(Model m, SolveParameters p) {
        return backend.solve(m, p, SolveListener.NONE, CancellationToken.none());
    }

    private SolveResult solve(Model m) {
        return solve(m, SolveParameters.defaults());
    }

    @Test
    void knapsackOptimumMatchesEnumerationAndBoundProvesIt() {
        double[] v = {10, 13, 7, 8, 9, 4};
        double[] w = {5, 6, 3, 4, 5, 2};
        Model m = TestModels.knapsack(v, w, 13, 0);
        SolveResult r = solve(m);
        assertEquals(Reason.OPTIMAL, r.termination().reason(), r.termination().detail());
        assertEquals(TestModels.knapsackByEnumeration(v, w, 13, 0), r.objectiveValue(), TOL);
        assertTrue(m.maxViolation(r.values()) <= TOL);
        // ojAlgo may leave its gap tolerance (1e-4 relative) open; our bound says exactly that much.
        assertTrue(r.bestBound() <= r.objectiveValue() && r.relativeGap() <= 1.001e-4, "bound " + r.bestBound());
    }

    @Test
    void objectiveConstantIsReportedAlthoughOjalgoDropsIt() {
        double[] v = {3, 4, 5};
        double[] w = {2, 3, 4};
        SolveResult r = solve(TestModels.knapsack(v, w, 5, 100.0));
        assertEquals(Reason.OPTIMAL, r.termination().reason());
        assertEquals(100.0 - 7.0, r.objectiveValue(), TOL);
        assertTrue(r.bestBound() <= r.objectiveValue() && r.bestBound() > 92.9, "bound " + r.bestBound());
    }

    @Test
    void convexMiqpWithCardinalityMatchesEnumeration() {
        double[] a = {0.5, -2.0, 1.2, 3.0, -0.7, 1.9};
        Model m = TestModels.selectionMiqp(a, 2, 5.0);
        SolveResult r = solve(m);
        // Right answer, but an ojAlgo MIQP is never certified (OjalgoBackend.UNPROVEN_MIQP).
        assertEquals(Reason.FEASIBLE, r.termination().reason(), r.termination().detail());
        assertEquals(OjalgoBackend.UNPROVEN_MIQP, r.termination().detail());
        assertEquals(Double.NEGATIVE_INFINITY, r.bestBound());
        assertEquals(TestModels.selectionByEnumeration(a, 2), r.objectiveValue(), 1e-5);
        assertEquals(3.0, r.value(3), 1e-4);
        assertEquals(-2.0, r.value(1), 1e-4);
    }

    @Test
    void leastSquaresTermMatchesNormalEquations() {
        double[][] x = {{1, 0.5}, {1, -1}, {1, 2}, {1, 0}, {1, 1.5}};
        double[] y = {1.0, -0.5, 3.1, 0.4, 2.2};
        ModelBuilder b = new ModelBuilder("ls");
        b.addContinuous("b0", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        b.addContinuous("b1", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        List<LinearExpression> rows = new ArrayList<>();
        for (int i = 0; i < y.length; i++) rows.add(LinearExpression.of(new int[] {0, 1}, new double[] {-x[i][0], -x[i][1]}, y[i]));
        Model m = b.objective(new Objective(LinearExpression.constant(0.25), List.of(), List.of(new LeastSquaresTerm(0.1, rows)))).build();
        // Closed form: (X^T X) beta = X^T y, 2x2 by Cramer's rule.
        double a = 0, c = 0, d = 0, e = 0, f = 0;
        for (int i = 0; i < y.length; i++) {
            a += x[i][0] * x[i][0]; c += x[i][0] * x[i][1]; d += x[i][1] * x[i][1];
            e += x[i][0] * y[i]; f += x[i][1] * y[i];
        }
        double det = a * d - c * c;
        double[] beta = {(e * d - c * f) / det, (a * f - c * e) / det};
        double expected = 0.25 + 0.1 * rows.stream().mapToDouble(r -> Math.pow(r.evaluate(beta), 2)).sum();
        for (String form : new String[] {"quadratic"}) {
            SolveResult r = solve(m);
            assertEquals(Reason.OPTIMAL, r.termination().reason(), form);
            assertArrayEquals(beta, r.values(), 1e-6, form);
            assertEquals(expected, r.objectiveValue(), 1e-9, form);
            assertEquals(r.objectiveValue(), r.bestBound(), 0.0, form + ": continuous optimum is its own bound");
        }
    }

    @Test
    void infeasibleIntegerModelIsInfeasible() {
        ModelBuilder b = new ModelBuilder("infeasible");
        int x = b.addBinary("x");
        int y = b.addBinary("y");
        b.addConstraint(LinearConstraint.greaterEqual("sum", LinearExpression.builder().add(x, 1).add(y, 1).build(), 3));
        b.objective(Objective.linear(LinearExpression.term(x, 1)));
        SolveResult r = solve(b.build());
        assertEquals(Reason.INFEASIBLE, r.termination().reason(), r.termination().detail());
        assertEquals(PrimalStatus.NO_SOLUTION, r.primalStatus());
        assertNull(r.values());
    }

    @Test
    void infeasibleContinuousModelIsInfeasible() {
        ModelBuilder b = new ModelBuilder("infeasible-lp");
        int x = b.addContinuous("x", 0, 1);
        b.addConstraint(LinearConstraint.greaterEqual("big", LinearExpression.term(x, 1), 2));
        b.objective(Objective.linear(LinearExpression.term(x, 1)));
        SolveResult r = solve(b.build());
        assertEquals(Reason.INFEASIBLE, r.termination().reason(), r.termination().detail());
    }

    @Test
    void unboundedContinuousModelIsUnboundedNeverOptimal() {
        ModelBuilder b = new ModelBuilder("unbounded-lp");
        int x = b.addContinuous("x", 0, Double.POSITIVE_INFINITY);
        int y = b.addContinuous("y", 0, 3);
        b.addConstraint(LinearConstraint.greaterEqual("row", LinearExpression.builder().add(x, 1).add(y, -1).build(), 0));
        b.objective(Objective.linear(LinearExpression.builder().add(x, -1).add(y, 1).build()));
        SolveResult r = solve(b.build());
        assertTrue(r.termination().reason() == Reason.UNBOUNDED || r.termination().reason() == Reason.INFEASIBLE_OR_UNBOUNDED,
                r.termination().toString());
        assertFalse(r.hasSolution());
    }

    @Test
    void unboundedIntegerModelIsUnboundedNeverOptimal() {
        ModelBuilder b = new ModelBuilder("unbounded");
        int x = b.addContinuous("x", 0, Double.POSITIVE_INFINITY);
        int z = b.addBinary("z");
        b.addConstraint(LinearConstraint.greaterEqual("row", LinearExpression.builder().add(x, 1).add(z, -1).build(), 0));
        b.objective(Objective.linear(LinearExpression.builder().add(x, -1).add(z, 1).build()));
        SolveResult r = solve(b.build());
        assertTrue(r.termination().reason() == Reason.UNBOUNDED || r.termination().reason() == Reason.INFEASIBLE_OR_UNBOUNDED,
                r.termination().toString());
        assertFalse(r.hasSolution());
    }

    @Test
    void conesAndIndicatorsAreRejectedBeforeSolving() {
        ModelBuilder b = new ModelBuilder("indicator");
        int x = b.addContinuous("x", 0, 10);
        int z = b.addBinary("z");
        b.addIndicator(new IndicatorConstraint("ind", z, false, LinearConstraint.lessEqual("x0", LinearExpression.term(x, 1), 0)));
        ModelException e = assertThrows(ModelException.class, () -> solve(b.build()));
        assertTrue(e.getMessage().contains("INDICATORS"), e.getMessage());
    }

    @Test
    void unknownBackendOptionIsRejectedWithTheKnownKeys() {
        Model m = TestModels.knapsack(new double[] {1}, new double[] {1}, 1, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> solve(m, SolveParameters.defaults().withBackendOptions(Map.of("nodes", "3"))));
        assertTrue(e.getMessage().contains("nodes") && e.getMessage().contains("takes none"), e.getMessage());
    }
}
