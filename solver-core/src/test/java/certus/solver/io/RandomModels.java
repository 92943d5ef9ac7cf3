package certus.solver.io;

import certus.solver.LeastSquaresTerm;
import certus.solver.LinearConstraint;
import certus.solver.LinearExpression;
import certus.solver.Model;
import certus.solver.ModelBuilder;
import certus.solver.Objective;
import certus.solver.QuadraticTerm;
import certus.solver.VarType;
import certus.solver.Variable;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Small random models covering what the writers must get right: every variable type, finite, infinite, fixed and
 * negative bounds, L/G/E/ranged/free rows with constants in their expressions, objective constants, diagonal and
 * cross quadratic terms of both signs, and optionally least-squares terms. Not convex in general: these models
 * are for write/read identities, not for solving.
 */
final class RandomModels {
    private RandomModels() {}

    static Model of(long seed, boolean leastSquares) {
        Random rnd = new Random(seed);
        ModelBuilder b = new ModelBuilder("random_" + Long.toHexString(seed));
        int n = 1 + rnd.nextInt(8);
        for (int j = 0; j < n; j++) {
            switch (rnd.nextInt(3)) {
                case 0 -> {
                    double lo = pick(rnd, new double[]{0, Double.NEGATIVE_INFINITY, -3.5, 2.25, -0.1});
                    double up = Math.max(lo, pick(rnd, new double[]{Double.POSITIVE_INFINITY, 4, 7.125, -0.05, lo}));
                    if (lo == Double.NEGATIVE_INFINITY && rnd.nextBoolean()) up = -2.5;
                    b.addContinuous("x" + j, lo, Double.isNaN(up) ? Double.POSITIVE_INFINITY : up);
                }
                case 1 -> {
                    double lo = pick(rnd, new double[]{0, -5, Double.NEGATIVE_INFINITY, 2});
                    double up = Math.max(lo, pick(rnd, new double[]{Double.POSITIVE_INFINITY, 9, 3}));
                    if (lo >= 0 && up <= 1) up = 3; // would read back as a binary: keep the type unambiguous
                    b.addInteger("n" + j, lo, up);
                }
                default -> {
                    double r = rnd.nextDouble();
                    if (r < 0.7) b.addBinary("z" + j);
                    else b.addVariable("z" + j, VarType.BINARY, r < 0.85 ? 0 : 1, r < 0.85 ? 0 : 1);
                }
            }
        }
        int rows = rnd.nextInt(7);
        for (int i = 0; i < rows; i++) {
            LinearExpression e = randomExpression(rnd, n, rnd.nextInt(4) == 0 ? rnd.nextGaussian() : 0.0);
            double a = Math.round(rnd.nextGaussian() * 100) / 8.0;
            double w = 0.5 + rnd.nextInt(5) / 3.0;
            LinearConstraint c = switch (rnd.nextInt(5)) {
                case 0 -> LinearConstraint.lessEqual("c" + i, e, a);
                case 1 -> LinearConstraint.greaterEqual("c" + i, e, a);
                case 2 -> LinearConstraint.equal("c" + i, e, a);
                case 3 -> new LinearConstraint("c" + i, e, a, a + w);
                default -> rnd.nextInt(3) == 0 ? new LinearConstraint("c" + i, e, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)
                        : LinearConstraint.lessEqual("c" + i, e, a);
            };
            b.addConstraint(c);
        }
        LinearExpression linear = randomExpression(rnd, n, rnd.nextBoolean() ? rnd.nextGaussian() * 10 : 0.0);
        List<QuadraticTerm> q = new ArrayList<>();
        int terms = rnd.nextInt(5);
        for (int t = 0; t < terms; t++) q.add(new QuadraticTerm(rnd.nextInt(n), rnd.nextInt(n), rnd.nextGaussian()));
        List<LeastSquaresTerm> ls = new ArrayList<>();
        if (leastSquares) {
            int count = 1 + rnd.nextInt(2);
            for (int t = 0; t < count; t++) {
                List<LinearExpression> lsRows = new ArrayList<>();
                int m = 1 + rnd.nextInt(6);
                for (int r = 0; r < m; r++) lsRows.add(randomExpression(rnd, n, rnd.nextGaussian()));
                ls.add(new LeastSquaresTerm(0.1 + rnd.nextDouble(), lsRows));
            }
        }
        b.objective(new Objective(linear, q, ls));
        return b.build();
    }

    /** A random point inside (a box around) the variables' bounds; integers get integer values. */
    static double[] point(Model m, Random rnd) {
        double[] x = new double[m.variableCount()];
        for (Variable v : m.variables()) {
            double lo = Double.isFinite(v.lower()) ? v.lower() : -10;
            double up = Double.isFinite(v.upper()) ? v.upper() : lo + 20;
            double val = lo + rnd.nextDouble() * (up - lo);
            x[v.index()] = v.isInteger() ? Math.floor(val) : val;
        }
        return x;
    }

    private static LinearExpression randomExpression(Random rnd, int n, double constant) {
        LinearExpression.Builder e = LinearExpression.builder().addConstant(constant);
        int k = 1 + rnd.nextInt(n);
        for (int t = 0; t < k; t++) e.add(rnd.nextInt(n), rnd.nextBoolean() ? rnd.nextGaussian() : rnd.nextInt(7) - 3);
        return e.build();
    }

    private static double pick(Random rnd, double[] options) {
        return options[rnd.nextInt(options.length)];
    }
}
