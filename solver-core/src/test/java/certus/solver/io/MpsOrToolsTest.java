package certus.solver.io;

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
import certus.solver.Variable;
import certus.solver.ortools.OrToolsNatives;
import certus.solver.ortools.ScipBackend;
import certus.solver.testing.SubsetOracle;
import certus.solver.testing.TestModels;
import com.google.ortools.modelbuilder.ModelBuilderHelper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Our MPS files read by an independent reader (OR-Tools 9.15's glop MPS reader, linear part) and solved by
 * SCIP after re-import: the exported model has the optimum of the original, checked against enumeration.
 */
class MpsOrToolsTest {
    @BeforeEach
    void natives() {
        assumeTrue(OrToolsNatives.availability().available(), OrToolsNatives.availability().reason());
    }

    /** The linear part of a random model (OR-Tools rejects QUADOBJ, so only the linear conventions meet here). */
    private static Model linearPart(Model m) {
        ModelBuilder b = new ModelBuilder(m.name());
        for (Variable v : m.variables()) b.addVariable(v.name(), v.type(), v.lower(), v.upper());
        for (LinearConstraint c : m.constraints()) {
            // OR-Tools drops extra N rows; free rows are the writer's own convention, not compared here
            if (Double.isFinite(c.lower()) || Double.isFinite(c.upper())) b.addConstraint(c);
        }
        b.objective(Objective.linear(m.objective().linear()));
        return b.build();
    }

    @Test
    void orToolsReadsTheLinearPartWithTheSameBoundsTypesRowsAndOffset() {
        for (long seed = 0; seed < 200; seed++) {
            Model m = linearPart(RandomModels.of(seed, false));
            String text = MpsWriter.write(m);
            ModelBuilderHelper h = new ModelBuilderHelper();
            assertTrue(h.importFromMpsString(text), text);
            assertEquals(m.variableCount(), h.numVariables(), text);
            for (Variable v : m.variables()) {
                int j = v.index();
                assertEquals(v.name(), h.getVarName(j));
                assertEquals(v.isInteger(), h.getVarIntegrality(j), () -> v + "\n" + text);
                assertEquals(v.lower(), h.getVarLowerBound(j), () -> v + "\n" + text);
                assertEquals(v.upper(), h.getVarUpperBound(j), () -> v + "\n" + text);
            }
            LinearExpression obj = m.objective().linear();
            double[] c = new double[m.variableCount()];
            for (int i = 0; i < obj.size(); i++) c[obj.variable(i)] = obj.coefficient(i);
            for (int j = 0; j < c.length; j++) assertEquals(c[j], h.getVarObjectiveCoefficient(j), text);
            assertEquals(obj.constant(), h.getObjectiveOffset(), "offset = -RHS of the objective row\n" + text);
            assertEquals(m.constraints().size(), h.numConstraints(), text);
            for (int i = 0; i < m.constraints().size(); i++) {
                LinearConstraint row = m.constraints().get(i);
                assertEquals(row.name(), h.getConstraintName(i));
                assertEquals(row.rowLower(), h.getConstraintLowerBound(i), 1e-12 * (1 + Math.abs(row.rowLower())), text);
                assertEquals(row.rowUpper(), h.getConstraintUpperBound(i), 1e-12 * (1 + Math.abs(row.rowUpper())), text);
                assertEquals(MpsRoundTripTest.terms(row.expression()), terms(h, i), row.name());
            }
        }
    }

    private static java.util.Map<Integer, Double> terms(ModelBuilderHelper h, int row) {
        java.util.Map<Integer, Double> out = new java.util.HashMap<>();
        int[] v = h.getConstraintVarIndices(row);
        double[] a = h.getConstraintCoefficients(row);
        for (int k = 0; k < v.length; k++) out.merge(v[k], a[k], Double::sum);
        out.values().removeIf(x -> x == 0.0);
        return out;
    }

    /** Pins the OR-Tools 9.15 behaviour that made a reader of our own necessary (documented in docs). */
    @Test
    void orToolsRejectsAQuadobjSection() {
        ModelBuilder b = new ModelBuilder("q");
        int x = b.addContinuous("x", -5, 5);
        b.objective(new Objective(LinearExpression.term(x, -2), List.of(new certus.solver.QuadraticTerm(x, x, 1.0)), List.of()));
        assertFalse(new ModelBuilderHelper().importFromMpsString(MpsWriter.write(b.build())));
    }

    /** min x^2 - 2x over [-5, 5] is -1 at x = 1 (by hand): fixes the QUADOBJ factor through a real solve. */
    @Test
    void scipSolvesAHandWrittenQuadobjFileToTheHandDerivedOptimum() {
        String text = "NAME h\nROWS\n N obj\nCOLUMNS\n x obj -2\nRHS\nBOUNDS\n LO BND x -5\n UP BND x 5\nQUADOBJ\n x x 2\nENDATA\n";
        SolveResult r = solve(MpsReader.read(text, "h.mps"));
        assertEquals(-1.0, r.objectiveValue(), 1e-6);
        assertEquals(1.0, r.value(0), 1e-3);
    }

    @ParameterizedTest
    @EnumSource(value = LeastSquaresForm.class, names = {"RESIDUAL", "EXPANDED"})
    void exportedBestSubsetSolvedAfterReimportHasTheEnumeratedOptimum(LeastSquaresForm form) {
        for (long seed = 1; seed <= 3; seed++) {
            int p = 6;
            int s = 2;
            Model m = TestModels.bestSubset(20, p, s, 10.0, seed);
            double oracle = SubsetOracle.optimum(m, p, s);
            assumeTrue(!Double.isNaN(oracle), "big-M box holds the optimum");
            Model back = MpsReader.read(MpsWriter.write(m, List.of("best subset, seed " + seed), form), "bs.mps");
            SolveResult direct = solve(m);
            SolveResult reimported = solve(back);
            assertEquals(oracle, reimported.objectiveValue(), 1e-6 * Math.max(1, Math.abs(oracle)), form + " seed " + seed);
            assertEquals(direct.objectiveValue(), reimported.objectiveValue(), 1e-6 * Math.max(1, Math.abs(oracle)));
        }
    }

    private static SolveResult solve(Model m) {
        SolveResult r = new ScipBackend().solve(m, SolveParameters.defaults().withRelativeGap(0).withTimeLimitSeconds(60), SolveListener.NONE,
                CancellationToken.none());
        assertEquals(Termination.Reason.OPTIMAL, r.termination().reason(), r.termination()::toString);
        return r;
    }
}
