package certus.solver.io;

import certus.solver.Model;
import certus.solver.QuadraticTerm;
import certus.solver.VarType;
import certus.solver.Variable;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link Model} as free-format MPS with a QUADOBJ section, readable by CPLEX, Gurobi, HiGHS, SCIP, Xpress
 * and {@link MpsReader}.
 *
 * <p>Conventions, each chosen to be the one the major solvers share:
 * <ul>
 *   <li>The objective is {@code c'x + 1/2 x'Qx + constant}, minimized (OBJSENSE MIN). QUADOBJ lists the upper
 *       triangle of the symmetric Q once. Hence a model term {@code a x_i^2} is written {@code x_i x_i 2a} and a
 *       term {@code a x_i x_j} (i != j) is written {@code x_i x_j a}: Q_ij = Q_ji = a contributes
 *       1/2 (Q_ij + Q_ji) x_i x_j = a x_i x_j.</li>
 *   <li>The objective constant is the objective row's RHS with its sign flipped (RHS obj = -constant), as CPLEX,
 *       Gurobi, HiGHS and OR-Tools read it.</li>
 *   <li>Integer columns sit between {@code MARKER 'MARKER' 'INTORG'} / {@code 'INTEND'} lines (the quotes are
 *       required by OR-Tools) and always carry explicit bounds, since readers disagree on integer defaults
 *       ([0, 1] in old ones, [0, inf) in CPLEX). Binaries with bounds [0, 1] are written BV.</li>
 *   <li>A two-sided row is a G row with RANGES R = upper - lower (unambiguous, unlike E-row ranges whose sign
 *       matters); a row with no finite side is an extra N row (a free row).</li>
 *   <li>Every column has a COLUMNS entry (an explicit 0 on the objective if it is in no row), so readers that
 *       only learn columns from COLUMNS know it.</li>
 * </ul>
 * Least-squares terms are written as {@link LeastSquaresForm} says; indicator and cone constraints are rejected
 * (ModelException naming the constraint). Numbers are written exactly (shortest round-trip decimal).
 */
public final class MpsWriter {
    private MpsWriter() {}

    /** The model as MPS text with AUTO least-squares form and no comments. */
    public static String write(Model model) {
        return write(model, List.of(), LeastSquaresForm.AUTO);
    }

    /** The model as MPS text; each comment line is written after a '*' at the top of the file. */
    public static String write(Model model, List<String> comments, LeastSquaresForm form) {
        FlatModel f = FlatModel.of(model, form);
        StringBuilder sb = new StringBuilder(4096);
        for (String c : comments) for (String line : c.split("\n", -1)) sb.append("* ").append(line).append('\n');
        sb.append("* least-squares terms written in ").append(f.form().name().toLowerCase(java.util.Locale.ROOT))
                .append(" form; objective = c'x + 1/2 x'Qx + constant (constant = -RHS of ").append(f.objectiveName()).append(")\n");
        sb.append("NAME ").append(f.name()).append('\n');
        sb.append("OBJSENSE\n    MIN\n");
        sb.append("ROWS\n");
        sb.append(" N  ").append(f.objectiveName()).append('\n');
        for (FlatModel.Row r : f.rows()) sb.append(' ').append(rowType(r)).append("  ").append(r.name()).append('\n');
        writeColumns(f, sb);
        writeRhs(f, sb);
        writeRanges(f, sb);
        writeBounds(f, sb);
        writeQuadratic(f, sb);
        sb.append("ENDATA\n");
        return sb.toString();
    }

    private static String rowType(FlatModel.Row r) {
        boolean lo = Double.isFinite(r.lower());
        boolean up = Double.isFinite(r.upper());
        if (lo && up) return r.lower() == r.upper() ? "E" : "G";
        if (lo) return "G";
        if (up) return "L";
        return "N";
    }

    private static void writeColumns(FlatModel f, StringBuilder sb) {
        int n = f.variables().size();
        List<List<int[]>> byColumn = new ArrayList<>(n);
        for (int j = 0; j < n; j++) byColumn.add(new ArrayList<>());
        for (int r = 0; r < f.rows().size(); r++) {
            FlatModel.Row row = f.rows().get(r);
            for (int t = 0; t < row.variables().length; t++) byColumn.get(row.variables()[t]).add(new int[]{r, t});
        }
        sb.append("COLUMNS\n");
        boolean inInteger = false;
        int markers = 0;
        for (int j = 0; j < n; j++) {
            Variable v = f.variables().get(j);
            if (v.isInteger() != inInteger) {
                sb.append("    M").append(markers++).append("  'MARKER'  ").append(v.isInteger() ? "'INTORG'" : "'INTEND'").append('\n');
                inInteger = v.isInteger();
            }
            String name = v.name();
            if (f.objective()[j] != 0.0 || byColumn.get(j).isEmpty()) {
                sb.append("    ").append(name).append("  ").append(f.objectiveName()).append("  ").append(FlatModel.num(f.objective()[j])).append('\n');
            }
            for (int[] rt : byColumn.get(j)) {
                FlatModel.Row row = f.rows().get(rt[0]);
                sb.append("    ").append(name).append("  ").append(row.name()).append("  ").append(FlatModel.num(row.coefficients()[rt[1]])).append('\n');
            }
        }
        if (inInteger) sb.append("    M").append(markers).append("  'MARKER'  'INTEND'\n");
    }

    private static void writeRhs(FlatModel f, StringBuilder sb) {
        sb.append("RHS\n");
        if (f.objectiveConstant() != 0.0) {
            sb.append("    RHS  ").append(f.objectiveName()).append("  ").append(FlatModel.num(-f.objectiveConstant())).append('\n');
        }
        for (FlatModel.Row r : f.rows()) {
            String type = rowType(r);
            double rhs = switch (type) {
                case "E", "G" -> r.lower();
                case "L" -> r.upper();
                default -> 0.0;
            };
            if (rhs != 0.0) sb.append("    RHS  ").append(r.name()).append("  ").append(FlatModel.num(rhs)).append('\n');
        }
    }

    private static void writeRanges(FlatModel f, StringBuilder sb) {
        boolean header = false;
        for (FlatModel.Row r : f.rows()) {
            if (!Double.isFinite(r.lower()) || !Double.isFinite(r.upper()) || r.lower() == r.upper()) continue;
            if (!header) sb.append("RANGES\n");
            header = true;
            sb.append("    RNG  ").append(r.name()).append("  ").append(FlatModel.num(r.upper() - r.lower())).append('\n');
        }
    }

    private static void writeBounds(FlatModel f, StringBuilder sb) {
        StringBuilder b = new StringBuilder();
        for (Variable v : f.variables()) {
            double lo = v.lower();
            double up = v.upper();
            String name = v.name();
            if (v.type() == VarType.BINARY && lo == 0.0 && up == 1.0) {
                bound(b, "BV", name, null);
            } else if (lo == up) {
                bound(b, "FX", name, lo);
            } else if (lo == Double.NEGATIVE_INFINITY && up == Double.POSITIVE_INFINITY) {
                bound(b, "FR", name, null);
            } else {
                if (lo == Double.NEGATIVE_INFINITY) bound(b, "MI", name, null);
                else if (lo != 0.0 || v.isInteger()) bound(b, "LO", name, lo);
                if (up != Double.POSITIVE_INFINITY) bound(b, "UP", name, up);
                else if (v.isInteger()) bound(b, "PL", name, null);
            }
        }
        if (b.length() > 0) sb.append("BOUNDS\n").append(b);
    }

    private static void bound(StringBuilder b, String type, String column, Double value) {
        b.append(' ').append(type).append(" BND  ").append(column);
        if (value != null) b.append("  ").append(FlatModel.num(value));
        b.append('\n');
    }

    private static void writeQuadratic(FlatModel f, StringBuilder sb) {
        if (f.quadratic().isEmpty()) return;
        sb.append("QUADOBJ\n");
        for (QuadraticTerm q : f.quadratic()) {
            double value = q.first() == q.second() ? 2.0 * q.coefficient() : q.coefficient();
            sb.append("    ").append(f.variables().get(q.first()).name()).append("  ").append(f.variables().get(q.second()).name())
                    .append("  ").append(FlatModel.num(value)).append('\n');
        }
    }
}
