package certus.solver.io;

import certus.solver.LeastSquaresTerm;
import certus.solver.LinearConstraint;
import certus.solver.LinearExpression;
import certus.solver.Model;
import certus.solver.QuadraticTerm;
import certus.solver.VarType;
import certus.solver.Variable;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** MpsWriter followed by MpsReader is the identity on models (up to rounding of a range's far side). */
class MpsRoundTripTest {
    @Property(tries = 300)
    void writeThenReadPreservesVariablesRowsAndObjective(@ForAll long seed) {
        Model m = RandomModels.of(seed, false);
        String text = MpsWriter.write(m);
        Model back = MpsReader.read(text, "roundtrip.mps");
        assertSameModel(m, back, text);
    }

    @Property(tries = 200)
    void leastSquaresTermsKeepTheObjectiveValueInBothForms(@ForAll long seed) {
        Model m = RandomModels.of(seed, true);
        Random rnd = new Random(seed);
        Model residual = MpsReader.read(MpsWriter.write(m, List.of(), LeastSquaresForm.RESIDUAL), "residual.mps");
        Model expanded = MpsReader.read(MpsWriter.write(m, List.of(), LeastSquaresForm.EXPANDED), "expanded.mps");
        assertEquals(m.variableCount(), expanded.variableCount());
        int rows = 0;
        for (LeastSquaresTerm t : m.objective().leastSquares()) rows += t.rows().size();
        assertEquals(m.variableCount() + rows, residual.variableCount(), "one residual variable per least-squares row");
        assertEquals(m.constraints().size() + rows, residual.constraints().size(), "one defining row per residual");
        for (int trial = 0; trial < 5; trial++) {
            double[] x = RandomModels.point(m, rnd);
            double want = m.objective().evaluate(x);
            assertEquals(want, expanded.objective().evaluate(x), 1e-9 * (1 + Math.abs(want)), "expanded form");
            double[] ext = java.util.Arrays.copyOf(x, residual.variableCount());
            int k = m.variableCount();
            for (LeastSquaresTerm t : m.objective().leastSquares()) for (LinearExpression r : t.rows()) ext[k++] = r.evaluate(x);
            assertEquals(want, residual.objective().evaluate(ext), 1e-9 * (1 + Math.abs(want)), "residual form");
            for (int i = m.constraints().size(); i < residual.constraints().size(); i++) {
                assertEquals(0.0, residual.constraints().get(i).violation(ext), 1e-9, "residual definition rows hold at r = A x - b");
            }
        }
    }

    /** Types compare up to the documented reading rule: an integer with bounds inside [0, 1] is a binary. */
    static VarType normalized(Variable v) {
        if (v.isInteger() && v.lower() >= 0 && v.upper() <= 1) return VarType.BINARY;
        return v.type();
    }

    static void assertSameModel(Model m, Model back, String text) {
        assertEquals(m.variableCount(), back.variableCount(), text);
        for (int j = 0; j < m.variableCount(); j++) {
            Variable a = m.variable(j);
            Variable b = back.variable(j);
            assertEquals(a.name(), b.name(), text);
            assertEquals(normalized(a), b.type(), () -> a + "\n" + text);
            assertEquals(a.lower(), b.lower(), () -> a + "\n" + text);
            assertEquals(a.upper(), b.upper(), () -> a + "\n" + text);
        }
        assertEquals(m.constraints().size(), back.constraints().size(), text);
        for (int i = 0; i < m.constraints().size(); i++) {
            LinearConstraint a = m.constraints().get(i);
            LinearConstraint b = back.constraints().get(i);
            assertEquals(a.name(), b.name());
            assertEquals(terms(a.expression()), terms(b.expression()), a.name());
            assertEquals(a.rowLower(), b.rowLower(), 1e-12 * (1 + Math.abs(a.rowLower())), () -> a.name() + "\n" + text);
            assertEquals(a.rowUpper(), b.rowUpper(), 1e-12 * (1 + Math.abs(a.rowUpper())), () -> a.name() + "\n" + text);
        }
        assertEquals(terms(m.objective().linear()), terms(back.objective().linear()), text);
        assertEquals(m.objective().linear().constant(), back.objective().linear().constant(), text);
        assertEquals(quadratic(m.objective().quadratic()), quadratic(back.objective().quadratic()), text);
        Random rnd = new Random(text.length());
        for (int trial = 0; trial < 5; trial++) {
            double[] x = RandomModels.point(m, rnd);
            double want = m.objective().evaluate(x);
            assertEquals(want, back.objective().evaluate(x), 1e-12 * (1 + Math.abs(want)));
        }
    }

    static Map<Integer, Double> terms(LinearExpression e) {
        Map<Integer, Double> out = new HashMap<>();
        for (int i = 0; i < e.size(); i++) out.put(e.variable(i), e.coefficient(i));
        return out;
    }

    static Map<List<Integer>, Double> quadratic(List<QuadraticTerm> q) {
        Map<List<Integer>, Double> out = new HashMap<>();
        for (QuadraticTerm t : q) out.merge(List.of(t.first(), t.second()), t.coefficient(), Double::sum);
        out.values().removeIf(v -> v == 0.0);
        return out;
    }
}
