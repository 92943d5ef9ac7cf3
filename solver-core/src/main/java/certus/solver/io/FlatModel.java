package certus.solver.io;

import certus.solver.Bridges;
import certus.solver.IndicatorConstraint;
import certus.solver.LinearConstraint;
import certus.solver.LinearExpression;
import certus.solver.Model;
import certus.solver.ModelException;
import certus.solver.QuadraticTerm;
import certus.solver.RotatedConeConstraint;
import certus.solver.Variable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A model in the shape file formats take: no factor-form terms, row constants folded into the row bounds,
 * merged quadratic terms, and names that are valid and unique in MPS and LP files. What both writers share.
 *
 * @param variables the (bridged) model's variables under their file names
 * @param quadratic merged terms {@code coefficient * x_i * x_j}, i &lt;= j (the {@link QuadraticTerm} convention)
 * @param form      the least-squares form actually written (RESIDUAL or EXPANDED; RESIDUAL when there were none)
 * @param hint      the model's hint extended to the bridged variables (residuals), or null
 */
record FlatModel(String name, List<Variable> variables, String objectiveName, List<Row> rows, double[] objective,
                 double objectiveConstant, List<QuadraticTerm> quadratic, LeastSquaresForm form, int originalVariables, double[] hint) {

    /** {@code lower <= sum coefficients * x[variables] <= upper} with a file-safe name. */
    record Row(String name, int[] variables, double[] coefficients, double lower, double upper) {}

    /** Words the LP format reserves (compared case-insensitively); a name equal to one gets a '_' appended. */
    private static final Set<String> LP_KEYWORDS = Set.of("min", "max", "minimize", "maximize", "minimise", "maximise",
            "minimum", "maximum", "st", "s.t.", "subject", "to", "such", "that", "bound", "bounds", "free", "inf",
            "infinity", "gen", "general", "generals", "bin", "binary", "binaries", "semi", "semis", "semi-continuous",
            "sos", "end");

    static FlatModel of(Model model, LeastSquaresForm requested) {
        for (IndicatorConstraint c : model.indicators()) {
            throw new ModelException("indicator constraint " + c.name() + " cannot be written: MPS and LP have no portable "
                    + "indicator syntax. Maybe export the big-M form of the model (certus export always does).");
        }
        for (RotatedConeConstraint c : model.cones()) {
            throw new ModelException("rotated cone constraint " + c.name() + " cannot be written: MPS and LP have no portable "
                    + "cone syntax. Maybe export the big-M form of the model (certus export always does).");
        }
        LeastSquaresForm form = requested.resolve(model);
        Model flat = form == LeastSquaresForm.EXPANDED ? Bridges.quadraticForm(model).model() : Bridges.residualForm(model).model();
        int n = flat.variableCount();
        List<String> columnNames = unique(flat.variables().stream().map(Variable::name).toList(), "x");
        List<String> rowNames = new ArrayList<>();
        rowNames.add("obj");
        flat.constraints().forEach(c -> rowNames.add(c.name()));
        List<String> uniqueRows = unique(rowNames, "r");
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < flat.constraints().size(); i++) {
            LinearConstraint c = flat.constraints().get(i);
            LinearExpression e = c.expression();
            rows.add(new Row(uniqueRows.get(i + 1), e.variables(), e.coefficients(), c.rowLower(), c.rowUpper()));
        }
        double[] objective = new double[n];
        LinearExpression lin = flat.objective().linear();
        for (int i = 0; i < lin.size(); i++) objective[lin.variable(i)] += lin.coefficient(i);
        Map<Long, Double> merged = new LinkedHashMap<>();
        for (QuadraticTerm q : flat.objective().quadratic()) {
            merged.merge(((long) q.first() << 32) | q.second(), q.coefficient(), Double::sum);
        }
        List<QuadraticTerm> quadratic = new ArrayList<>();
        merged.forEach((k, v) -> { if (v != 0.0) quadratic.add(new QuadraticTerm((int) (k >>> 32), (int) (long) k, v)); });
        List<Variable> variables = new ArrayList<>();
        for (Variable v : flat.variables()) variables.add(new Variable(v.index(), columnNames.get(v.index()), v.type(), v.lower(), v.upper()));
        return new FlatModel(sanitize(model.name(), "model"), variables, uniqueRows.get(0), rows, objective,
                lin.constant(), quadratic, model.objective().leastSquares().isEmpty() ? LeastSquaresForm.RESIDUAL : form, model.variableCount(),
                flat.hint());
    }

    /**
     * Valid, unique names: characters outside [A-Za-z0-9_.] become '_', a leading digit or '.' gets a prefix,
     * LP keywords get a '_' appended and exponent look-alikes ("e", "e12", "eels": CPLEX forbids e or E followed by
     * a digit or another e) a '_' prepended, so no reader mistakes them for numbers or
     * sections, and repeats get "_2", "_3", ... Empty names become prefix + position.
     */
    static List<String> unique(List<String> names, String prefix) {
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            String s = sanitize(names.get(i), prefix + i);
            String candidate = s;
            for (int k = 2; !seen.add(candidate.toLowerCase(Locale.ROOT)); k++) candidate = s + "_" + k;
            out.add(candidate);
        }
        return out;
    }

    static String sanitize(String name, String fallback) {
        if (name == null || name.isEmpty()) return fallback;
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
            sb.append(ok ? c : '_');
        }
        String s = sb.toString();
        if (Character.isDigit(s.charAt(0)) || s.charAt(0) == '.') s = "_" + s;
        if (LP_KEYWORDS.contains(s.toLowerCase(Locale.ROOT))) s = s + "_";
        if (s.matches("[eE]([0-9eE].*)?")) s = "_" + s;
        if (s.length() > 255) s = s.substring(0, 255);
        return s;
    }

    /**
     * A number as the shortest decimal that parses back to the same double (Double.toString), without a
     * redundant ".0": "2", "0.5", "1.0E-5" -&gt; "1E-5". Both formats read this with strtod-like parsers.
     */
    static String num(double v) {
        if (v == 0.0) return "0";
        String s = Double.toString(v);
        int e = s.indexOf('E');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.endsWith(".0")) mantissa = mantissa.substring(0, mantissa.length() - 2);
        return e < 0 ? mantissa : mantissa + s.substring(e);
    }
}
