package certus.solver.ortools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import certus.solver.Backends;
import certus.solver.CancellationToken;
import certus.solver.LinearExpression;
import certus.solver.Model;
import certus.solver.ModelBuilder;
import certus.solver.Objective;
import certus.solver.QuadraticTerm;
import certus.solver.SolveListener;
import certus.solver.SolveParameters;
import certus.solver.SolveResult;
import certus.solver.Termination.Limit;
import certus.solver.Termination.Reason;
import certus.solver.conformance.ConformanceModels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SCIP-specific behaviour the conformance suite cannot state for every backend. */
class ScipBackendTest {
    private final ScipBackend scip = new ScipBackend();

    @BeforeEach
    void available() {
        assumeTrue(scip.availability().available(), scip.availability().reason());
    }

    /**
     * SCIP must take the hint of a quadratic-objective model (its integer part, completed by SCIP). With a solution
     * limit of 1 SCIP stops at the first solution it holds: the hint (the optimum here, -sum of the three largest
     * c_i^2) if it was taken, a point of SCIP's own if not (objective 0: what a full hint gave).
     */
    @Test
    void hintOfAQuadraticObjectiveModelReachesScip() {
        int n = 30;
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        double[] c = new double[n];
        for (int i = 0; i < n; i++) c[i] = 0.2 + rnd.nextDouble();
        ModelBuilder b = new ModelBuilder("hinted");
        int[] z = new int[n];
        int[] x = new int[n];
        LinearExpression.Builder card = LinearExpression.builder();
        LinearExpression.Builder lin = LinearExpression.builder();
        List<QuadraticTerm> quad = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            z[i] = b.addBinary("z" + i);
            card.add(z[i], 1);
        }
        for (int i = 0; i < n; i++) {
            x[i] = b.addContinuous("x" + i, -2, 2);
            b.addConstraint(certus.solver.LinearConstraint.lessEqual("up" + i, LinearExpression.builder().add(x[i], 1).add(z[i], -2).build(), 0));
            b.addConstraint(certus.solver.LinearConstraint.lessEqual("lo" + i, LinearExpression.builder().add(x[i], -1).add(z[i], -2).build(), 0));
            lin.add(x[i], -2 * c[i]);
            quad.add(new QuadraticTerm(x[i], x[i], 1.0));
        }
        b.addConstraint(certus.solver.LinearConstraint.lessEqual("card", card.build(), 3));
        b.objective(new Objective(lin.build(), quad, List.of()));
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, (u, v) -> Double.compare(c[v], c[u]));
        double[] hint = new double[2 * n];
        double optimum = 0;
        for (int t = 0; t < 3; t++) {
            hint[z[order[t]]] = 1;
            hint[x[order[t]]] = c[order[t]];
            optimum -= c[order[t]] * c[order[t]];
        }
        b.hint(hint);
        // SCIP's trivial heuristic (the all-zero point) runs before the hint is completed: switched off here.
        SolveResult r = scip.solve(b.build(), SolveParameters.defaults().withBackendOptions(Map.of("limits/solutions", "1", "heuristics/trivial/freq", "-1")),
                SolveListener.NONE, CancellationToken.none());
        assertTrue(r.hasSolution(), r.termination().toString());
        assertEquals(optimum, r.objectiveValue(), 1e-6, "SCIP first solution is not the hint");
        assertEquals(2 * n, r.values().length);
    }

    /** Pins the MPQuadraticObjective convention: coefficient c on (j, j) means c x_j^2, not c/2 x_j^2. */
    @Test
    void quadraticDiagonalConventionMinimizesXSquaredMinusTwoX() {
        ModelBuilder b = new ModelBuilder("x2");
        int x = b.addContinuous("x", 0, 3);
        b.objective(new Objective(LinearExpression.term(x, -2), List.of(new QuadraticTerm(x, x, 1.0)), List.of()));
        SolveResult r = scip.solve(b.build(), SolveParameters.defaults().withRelativeGap(0), SolveListener.NONE, CancellationToken.none());
        assertEquals(Reason.OPTIMAL, r.termination().reason());
        assertEquals(1.0, r.value(x), 1e-3);
        assertEquals(-1.0, r.objectiveValue(), 1e-6);
    }

    @Test
    void nodeLimitFromBackendOptionsIsReportedAsNodeLimit() {
        Model hard = ConformanceModels.hardKnapsack(150, 8, 11);
        SolveParameters p = SolveParameters.defaults().withRelativeGap(0).withTimeLimitSeconds(20)
                .withBackendOptions(Map.of("limits/nodes", "5"));
        SolveResult r = scip.solve(hard, p, SolveListener.NONE, CancellationToken.none());
        assertEquals(Limit.NODE, r.termination().limit(), r.termination()::toString);
        assertEquals(Reason.FEASIBLE, r.termination().reason());
        assertTrue(r.bestBound() < r.objectiveValue());
    }

    @Test
    void badBackendOptionIsAnErrorResultNotAnException() {
        SolveParameters p = SolveParameters.defaults().withBackendOptions(Map.of("no/such/param", "1"));
        SolveResult r = scip.solve(ConformanceModels.infeasible(), p, SolveListener.NONE, CancellationToken.none());
        assertEquals(Reason.OTHER_ERROR, r.termination().reason());
        assertTrue(r.termination().detail().contains("no/such/param"), r.termination().detail());
    }

    @Test
    void listenerSeesStartAndEnd() {
        List<SolveListener.SolveProgress> events = new ArrayList<>();
        SolveListener l = new SolveListener() {
            @Override
            public void onProgress(SolveProgress e) { events.add(e); }
        };
        SolveResult r = scip.solve(ConformanceModels.knapsack(8, 1, 2).model(), SolveParameters.defaults(), l, CancellationToken.none());
        assertEquals(2, events.size());
        assertEquals(Double.POSITIVE_INFINITY, events.get(0).incumbent());
        assertEquals(r.objectiveValue(), events.get(1).incumbent());
    }

    @Test
    void typedParametersComeFirstAndBackendOptionsLast() {
        String text = ScipBackend.parameterText(SolveParameters.defaults().withBackendOptions(Map.of("limits/gap", "0.5")), false);
        assertTrue(text.startsWith("limits/gap = 1.0E-4\n"), text);
        assertTrue(text.endsWith("limits/gap = 0.5\n"), text);
    }

    @Test
    void registeredThroughServiceLoader() {
        assertTrue(Backends.discover().find("scip").isPresent());
    }

    @Test
    void presolveIsOffForModelsWithQuadraticRowsUnlessTheUserSetsIt() {
        assertTrue(ScipBackend.parameterText(SolveParameters.defaults(), true).contains("presolving/maxrounds = 0"));
        assertFalse(ScipBackend.parameterText(SolveParameters.defaults(), false).contains("presolving/maxrounds"));
        String text = ScipBackend.parameterText(SolveParameters.defaults().withBackendOptions(Map.of("presolving/maxrounds", "-1")), true);
        assertTrue(text.indexOf("presolving/maxrounds = -1") > text.indexOf("presolving/maxrounds = 0"), "the user's option comes last and wins");
    }
}
