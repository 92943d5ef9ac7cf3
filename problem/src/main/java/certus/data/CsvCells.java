package certus.data;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cell-level parsing and the one place the message prefix "file line L, column 'name' (c)" is spelled, so every
 * reader error points at the same kind of location. Column indices in messages are 1-based, like lines, because
 * users count columns in spreadsheets from 1.
 */
final class CsvCells {
    /**
     * Plain decimal numbers only. {@link Double#parseDouble} also accepts "NaN", "Infinity", hex floats and
     * type suffixes ("1d", "2f"); none of those is a sensible data value, so the syntax is checked first.
     */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");

    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d+,\\d+");

    /** Spellings of "missing" and "non-finite" that deserve a specific message instead of "not a number". */
    private static final Set<String> NON_FINITE = Set.of("nan", "+nan", "-nan", "inf", "+inf", "-inf", "infinity", "+infinity",
            "-infinity", "na", "n/a", "null", "none", "?");

    private CsvCells() {
    }

    static String at(String source, long line) {
        return source + " line " + line;
    }

    /** "file line L, column 'name' (c)" with c the 0-based header index shown 1-based. */
    static String at(String source, long line, String column, int columnIndex) {
        return source + " line " + line + ", column '" + column + "' (" + (columnIndex + 1) + ")";
    }

    /**
     * Parses a finite decimal number, tolerating surrounding whitespace.
     *
     * @param where location prefix from {@link #at(String, long, String, int)}
     * @throws DataFormatException naming the location and quoting the bad text
     */
    static double parseFinite(String raw, String where) {
        String s = raw.strip();
        if (s.isEmpty()) {
            throw new DataFormatException(where + ": empty cell; missing values are not supported. "
                    + "Maybe impute the value or remove the row or --drop the column");
        }
        if (NON_FINITE.contains(s.toLowerCase(Locale.ROOT))) {
            throw new DataFormatException(where + ": '" + s + "' is not a finite number; missing and infinite values are "
                    + "not supported. Maybe impute the value or remove the row or --drop the column");
        }
        if (!DECIMAL.matcher(s).matches()) {
            String hint = DECIMAL_COMMA.matcher(s).matches() ? ". Maybe the file uses a decimal comma; write '"
                    + s.replace(',', '.') + "'" : "";
            throw new DataFormatException(where + ": '" + s + "' is not a number" + hint);
        }
        double v = Double.parseDouble(s);
        if (!Double.isFinite(v)) {
            throw new DataFormatException(where + ": '" + s + "' is out of the range of a double (about 1.8e308)");
        }
        return v;
    }
}
