package certus.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The header row resolved against {@link CsvFormatOptions}: which column is the task, which the response, and
 * which are features. All header-level problems are detected here, before any data row is read, so that a wrong
 * option fails at once with the list of available columns instead of after scanning a large file.
 */
final class CsvHeader {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    final String source;
    final long line;
    final List<String> names;
    final int taskColumn;
    /** Header index of the response column, or -1 when the file has none (allowed for prediction files). */
    final int responseColumn;
    /** Header indices of the feature columns, in header order. */
    final int[] featureColumns;
    final List<String> featureNames;

    private CsvHeader(String source, long line, List<String> names, int taskColumn, int responseColumn, int[] featureColumns,
                      List<String> featureNames) {
        this.source = source;
        this.line = line;
        this.names = names;
        this.taskColumn = taskColumn;
        this.responseColumn = responseColumn;
        this.featureColumns = featureColumns;
        this.featureNames = featureNames;
    }

    static CsvHeader parse(CsvRecordSource.Row header, CsvFormatOptions options, String source) {
        long line = header.line();
        String where = CsvCells.at(source, line);
        List<String> names = new ArrayList<>(header.fields().length);
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < header.fields().length; c++) {
            String name = header.fields()[c];
            if (c == 0 && !name.isEmpty() && name.charAt(0) == BYTE_ORDER_MARK) name = name.substring(1);
            name = name.strip();
            if (name.isEmpty()) {
                String hint = c == header.fields().length - 1 ? ". Maybe the lines end with a stray ','" : "";
                throw new DataFormatException(where + ", column " + (c + 1) + ": empty column name; every column needs a name" + hint);
            }
            Integer previous = index.putIfAbsent(name, c);
            if (previous != null) {
                throw new DataFormatException(CsvCells.at(source, line, name, c) + ": duplicate column name '" + name
                        + "' (also column " + (previous + 1) + "). Maybe rename one of them");
            }
            names.add(name);
        }
        List<String> all = List.copyOf(names);

        Integer task = index.get(options.taskColumn());
        if (task == null) {
            if (looksLikeData(all)) {
                throw new DataFormatException(where + ": no task column '" + options.taskColumn() + "'; the first row "
                        + all + " looks like data, not a header. Maybe add a header row such as 'task,y,x1,x2'");
            }
            throw new DataFormatException(where + ": no task column '" + options.taskColumn() + "'; the header has columns "
                    + all + ". Maybe " + suggest(options.taskColumn(), all, "--task-col", "the task labels"));
        }
        Integer response = index.get(options.responseColumn());
        boolean responseDropped = options.dropColumns().contains(options.responseColumn());
        if (options.requireResponse() && (response == null || responseDropped)) {
            if (responseDropped) {
                throw new DataFormatException(where + ": the response column '" + options.responseColumn()
                        + "' is also listed in --drop; training needs a response. Maybe remove it from --drop");
            }
            throw new DataFormatException(where + ": no response column '" + options.responseColumn() + "'; the header has columns "
                    + all + ". Maybe " + suggest(options.responseColumn(), all, "--response", "the response"));
        }
        if (options.dropColumns().contains(options.taskColumn())) {
            throw new DataFormatException(where + ": the task column '" + options.taskColumn()
                    + "' is also listed in --drop; every row needs a task. Maybe remove it from --drop");
        }
        for (String d : new TreeSet<>(options.dropColumns())) {
            if (!index.containsKey(d) && !d.equals(options.responseColumn())) {
                throw new DataFormatException(where + ": --drop column '" + d + "' is not in the header; the header has columns "
                        + all + ". Maybe check the spelling (names are case-sensitive)");
            }
        }
        int responseColumn = response == null || responseDropped ? -1 : response;

        Set<String> drop = options.dropColumns();
        List<Integer> featureIdx = new ArrayList<>();
        List<String> featureNames = new ArrayList<>();
        for (int c = 0; c < all.size(); c++) {
            String n = all.get(c);
            if (c == task || (response != null && c == response) || drop.contains(n)) continue;
            featureIdx.add(c);
            featureNames.add(n);
        }
        if (featureIdx.isEmpty()) {
            throw new DataFormatException(where + ": no feature columns left after removing the task column '"
                    + options.taskColumn() + "', the response column '" + options.responseColumn() + "' and dropped columns "
                    + new TreeSet<>(drop) + "; the header has columns " + all + ". Maybe check --drop");
        }
        return new CsvHeader(source, line, all, task, responseColumn, featureIdx.stream().mapToInt(Integer::intValue).toArray(),
                List.copyOf(featureNames));
    }

    /** A header where most names are numbers is almost surely a data row: the file lacks a header. */
    private static boolean looksLikeData(List<String> names) {
        int numeric = 0;
        for (String n : names) {
            try {
                CsvCells.parseFinite(n, "");
                numeric++;
            } catch (DataFormatException e) {
                // not a number: a plausible column name
            }
        }
        return numeric * 2 > names.size();
    }

    /** "pass --task-col 'Task'" when a case-insensitive match exists, else a general hint. */
    private static String suggest(String wanted, List<String> names, String option, String what) {
        for (String n : names) {
            if (n.equalsIgnoreCase(wanted)) return "pass " + option + " '" + n + "' (names are case-sensitive)";
        }
        return "pass " + option + " with the name of the column that holds " + what;
    }

    int width() {
        return names.size();
    }

    String name(int c) {
        return names.get(c);
    }

    /** Header index of a column name, or -1. */
    int indexOf(String name) {
        return names.indexOf(name);
    }
}
