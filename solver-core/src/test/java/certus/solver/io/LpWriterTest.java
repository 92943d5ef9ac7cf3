package certus.solver.io;

import certus.solver.LinearConstraint;
import certus.solver.LinearExpression;
import certus.solver.Model;
import certus.solver.ModelBuilder;
import certus.solver.Objective;
import certus.solver.QuadraticTerm;
import certus.solver.VarType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CPLEX LP text of a small model, written out by hand from the format's rules. */
class LpWriterTest {
    @Test
    void smallMiqpIsWrittenInCplexLpSyntax() {
        ModelBuilder b = new ModelBuilder("small");
        int x = b.addContinuous("x", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        int y = b.addContinuous("y", -1, 4);
        int z = b.addBinary("z");
        int n = b.addInteger("n", -2, 7);
        int f = b.addVariable("f", VarType.BINARY, 1, 1);
        b.addConstraint(LinearConstraint.lessEqual("up", LinearExpression.builder().add(x, 1).add(z, -3).build(), 0));
        b.addConstraint(new LinearConstraint("band", LinearExpression.builder().add(y, 2).add(n, -1).addConstant(1).build(), 0, 5));
        b.addConstraint(LinearConstraint.equal("fix", LinearExpression.builder().add(n, 1).add(f, 1).build(), 3));
        // 1.5 x^2 + 0.5 x y - y + 2: LP writes [ 3 x ^ 2 + 1 x * y ] / 2 and the constant on a fixed variable
        b.objective(new Objective(LinearExpression.builder().add(y, -1).addConstant(2).build(),
                List.of(new QuadraticTerm(x, x, 1.5), new QuadraticTerm(x, y, 0.5)), List.of()));
        String lp = LpWriter.write(b.build(), List.of("hello"), LeastSquaresForm.AUTO);
        String expected = """
                \\ hello
                \\ Problem name: small
                \\ least-squares terms written in residual form
                Minimize
                 obj: - 1 y + 2 obj_constant + [ 3 x ^ 2 + 1 x * y ] / 2
                Subject To
                 up: 1 x - 3 z <= 0
                 band_lo: 2 y - 1 n >= -1
                 band_hi: 2 y - 1 n <= 4
                 fix: 1 n + 1 f = 3
                Bounds
                 x free
                 -1 <= y <= 4
                 -2 <= n <= 7
                 f = 1
                 obj_constant = 1
                Generals
                 n f
                Binaries
                 z
                End
                """;
        assertEquals(expected, lp);
    }

    @Test
    void longRowsAreWrapped() {
        ModelBuilder b = new ModelBuilder("wide");
        LinearExpression.Builder e = LinearExpression.builder();
        for (int j = 0; j < 200; j++) e.add(b.addContinuous("a_rather_long_variable_name_" + j, 0, 1), 1.0 + j);
        b.addConstraint(LinearConstraint.lessEqual("wide_row", e.build(), 1));
        b.objective(Objective.linear(e.build()));
        String lp = LpWriter.write(b.build());
        for (String line : lp.split("\n")) assertTrue(line.length() < 510, line);
        assertTrue(lp.contains("<= 1\n"));
    }

    @Test
    void leastSquaresInExpandedFormIsAnExplicitQuadratic() {
        ModelBuilder b = new ModelBuilder("ls");
        int x = b.addContinuous("x", -1, 1);
        // 0.5 (x - 3)^2 = 0.5 x^2 - 3 x + 4.5
        b.objective(new Objective(LinearExpression.zero(), List.of(),
                List.of(new certus.solver.LeastSquaresTerm(0.5, List.of(LinearExpression.builder().add(x, 1).addConstant(-3).build())))));
        Model m = b.build();
        String lp = LpWriter.write(m, List.of(), LeastSquaresForm.EXPANDED);
        assertTrue(lp.contains(" obj: - 3 x + 4.5 obj_constant + [ 1 x ^ 2 ] / 2\n"), lp);
        String residual = LpWriter.write(m, List.of(), LeastSquaresForm.RESIDUAL);
        assertTrue(residual.contains(" ls0_def0: 1 ls0_r0 - 1 x = -3\n"), residual);
        assertTrue(residual.contains("[ 1 ls0_r0 ^ 2 ] / 2"), residual);
    }
}
