package certus.solver.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import certus.solver.CancellationToken;
import certus.solver.Capability;
import certus.solver.Model;
import certus.solver.ModelException;
import certus.solver.PrimalStatus;
import certus.solver.SolveListener;
import certus.solver.SolveParameters;
import certus.solver.SolveResult;
import certus.solver.SolverBackend;
import certus.solver.Termination.Limit;
import certus.solver.Termination.Reason;
import certus.solver.conformance.ConformanceModels.Case;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The suite every {@link SolverBackend} must pass (after MathOptInterface's {@code MOI.Test}). Subclass it, return
 * the backend from {@link #backend()}, and loosen {@link #objectiveTolerance()} / {@link #pointTolerance()} if the
 * backend is less precise. A case needing a capability the backend does not declare instead asserts that the
 * backend rejects the model with a {@link ModelException}, so a declaration can be neither missing nor false.
 * Every expected optimum comes from {@link ConformanceModels} (enumeration or closed form), never from a solver.
 */
public abstract class BackendConformanceTest {
    /** The backend under test; called once per test. */
    protected abstract SolverBackend backend();

    /** Absolute tolerance on objectives, scaled by max(1, |expected|). */
    protected double objectiveTolerance() { return 1e-5; }

    /** Tolerance on continuous coordinates and feasibility violations. */
    protected double pointTolerance() { return 1e-4; }

    /** Near-exact gaps so optima can be compared, and a generous limit that no easy case should reach. */
    protected SolveParameters parameters() {
        return SolveParameters.defaults().withRelativeGap(1e-9).withTimeLimitSeconds(30);
    }

    /** Time limit of the hard-instance case; the case also asserts the solve returns soon after it. */
    protected double hardTimeLimitSeconds() { return 0.5; }

    protected SolverBackend solver;

    @BeforeEach
    void requireAvailableBackend() {
        solver = backend();
        assumeTrue(solver.availability().available(), () -> solver.name() + " unavailable: " + solver.availability().reason());
    }

    protected SolveResult solve(Model m) {
        return solver.solve(m, parameters(), SolveListener.NONE, CancellationToken.none());
    }

    protected boolean has(Capability c) { return solver.capabilities().contains(c); }

    /** Solves a case when supported (and asserts the optimum), or asserts the rejection otherwise. */
    protected SolveResult assertOptimalOrRejected(Case c) {
        if (!solver.supports(Capability.requiredBy(c.model()))) {
            assertThrows(ModelException.class, () -> solve(c.model()));
            return null;
        }
        SolveResult r = solve(c.model());
        if (!certifiesMiqp() && c.model().hasIntegerVariables() && !c.model().objective().isLinear()) {
            assertUncertifiedButRight(c.model(), r, c.optimum());
        } else {
            assertOptimal(c.model(), r, c.optimum());
        }
        return r;
    }

    /**
     * False for a backend whose MIQP optimality claims Certus does not trust (ojAlgo: no dual bound, wrong optima
     * found): its MIQP results must then be a feasible point with a limit, no bound, and the right objective on
     * these easy cases.
     */
    protected boolean certifiesMiqp() { return true; }

    protected void assertUncertifiedButRight(Model m, SolveResult r, double expected) {
        assertEquals(Reason.FEASIBLE, r.termination().reason(), () -> "termination " + r.termination());
        assertEquals(Double.NEGATIVE_INFINITY, r.bestBound(), "no bound without a proof");
        double tol = objectiveTolerance() * Math.max(1, Math.abs(expected));
        assertEquals(expected, r.objectiveValue(), tol, "reported objective");
        assertTrue(m.maxViolation(r.values()) <= pointTolerance(), () -> "violation " + m.maxViolation(r.values()));
    }

    protected void assertOptimal(Model m, SolveResult r, double expected) {
        assertEquals(Reason.OPTIMAL, r.termination().reason(), () -> "termination " + r.termination());
        assertEquals(PrimalStatus.FEASIBLE_POINT, r.primalStatus());
        double tol = objectiveTolerance() * Math.max(1, Math.abs(expected));
        assertEquals(expected, r.objectiveValue(), tol, "reported objective");
        double[] x = r.values();
        assertEquals(m.variableCount(), x.length, "one value per model variable");
        assertTrue(m.maxViolation(x) <= pointTolerance(), () -> "violation " + m.maxViolation(x));
        assertEquals(expected, m.objective().evaluate(x), tol, "objective recomputed at the returned point");
        assertTrue(r.bestBound() <= r.objectiveValue() + tol, () -> "bound " + r.bestBound() + " above objective " + r.objectiveValue());
        assertEquals(solver.name(), r.backend());
    }

    @Test
    void knapsackOptimumMatchesEnumeration() {
        for (long seed = 1; seed <= 3; seed++) assertOptimalOrRejected(ConformanceModels.knapsack(12, 2, seed));
    }

    @Test
    void integerRowsWithConstantsMatchEnumeration() {
        assertOptimalOrRejected(ConformanceModels.integerRows());
    }

    @Test
    void infeasibleModelIsInfeasibleWithoutPoint() {
        SolveResult r = solve(ConformanceModels.infeasible());
        assertEquals(Reason.INFEASIBLE, r.termination().reason(), () -> "termination " + r.termination());
        assertEquals(PrimalStatus.NO_SOLUTION, r.primalStatus());
        assertNull(r.values());
    }

    @Test
    void unboundedModelsAreReportedUnbounded() {
        for (boolean integer : new boolean[]{false, true}) {
            SolveResult r = solve(ConformanceModels.unbounded(integer));
            assertTrue(Set.of(Reason.UNBOUNDED, Reason.INFEASIBLE_OR_UNBOUNDED).contains(r.termination().reason()),
                    () -> "integer=" + integer + ": termination " + r.termination());
        }
    }

    @Test
    void objectiveConstantIsIncludedInObjectiveAndBound() {
        SolveResult r = assertOptimalOrRejected(ConformanceModels.integerRows());
        // The constant 7 must be in both numbers; a backend without a bound (-Infinity) is allowed.
        if (r != null && Double.isFinite(r.bestBound())) {
            assertEquals(r.objectiveValue(), r.bestBound(), 1e-6 * Math.max(1, Math.abs(r.objectiveValue())) + 1e-9);
        }
    }

    @Test
    void cardinalityQpMatchesEnumeration() {
        assertOptimalOrRejected(ConformanceModels.cardinalityQp(new double[]{1.5, -3.0, 0.5, 2.5, -0.75}, 2));
    }

    @Test
    void leastSquaresMatchesNormalEquations() {
        Case c = ConformanceModels.leastSquares();
        SolveResult r = assertOptimalOrRejected(c);
        if (r != null) assertArrayEquals(ConformanceModels.leastSquaresMinimizer(), r.values(), 1e-3);
    }

    @Test
    void hintAtTheOptimumIsAcceptedAndKept() {
        Case c = ConformanceModels.knapsack(12, 2, 7);
        SolveResult plain = solve(c.model());
        assertOptimal(c.model(), plain, c.optimum());
        Model hinted = c.model().withHint(plain.values());
        assertOptimal(hinted, solve(hinted), c.optimum());
    }

    @Test
    void indicatorForcesVariableToZero() {
        SolveResult r = assertOptimalOrRejected(ConformanceModels.indicator());
        if (r != null) assertEquals(0.0, r.value(0), pointTolerance());
    }

    @Test
    void rotatedConeSolvesPerspective() {
        SolveResult r = assertOptimalOrRejected(ConformanceModels.rotatedCone());
        if (r != null) {
            assertEquals(1.0, r.value(2), pointTolerance(), "z");
            assertEquals(1.0, r.value(1), 1e-3, "t");
        }
    }

    @Test
    void timeLimitOnHardInstanceIsALimitNeverAFalseOptimum() {
        Model hard = ConformanceModels.hardKnapsack(150, 8, 11);
        SolveParameters p = parameters().withRelativeGap(0).withTimeLimitSeconds(hardTimeLimitSeconds());
        long t0 = System.nanoTime();
        SolveResult r = solver.solve(hard, p, SolveListener.NONE, CancellationToken.none());
        double wall = (System.nanoTime() - t0) / 1e9;
        assertTrue(wall < hardTimeLimitSeconds() + 3, () -> "took " + wall + " s for a " + hardTimeLimitSeconds() + " s limit");
        Reason reason = r.termination().reason();
        if (reason == Reason.OPTIMAL) {
            assertTrue(r.relativeGap() <= 1e-9 || r.objectiveValue() - r.bestBound() <= p.absoluteGap() + 1e-9,
                    () -> "OPTIMAL with gap " + r.relativeGap() + " (bound " + r.bestBound() + ")");
        } else {
            assertTrue(reason == Reason.FEASIBLE || reason == Reason.NO_SOLUTION_FOUND, () -> "termination " + r.termination());
            assertEquals(Limit.TIME, r.termination().limit(), () -> "termination " + r.termination());
        }
        if (r.hasSolution()) {
            assertTrue(hard.maxViolation(r.values()) <= pointTolerance());
            assertTrue(r.bestBound() <= r.objectiveValue() + 1e-6 * Math.abs(r.objectiveValue()), () -> "bound above incumbent");
        }
    }

    @Test
    void cancelledBeforeStartReturnsInterruptedWithoutPoint() {
        CancellationToken token = new CancellationToken();
        token.cancel();
        SolveResult r = solver.solve(ConformanceModels.knapsack(8, 1, 3).model(), parameters(), SolveListener.NONE, token);
        assertEquals(Limit.INTERRUPTED, r.termination().limit(), () -> "termination " + r.termination());
        assertEquals(PrimalStatus.NO_SOLUTION, r.primalStatus());
    }
}
