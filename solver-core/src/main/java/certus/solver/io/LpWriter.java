package certus.solver.io;

import certus.solver.Model;
import certus.solver.QuadraticTerm;
import certus.solver.VarType;
import certus.solver.Variable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes a {@link Model} in CPLEX LP format (also read by Gurobi, SCIP, HiGHS, Xpress and many others).
 *
 * <p>Choices, for portability across LP readers:
 * <ul>
 *   <li>The quadratic objective is written {@code [ ... ] / 2} with the coefficients doubled: a model term
 *       {@code a x^2} appears as {@code 2a x ^ 2} and {@code a x y} as {@code 2a x * y}, so the value is exactly
 *       the model's.</li>
 *   <li>The objective constant is carried by a variable fixed at 1 ({@code obj_constant}), as OR-Tools' own LP
 *       exporter does: CPLEX before version 12 rejected constants in the objective.</li>
 *   <li>A two-sided row becomes two rows, {@code name_lo} (&gt;=) and {@code name_hi} (&lt;=): ranged rows have no
 *       syntax every reader shares. A row with no finite side is omitted (it constrains nothing) with a comment.</li>
 *   <li>Binaries with bounds [0, 1] go to Binaries; every other integer variable goes to Generals with explicit
 *       bounds. Variables are [0, inf) unless the Bounds section says otherwise.</li>
 *   <li>Long expressions are wrapped (CPLEX truncates lines after 510 characters).</li>
 * </ul>
 * Indicators and cones are rejected like in {@link MpsWriter}. Note that OR-Tools 9.15 cannot read this file back:
 * its {@code importFromLpString} parses the lp_solve-like format of glop ({@code min: ...;}), linear only.
 */
public final class LpWriter {
    private static final int TERMS_PER_LINE = 8;

    private LpWriter() {}

    public static String write(Model model) {
        return write(model, List.of(), LeastSquaresForm.AUTO);
    }

    /** The model as LP text; each comment line is written after a '\' at the top of the file. */
    public static String write(Model model, List<String> comments, LeastSquaresForm form) {
        FlatModel f = FlatModel.of(model, form);
        List<Variable> vars = f.variables();
        StringBuilder sb = new StringBuilder(4096);
        for (String c : comments) for (String line : c.split("\n", -1)) sb.append("\\ ").append(line).append('\n');
        sb.append("\\ Problem name: ").append(f.name()).append('\n');
        sb.append("\\ least-squares terms written in ").append(f.form().name().toLowerCase(Locale.ROOT)).append(" form\n");
        String constantName = null;
        if (f.objectiveConstant() != 0.0) {
            Set<String> taken = new HashSet<>();
            for (Variable v : vars) taken.add(v.name().toLowerCase(Locale.ROOT));
            constantName = "obj_constant";
            while (taken.contains(constantName)) constantName += "_";
        }
        sb.append("Minimize\n ").append(f.objectiveName()).append(":");
        Terms obj = new Terms(sb);
        for (int j = 0; j < vars.size(); j++) if (f.objective()[j] != 0.0) obj.add(f.objective()[j], vars.get(j).name());
        if (constantName != null) obj.add(f.objectiveConstant(), constantName);
        if (!f.quadratic().isEmpty()) {
            obj.raw(obj.count == 0 ? "[" : "+ [");
            boolean first = true;
            for (QuadraticTerm q : f.quadratic()) {
                double c = 2.0 * q.coefficient();
                String product = q.first() == q.second() ? vars.get(q.first()).name() + " ^ 2"
                        : vars.get(q.first()).name() + " * " + vars.get(q.second()).name();
                obj.raw((first ? (c < 0 ? "- " : "") : (c < 0 ? "- " : "+ ")) + FlatModel.num(Math.abs(c)) + " " + product);
                first = false;
            }
            obj.raw("] / 2");
        }
        if (obj.count == 0 && f.quadratic().isEmpty() && !vars.isEmpty()) obj.add(0.0, vars.get(0).name());
        sb.append('\n');
        writeRows(f, sb);
        writeBounds(f, constantName, sb);
        writeIntegers(f, sb);
        sb.append("End\n");
        return sb.toString();
    }

    private static void writeRows(FlatModel f, StringBuilder sb) {
        sb.append("Subject To\n");
        List<String> names = new ArrayList<>();
        List<FlatModel.Row> rows = new ArrayList<>();
        List<String> senses = new ArrayList<>();
        List<Double> rhs = new ArrayList<>();
        List<String> omitted = new ArrayList<>();
        for (FlatModel.Row r : f.rows()) {
            boolean lo = Double.isFinite(r.lower());
            boolean up = Double.isFinite(r.upper());
            if (lo && up && r.lower() == r.upper()) {
                add(names, rows, senses, rhs, r.name(), r, "=", r.lower());
            } else if (lo && up) {
                add(names, rows, senses, rhs, r.name() + "_lo", r, ">=", r.lower());
                add(names, rows, senses, rhs, r.name() + "_hi", r, "<=", r.upper());
            } else if (lo) {
                add(names, rows, senses, rhs, r.name(), r, ">=", r.lower());
            } else if (up) {
                add(names, rows, senses, rhs, r.name(), r, "<=", r.upper());
            } else {
                omitted.add(r.name());
            }
        }
        List<String> unique = FlatModel.unique(names, "c");
        for (int i = 0; i < rows.size(); i++) {
            FlatModel.Row r = rows.get(i);
            sb.append(' ').append(unique.get(i)).append(":");
            Terms t = new Terms(sb);
            for (int k = 0; k < r.variables().length; k++) t.add(r.coefficients()[k], f.variables().get(r.variables()[k]).name());
            if (t.count == 0) t.add(0.0, f.variables().get(0).name());
            sb.append(' ').append(senses.get(i)).append(' ').append(FlatModel.num(rhs.get(i))).append('\n');
        }
        for (String o : omitted) sb.append("\\ free row ").append(o).append(" omitted (no finite side)\n");
    }

    private static void add(List<String> names, List<FlatModel.Row> rows, List<String> senses, List<Double> rhs, String name,
                            FlatModel.Row r, String sense, double value) {
        names.add(name);
        rows.add(r);
        senses.add(sense);
        rhs.add(value);
    }

    private static void writeBounds(FlatModel f, String constantName, StringBuilder sb) {
        sb.append("Bounds\n");
        for (Variable v : f.variables()) {
            if (isPlainBinary(v)) continue;
            double lo = v.lower();
            double up = v.upper();
            String n = v.name();
            if (lo == up) sb.append(' ').append(n).append(" = ").append(FlatModel.num(lo)).append('\n');
            else if (lo == Double.NEGATIVE_INFINITY && up == Double.POSITIVE_INFINITY) sb.append(' ').append(n).append(" free\n");
            else if (up == Double.POSITIVE_INFINITY) {
                if (lo != 0.0) sb.append(' ').append(n).append(" >= ").append(FlatModel.num(lo)).append('\n');
            } else {
                sb.append(' ').append(lo == Double.NEGATIVE_INFINITY ? "-inf" : FlatModel.num(lo)).append(" <= ").append(n)
                        .append(" <= ").append(FlatModel.num(up)).append('\n');
            }
        }
        if (constantName != null) sb.append(' ').append(constantName).append(" = 1\n");
    }

    private static void writeIntegers(FlatModel f, StringBuilder sb) {
        List<String> generals = new ArrayList<>();
        List<String> binaries = new ArrayList<>();
        for (Variable v : f.variables()) {
            if (isPlainBinary(v)) binaries.add(v.name());
            else if (v.isInteger()) generals.add(v.name());
        }
        list(sb, "Generals", generals);
        list(sb, "Binaries", binaries);
    }

    private static void list(StringBuilder sb, String header, List<String> names) {
        if (names.isEmpty()) return;
        sb.append(header).append('\n');
        for (int i = 0; i < names.size(); i += TERMS_PER_LINE) {
            sb.append(' ').append(String.join(" ", names.subList(i, Math.min(names.size(), i + TERMS_PER_LINE)))).append('\n');
        }
    }

    private static boolean isPlainBinary(Variable v) {
        return v.type() == VarType.BINARY && v.lower() == 0.0 && v.upper() == 1.0;
    }

    /** Appends " + 3 x - 2 y ..." wrapping every few terms, so no line grows past the readers' limits. */
    private static final class Terms {
        private final StringBuilder sb;
        int count;
        private int onLine;

        Terms(StringBuilder sb) {
            this.sb = sb;
        }

        void add(double coefficient, String name) {
            String sign = coefficient < 0 ? "-" : (count == 0 ? "" : "+");
            raw((sign.isEmpty() ? "" : sign + " ") + FlatModel.num(Math.abs(coefficient)) + " " + name);
            count++;
        }

        void raw(String token) {
            if (onLine == TERMS_PER_LINE) {
                sb.append("\n   ");
                onLine = 0;
            }
            sb.append(' ').append(token);
            onLine++;
        }
    }
}
