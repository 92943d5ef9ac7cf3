package certus.solver.io;

import certus.solver.IndicatorConstraint;
import certus.solver.LinearConstraint;
import certus.solver.LinearExpression;
import certus.solver.Model;
import certus.solver.ModelBuilder;
import certus.solver.ModelException;
import certus.solver.Objective;
import certus.solver.QuadraticTerm;
import certus.solver.RotatedConeConstraint;
import certus.solver.VarType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The MPS conventions, each pinned by a hand-written file whose meaning is derived by hand. */
class MpsConventionsTest {
    private static final String HEAD = "NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n x obj -2 c1 1\n y obj 0 c1 1\nRHS\n RHS c1 10\nBOUNDS\n FR BND x\n FR BND y\n";

    @Test
    void quadobjDiagonalIsHalvedAndOffDiagonalTakenOnce() {
        // QUADOBJ x x 2, y y 4, x y 1 means 1/2 (2 x^2 + 4 y^2 + 2 * 1 * x y) = x^2 + 2 y^2 + x y
        Model m = MpsReader.read(HEAD + "QUADOBJ\n x x 2\n y y 4\n x y 1\nENDATA\n", "q.mps");
        double x = 0.7;
        double y = -1.3;
        assertEquals(-2 * x + x * x + 2 * y * y + x * y, m.objective().evaluate(new double[]{x, y}), 1e-15);
    }

    @Test
    void qmatrixListsBothTrianglesAndMeansTheSameObjective() {
        Model m = MpsReader.read(HEAD + "QMATRIX\n x x 2\n y y 4\n x y 1\n y x 1\nENDATA\n", "q.mps");
        double x = 0.7;
        double y = -1.3;
        assertEquals(-2 * x + x * x + 2 * y * y + x * y, m.objective().evaluate(new double[]{x, y}), 1e-15);
    }

    @Test
    void writerDoublesDiagonalTermsAndKeepsCrossTerms() {
        ModelBuilder b = new ModelBuilder("w");
        int x = b.addContinuous("x", -5, 5);
        int y = b.addContinuous("y", -5, 5);
        b.objective(new Objective(LinearExpression.term(x, -2), List.of(new QuadraticTerm(x, x, 1.5), new QuadraticTerm(x, y, 0.25)), List.of()));
        String text = MpsWriter.write(b.build());
        assertTrue(text.contains("    x  x  3\n"), text);
        assertTrue(text.contains("    x  y  0.25\n"), text);
    }

    @Test
    void objectiveConstantIsMinusTheObjectiveRhs() {
        ModelBuilder b = new ModelBuilder("c");
        int x = b.addContinuous("x", 0, 1);
        b.objective(Objective.linear(LinearExpression.builder().add(x, 1).addConstant(3.5).build()));
        String text = MpsWriter.write(b.build());
        assertTrue(text.contains("RHS  obj  -3.5"), text);
        Model back = MpsReader.read(HEAD.replace("RHS c1 10", "RHS c1 10 obj -3.5") + "ENDATA\n", "c.mps");
        assertEquals(3.5, back.objective().linear().constant());
    }

    @Test
    void rangesFollowTheRowTypeAndSignRules() {
        String text = "NAME r\nROWS\n N obj\n L l\n G g\n E ep\n E en\nCOLUMNS\n x obj 1 l 1\n x g 1 ep 1\n x en 1\n"
                + "RHS\n RHS l 4 g 1\n RHS ep 2 en 2\nRANGES\n RNG l -3 g -3\n RNG ep 3 en -3\nBOUNDS\n FR BND x\nENDATA\n";
        Model m = MpsReader.read(text, "r.mps");
        assertRow(m.constraints().get(0), 1, 4);  // L: [rhs - |R|, rhs]
        assertRow(m.constraints().get(1), 1, 4);  // G: [rhs, rhs + |R|]
        assertRow(m.constraints().get(2), 2, 5);  // E, R > 0: [rhs, rhs + R]
        assertRow(m.constraints().get(3), -1, 2); // E, R < 0: [rhs + R, rhs]
    }

    private static void assertRow(LinearConstraint c, double lo, double up) {
        assertEquals(lo, c.rowLower(), c.name());
        assertEquals(up, c.rowUpper(), c.name());
    }

    @Test
    void boundDefaultsFollowCplex() {
        String text = "NAME b\nROWS\n N obj\nCOLUMNS\n a obj 1\n MARKER 'MARKER' 'INTORG'\n i obj 1\n j obj 1\n k obj 1\n MARKER 'MARKER' 'INTEND'\n"
                + " c obj 1\n d obj 1\nRHS\nBOUNDS\n UP BND c -2\n BV BND j\n UP BND k 1\n LO BND d -1e30\n UP BND d 1e+30\nENDATA\n";
        Model m = MpsReader.read(text, "b.mps");
        assertEquals(0.0, m.variable(0).lower());
        assertEquals(Double.POSITIVE_INFINITY, m.variable(0).upper());
        assertEquals(VarType.INTEGER, m.variable(1).type(), "marker integers default to [0, inf)");
        assertEquals(Double.POSITIVE_INFINITY, m.variable(1).upper());
        assertEquals(VarType.BINARY, m.variable(2).type());
        assertEquals(VarType.BINARY, m.variable(3).type(), "an integer inside [0, 1] is a binary");
        assertEquals(Double.NEGATIVE_INFINITY, m.variable(4).lower(), "negative UP on a default lower bound makes it -inf");
        assertEquals(-2.0, m.variable(4).upper());
        assertEquals(Double.NEGATIVE_INFINITY, m.variable(5).lower(), "1e30 is infinity");
        assertEquals(Double.POSITIVE_INFINITY, m.variable(5).upper());
    }

    @Test
    void indicatorsAndConesAreRejectedNamingTheConstraint() {
        ModelBuilder b = new ModelBuilder("i");
        int x = b.addContinuous("x", -1, 1);
        int z = b.addBinary("z");
        b.addIndicator(new IndicatorConstraint("ind_0_3", z, false, LinearConstraint.equal("off", LinearExpression.term(x, 1), 0)));
        Model ind = b.build();
        ModelException e = assertThrows(ModelException.class, () -> MpsWriter.write(ind));
        assertTrue(e.getMessage().contains("ind_0_3"), e.getMessage());
        assertTrue(assertThrows(ModelException.class, () -> LpWriter.write(ind)).getMessage().contains("ind_0_3"));

        ModelBuilder c = new ModelBuilder("c");
        int t = c.addContinuous("t", 0, 10);
        int u = c.addContinuous("u", 0, 1);
        int y = c.addContinuous("y", -1, 1);
        c.addCone(new RotatedConeConstraint("persp_1_2", t, u, new int[]{y}));
        Model cone = c.build();
        assertTrue(assertThrows(ModelException.class, () -> MpsWriter.write(cone)).getMessage().contains("persp_1_2"));
    }

    @Test
    void namesAreMadeValidAndUnique() {
        assertEquals(List.of("a_b", "a_b_2", "_1x", "x3", "_e12", "bounds_"), FlatModel.unique(List.of("a b", "a_b", "1x", "", "e12", "bounds"), "x"));
        ModelBuilder b = new ModelBuilder("n");
        b.addContinuous("my var", 0, 1);
        b.addContinuous("my_var", 0, 1);
        b.addConstraint(LinearConstraint.lessEqual("obj", LinearExpression.builder().add(0, 1).add(1, 1).build(), 1));
        Model back = MpsReader.read(MpsWriter.write(b.build()), "n.mps");
        assertEquals("my_var", back.variable(0).name());
        assertEquals("my_var_2", back.variable(1).name());
        assertEquals("obj_2", back.constraints().get(0).name(), "a row named like the objective is renamed");
    }
}
