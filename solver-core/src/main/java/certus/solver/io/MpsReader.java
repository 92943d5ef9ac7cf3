package certus.solver.io;

import certus.solver.LinearConstraint;
import certus.solver.LinearExpression;
import certus.solver.Model;
import certus.solver.ModelBuilder;
import certus.solver.ModelException;
import certus.solver.Objective;
import certus.solver.QuadraticTerm;
import certus.solver.VarType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads free-format MPS (whitespace-separated fields, names without spaces) into a {@link Model}: NAME,
 * OBJSENSE (MIN only), ROWS (the first N row is the objective, later N rows are free rows), COLUMNS with
 * integer MARKER lines, RHS (on the objective row: minus the constant), RANGES, BOUNDS (UP, LO, FX, FR, MI, PL,
 * BV, LI, UI), QUADOBJ (upper or lower triangle, each pair once) and QMATRIX (the full symmetric matrix), both with
 * objective = c'x + 1/2 x'Qx. It is the inverse of {@link MpsWriter} and reads what other solvers write in free
 * format; fixed-format files whose names contain spaces are not supported.
 *
 * <p>Defaults where the format leaves room, following CPLEX: a bound of magnitude 1e30 or more is infinite; a column has bounds [0, inf); an integer column
 * (inside INTORG/INTEND) has [0, inf) too; UP with a negative value on a column whose lower bound was never set
 * makes the lower bound -inf. An integer column whose bounds lie inside [0, 1] becomes BINARY.
 *
 * <p>Every problem is a {@link ModelFileException} naming the source, the line and what was expected; a file
 * without ENDATA is rejected as truncated.
 */
public final class MpsReader {
    private static final Set<String> SECTIONS = Set.of("NAME", "OBJSENSE", "ROWS", "COLUMNS", "RHS", "RANGES",
            "BOUNDS", "QUADOBJ", "QMATRIX", "ENDATA");
    private static final Set<String> UNSUPPORTED = Set.of("QSECTION", "QCMATRIX", "CSECTION", "SOS", "SETS", "INDICATORS",
            "GENCONS", "PWLOBJ", "PWLNAM", "BRANCH", "OBJNAME");
    /** Bound and RHS magnitudes from here on mean infinity, as in CPLEX and most MPS writers. */
    static final double INFINITY_THRESHOLD = 1e30;

    private final String source;
    private String name = "mps";
    private String section;
    private int line;
    private String objectiveRow;
    private double objectiveConstant;
    private final Map<String, Integer> rowIndex = new HashMap<>();
    private final List<RowData> rows = new ArrayList<>();
    private final Map<String, Integer> columnIndex = new HashMap<>();
    private final List<ColumnData> columns = new ArrayList<>();
    private final Map<Long, Double> quadratic = new LinkedHashMap<>();
    private final Map<Long, Integer> quadObjSeen = new HashMap<>();
    private boolean integerMarker;
    private boolean ended;

    private static final class RowData {
        final String name;
        final char type;
        final Map<Integer, Double> terms = new LinkedHashMap<>();
        double rhs;
        Double range;

        RowData(String name, char type) {
            this.name = name;
            this.type = type;
        }
    }

    private static final class ColumnData {
        final String name;
        boolean integer;
        boolean binary;
        double lower = 0.0;
        double upper = Double.POSITIVE_INFINITY;
        boolean lowerSet;
        double objective;

        ColumnData(String name) {
            this.name = name;
        }
    }

    private MpsReader(String source) {
        this.source = source;
    }

    /** Reads a file; a missing or unreadable file is a ModelFileException naming it. */
    public static Model read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ModelFileException(file + ": no such file");
        } catch (IOException e) {
            throw new ModelFileException(file + ": cannot read (" + e.getMessage() + ")");
        }
        return read(text, file.toString());
    }

    /** Reads MPS text; {@code source} names it in error messages. */
    public static Model read(String text, String source) {
        return new MpsReader(source).parse(text);
    }

    private Model parse(String text) {
        String[] lines = text.split("\r?\n", -1);
        for (line = 1; line <= lines.length && !ended; line++) {
            String raw = lines[line - 1];
            if (raw.isBlank() || raw.startsWith("*")) continue;
            String[] f = raw.strip().split("\\s+");
            boolean header = !Character.isWhitespace(raw.charAt(0));
            if (header && isSection(f)) {
                startSection(f);
                continue;
            }
            if (section == null) throw error("data line before any section header; expected NAME or ROWS");
            dataLine(f);
        }
        line = lines.length;
        while (line > 1 && lines[line - 1].isBlank()) line--;
        if (!ended) throw error("no ENDATA line: the file looks truncated");
        return build();
    }

    private boolean isSection(String[] f) {
        String key = f[0].toUpperCase(Locale.ROOT);
        if (SECTIONS.contains(key)) return true;
        if (UNSUPPORTED.contains(key)) {
            throw error("section " + key + " is not supported (this reader takes linear rows, bounds, integers and a quadratic objective)");
        }
        return false;
    }

    private void startSection(String[] f) {
        String key = f[0].toUpperCase(Locale.ROOT);
        switch (key) {
            case "NAME" -> {
                if (f.length > 1) name = f[1];
                section = key;
            }
            case "OBJSENSE" -> {
                section = key;
                if (f.length > 1) objectiveSense(f[1]);
            }
            case "ENDATA" -> ended = true;
            default -> {
                if (!key.equals("ROWS") && objectiveRow == null && !key.equals("OBJSENSE")) {
                    throw error("section " + key + " before ROWS declared an objective (N) row");
                }
                section = key;
            }
        }
    }

    private void objectiveSense(String word) {
        String w = word.toUpperCase(Locale.ROOT);
        if (w.equals("MIN") || w.equals("MINIMIZE") || w.equals("MINIMISE")) return;
        if (w.equals("MAX") || w.equals("MAXIMIZE") || w.equals("MAXIMISE")) {
            throw error("OBJSENSE " + word + " is not supported: Certus models minimize. Maybe negate the objective and write MIN.");
        }
        throw error("OBJSENSE '" + word + "': expected MIN or MAX");
    }

    private void dataLine(String[] f) {
        switch (section) {
            case "NAME" -> throw error("unexpected data after NAME; expected a section header such as ROWS");
            case "OBJSENSE" -> objectiveSense(f[0]);
            case "ROWS" -> rowLine(f);
            case "COLUMNS" -> columnLine(f);
            case "RHS" -> valuePairs(f, "RHS", this::setRhs);
            case "RANGES" -> valuePairs(f, "RANGES", this::setRange);
            case "BOUNDS" -> boundLine(f);
            case "QUADOBJ", "QMATRIX" -> quadraticLine(f);
            default -> throw error("unexpected data in section " + section);
        }
    }

    private void rowLine(String[] f) {
        if (f.length != 2) throw error("ROWS entry needs a type (N, L, G, E) and a name, got " + f.length + " fields");
        String type = f[0].toUpperCase(Locale.ROOT);
        if (!type.equals("N") && !type.equals("L") && !type.equals("G") && !type.equals("E")) {
            throw error("row type '" + f[0] + "' of row " + f[1] + ": expected N, L, G or E");
        }
        if (rowIndex.containsKey(f[1]) || f[1].equals(objectiveRow)) throw error("row " + f[1] + " declared twice");
        if (type.equals("N") && objectiveRow == null) {
            objectiveRow = f[1];
            return;
        }
        rowIndex.put(f[1], rows.size());
        rows.add(new RowData(f[1], type.charAt(0)));
    }

    private void columnLine(String[] f) {
        if (f.length >= 3 && f[1].replace("'", "").equalsIgnoreCase("MARKER")) {
            String kind = f[2].replace("'", "").toUpperCase(Locale.ROOT);
            if (kind.equals("INTORG")) integerMarker = true;
            else if (kind.equals("INTEND")) integerMarker = false;
            else throw error("MARKER '" + f[2] + "': expected 'INTORG' or 'INTEND'");
            return;
        }
        if (f.length != 3 && f.length != 5) {
            throw error("COLUMNS entry needs a column, then one or two (row, value) pairs; got " + f.length + " fields");
        }
        Integer j = columnIndex.get(f[0]);
        if (j == null) {
            j = columns.size();
            columnIndex.put(f[0], j);
            columns.add(new ColumnData(f[0]));
        }
        ColumnData c = columns.get(j);
        if (integerMarker) c.integer = true;
        for (int k = 1; k + 1 < f.length; k += 2) {
            double v = number(f[k + 1], "coefficient of column " + f[0] + " in row " + f[k]);
            if (f[k].equals(objectiveRow)) {
                c.objective += v;
                continue;
            }
            RowData r = row(f[k], "COLUMNS entry of column " + f[0]);
            if (r.terms.putIfAbsent(j, v) != null) throw error("column " + f[0] + " has two entries in row " + f[k]);
        }
    }

    private RowData row(String rowName, String what) {
        Integer i = rowIndex.get(rowName);
        if (i == null) throw error(what + " names row '" + rowName + "', which ROWS does not declare");
        return rows.get(i);
    }

    private interface PairSink {
        void accept(String row, double value);
    }

    /** RHS and RANGES lines: an optional set name, then (row, value) pairs. */
    private void valuePairs(String[] f, String what, PairSink sink) {
        int start = f.length % 2 == 1 ? 1 : 0;
        if (f.length - start < 2 || f.length > 5) throw error(what + " entry needs [set name] row value [row value]; got " + f.length + " fields");
        for (int k = start; k + 1 < f.length; k += 2) sink.accept(f[k], number(f[k + 1], what + " value of row " + f[k]));
    }

    private void setRhs(String rowName, double v) {
        if (rowName.equals(objectiveRow)) {
            objectiveConstant = -v;
            return;
        }
        RowData r = row(rowName, "RHS entry");
        r.rhs = v;
    }

    private void setRange(String rowName, double v) {
        if (rowName.equals(objectiveRow)) throw error("RANGES entry on the objective row " + rowName);
        RowData r = row(rowName, "RANGES entry");
        if (r.type == 'N') throw error("RANGES entry on free row " + rowName);
        r.range = v;
    }

    private void boundLine(String[] f) {
        String type = f[0].toUpperCase(Locale.ROOT);
        boolean needsValue = Set.of("UP", "LO", "FX", "LI", "UI").contains(type);
        boolean noValue = Set.of("FR", "MI", "PL").contains(type);
        if (!needsValue && !noValue && !type.equals("BV")) {
            throw error("bound type '" + f[0] + "': expected UP, LO, FX, FR, MI, PL, BV, LI or UI" + (type.equals("SC") ? " (semi-continuous is not supported)" : ""));
        }
        String column;
        Double value = null;
        if (needsValue) {
            if (f.length != 3 && f.length != 4) throw error(type + " bound needs [set name] column value; got " + f.length + " fields");
            column = f[f.length - 2];
            value = infinite(number(f[f.length - 1], type + " bound of column " + column));
        } else if (noValue) {
            if (f.length != 2 && f.length != 3) throw error(type + " bound needs [set name] column; got " + f.length + " fields");
            column = f[f.length - 1];
        } else { // BV: "BV col", "BV set col", "BV col value" or "BV set col value"
            if (f.length == 2) column = f[1];
            else if (f.length == 4) column = f[2];
            else if (f.length == 3) column = columnIndex.containsKey(f[1]) && isNumber(f[2]) ? f[1] : f[2];
            else throw error("BV bound needs [set name] column [value]; got " + f.length + " fields");
        }
        Integer j = columnIndex.get(column);
        if (j == null) throw error(type + " bound names column '" + column + "', which COLUMNS does not declare");
        ColumnData c = columns.get(j);
        switch (type) {
            case "UP" -> {
                c.upper = value;
                if (value < 0 && !c.lowerSet && c.lower == 0.0) c.lower = Double.NEGATIVE_INFINITY;
            }
            case "LO" -> { c.lower = value; c.lowerSet = true; }
            case "FX" -> { c.lower = value; c.upper = value; c.lowerSet = true; }
            case "FR" -> { c.lower = Double.NEGATIVE_INFINITY; c.upper = Double.POSITIVE_INFINITY; c.lowerSet = true; }
            case "MI" -> { c.lower = Double.NEGATIVE_INFINITY; c.lowerSet = true; }
            case "PL" -> c.upper = Double.POSITIVE_INFINITY;
            case "BV" -> { c.integer = true; c.binary = true; c.lower = 0.0; c.upper = 1.0; c.lowerSet = true; }
            case "LI" -> { c.integer = true; c.lower = value; c.lowerSet = true; }
            case "UI" -> {
                c.integer = true;
                c.upper = value;
                if (value < 0 && !c.lowerSet && c.lower == 0.0) c.lower = Double.NEGATIVE_INFINITY;
            }
            default -> throw new IllegalStateException(type);
        }
    }

    private void quadraticLine(String[] f) {
        if (f.length != 3) throw error(section + " entry needs column column value; got " + f.length + " fields");
        int a = quadColumn(f[0]);
        int b = quadColumn(f[1]);
        double v = number(f[2], section + " value of (" + f[0] + ", " + f[1] + ")");
        int i = Math.min(a, b);
        int j = Math.max(a, b);
        long key = ((long) i << 32) | j;
        if (section.equals("QUADOBJ")) {
            // one triangle: Q_ij = Q_ji = v, so 1/2 x'Qx holds v x_i x_j (i != j) or v/2 x_i^2
            Integer earlier = quadObjSeen.putIfAbsent(key, line);
            if (earlier != null) {
                throw error("QUADOBJ lists the pair (" + f[0] + ", " + f[1] + ") again (first on line " + earlier
                        + "); QUADOBJ holds one triangle, so each pair appears once. Maybe the section should be QMATRIX.");
            }
            quadratic.merge(key, i == j ? v / 2.0 : v, Double::sum);
        } else {
            // full matrix: (i, j) and (j, i) both appear; each contributes v/2 to the x_i x_j coefficient
            quadratic.merge(key, v / 2.0, Double::sum);
        }
    }

    private int quadColumn(String column) {
        Integer j = columnIndex.get(column);
        if (j == null) throw error(section + " names column '" + column + "', which COLUMNS does not declare");
        return j;
    }

    private Model build() {
        if (objectiveRow == null) throw error("ROWS declares no objective (N) row");
        ModelBuilder b = new ModelBuilder(name);
        LinearExpression.Builder objective = LinearExpression.builder().addConstant(objectiveConstant);
        for (ColumnData c : columns) {
            if (c.lower > c.upper) {
                throw new ModelFileException(source + ": column " + c.name + " has lower bound " + c.lower + " > upper bound " + c.upper);
            }
            VarType type = !c.integer ? VarType.CONTINUOUS : (c.binary || (c.lower >= 0 && c.upper <= 1)) ? VarType.BINARY : VarType.INTEGER;
            int j = b.addVariable(c.name, type, c.lower, c.upper);
            objective.add(j, c.objective);
        }
        for (RowData r : rows) {
            LinearExpression.Builder e = LinearExpression.builder();
            r.terms.forEach(e::add);
            double lo;
            double up;
            switch (r.type) {
                case 'L' -> { lo = Double.NEGATIVE_INFINITY; up = r.rhs; }
                case 'G' -> { lo = r.rhs; up = Double.POSITIVE_INFINITY; }
                case 'E' -> { lo = r.rhs; up = r.rhs; }
                default -> { lo = Double.NEGATIVE_INFINITY; up = Double.POSITIVE_INFINITY; }
            }
            if (r.range != null) {
                double range = r.range;
                switch (r.type) {
                    case 'L' -> lo = r.rhs - Math.abs(range);
                    case 'G' -> up = r.rhs + Math.abs(range);
                    default -> {
                        if (range >= 0) up = r.rhs + range;
                        else lo = r.rhs + range;
                    }
                }
            }
            b.addConstraint(new LinearConstraint(r.name, e.build(), lo, up));
        }
        List<QuadraticTerm> q = new ArrayList<>();
        quadratic.forEach((k, v) -> { if (v != 0.0) q.add(new QuadraticTerm((int) (k >>> 32), (int) (long) k, v)); });
        b.objective(new Objective(objective.build(), q, List.of()));
        try {
            return b.build();
        } catch (ModelException e) {
            throw new ModelFileException(source + ": " + e.getMessage());
        }
    }

    private double number(String s, String what) {
        try {
            double v = Double.parseDouble(s);
            if (Double.isNaN(v)) throw error(what + " is NaN");
            return v;
        } catch (NumberFormatException e) {
            throw error(what + ": '" + s + "' is not a number");
        }
    }

    private static double infinite(double v) {
        if (v >= INFINITY_THRESHOLD) return Double.POSITIVE_INFINITY;
        if (v <= -INFINITY_THRESHOLD) return Double.NEGATIVE_INFINITY;
        return v;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private ModelFileException error(String problem) {
        return ModelFileException.at(source, line, problem);
    }
}
