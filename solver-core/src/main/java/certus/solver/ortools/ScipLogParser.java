package certus.solver.ortools;

import certus.solver.SolveListener.SolveProgress;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads SCIP's progress table from its log: a header line naming the columns ({@code node}, {@code dualbound},
 * {@code primalbound}, ...) separated by {@code |}, then one row per display event. Column positions are taken
 * from the latest header (SCIP reprints it and its columns vary with the model), so the parser needs no fixed
 * layout. Cells SCIP has nothing for ({@code --}, {@code -}) read as "unknown": +Infinity incumbent, -Infinity
 * bound. Values are SCIP's external (original-space) objective, the one Certus solved. Not thread-safe: one
 * parser per log.
 */
final class ScipLogParser {
    private int nodeColumn = -1;
    private int dualColumn = -1;
    private int primalColumn = -1;
    private int columns = -1;

    /** The progress a table row shows, or empty for any other line (headers, messages, statistics). */
    Optional<SolveProgress> progress(String line, double elapsedSeconds) {
        if (line.indexOf('|') < 0) return Optional.empty();
        String[] cells = line.split("\\|", -1);
        if (isHeader(cells)) return Optional.empty();
        if (dualColumn < 0 || cells.length != columns) return Optional.empty();
        double bound = number(cells[dualColumn], Double.NEGATIVE_INFINITY);
        double incumbent = number(cells[primalColumn], Double.POSITIVE_INFINITY);
        if (Double.isNaN(bound) || Double.isNaN(incumbent)) return Optional.empty();
        long nodes = nodeColumn < 0 ? 0 : count(cells[nodeColumn]);
        return Optional.of(new SolveProgress(elapsedSeconds, incumbent, bound, nodes));
    }

    private boolean isHeader(String[] cells) {
        int dual = -1, primal = -1, node = -1;
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i].trim().toLowerCase(Locale.ROOT);
            if (c.equals("dualbound")) dual = i;
            else if (c.equals("primalbound")) primal = i;
            else if (c.equals("node")) node = i;
        }
        if (dual < 0 || primal < 0) return false;
        dualColumn = dual;
        primalColumn = primal;
        nodeColumn = node;
        columns = cells.length;
        return true;
    }

    /** A number, {@code fallback} for SCIP's "no value" dashes, NaN for anything else (then the row is skipped). */
    private static double number(String cell, double fallback) {
        String c = cell.trim();
        if (c.isEmpty() || c.chars().allMatch(ch -> ch == '-')) return fallback;
        try {
            double v = Double.parseDouble(c);
            if (v >= NativeResponse.NATIVE_INFINITY) return Double.POSITIVE_INFINITY;
            if (v <= -NativeResponse.NATIVE_INFINITY) return Double.NEGATIVE_INFINITY;
            return v;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Node counts: plain, or with SCIP's k / M suffix for thousands and millions. */
    private static long count(String cell) {
        String c = cell.trim();
        if (c.isEmpty()) return 0;
        long scale = 1;
        char last = c.charAt(c.length() - 1);
        if (last == 'k' || last == 'K') scale = 1_000;
        else if (last == 'M') scale = 1_000_000;
        if (scale > 1) c = c.substring(0, c.length() - 1);
        try {
            return Long.parseLong(c.trim()) * scale;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
