package certus.benchmarks.data;

import org.apache.commons.csv.CSVRecord;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A deterministic subset of the ILEA school exam data (MALSAR's school.mat as converted in
 * ../shared/data/school_exam/README.md) as a Certus long-format table.
 *
 * <p>Subset: the {@code largest} schools by number of students, ties broken by the smaller school id (for 10:
 * schools 30, 72, 133, 39, 130, 11, 134, 4, 111, 24, 2,259 students). Rows are written by school id, students in
 * source order. task = {@code school} (the source's cell index), response = {@code exam_score} unchanged, id
 * column {@code student_in_school} (drop it with {@code --drop student_in_school}), features = the 27
 * attributes unchanged. The constant {@code bias} column is left out (checked to be 1 everywhere): Certus fits an
 * unpenalized intercept per task. Two kinds of column stay in on purpose and are inert rather than harmful:
 * the school-level one-hots ({@code school_gender_*}, {@code school_denom_*}) are constant within every school,
 * so Certus never selects them (the intercept absorbs them; the reader warns); and every one-hot block sums to 1
 * (vrband to 0 or 1), i.e. is collinear with the intercept, which the ridge term keeps well posed.
 */
public final class SchoolPreparation {
    public static final String FILE = "school.csv";
    public static final String TASK = "school";
    public static final String ID = "student_in_school";
    public static final String RESPONSE = "exam_score";
    static final String BIAS = "bias";

    private SchoolPreparation() {
    }

    public static PreparedTable prepare(Path schoolDir, int largest) {
        return prepareFile(schoolDir.resolve(FILE), largest);
    }

    public static PreparedTable prepareFile(Path file, int largest) {
        if (largest < 1) throw new IllegalArgumentException("number of schools must be >= 1, got " + largest);
        SourceTable t = SourceTable.read(file);
        int task = t.column(TASK);
        int bias = t.column(BIAS);
        Set<String> nonFeatures = Set.of(TASK, ID, RESPONSE, BIAS);
        List<Integer> keep = new ArrayList<>();
        keep.add(task);
        keep.add(t.column(ID));
        keep.add(t.column(RESPONSE));
        for (int c = 0; c < t.header().size(); c++) if (!nonFeatures.contains(t.header().get(c))) keep.add(c);

        Map<Integer, List<CSVRecord>> bySchool = new TreeMap<>();
        for (CSVRecord r : t.rows()) {
            if (t.number(r, bias) != 1.0) {
                throw new IllegalArgumentException(file + " line " + SourceTable.line(r) + ": bias is " + r.get(bias) + ", expected 1");
            }
            for (int c : keep) if (c != task) t.number(r, c); // every kept cell must be numeric
            bySchool.computeIfAbsent((int) t.number(r, task), k -> new ArrayList<>()).add(r);
        }
        if (largest > bySchool.size()) throw new IllegalArgumentException(file + " has " + bySchool.size() + " schools, asked for " + largest);
        List<Integer> bySize = new ArrayList<>(bySchool.keySet());
        bySize.sort(Comparator.comparing((Integer s) -> -bySchool.get(s).size()).thenComparing(s -> s));
        TreeSet<Integer> chosen = new TreeSet<>(bySize.subList(0, largest));

        List<String> header = new ArrayList<>();
        for (int c : keep) header.add(t.header().get(c));
        List<List<String>> rows = new ArrayList<>();
        Map<String, Integer> taskCounts = new LinkedHashMap<>();
        for (int school : chosen) {
            for (CSVRecord r : bySchool.get(school)) {
                List<String> row = new ArrayList<>(keep.size());
                for (int c : keep) row.add(r.get(c));
                rows.add(row);
            }
            taskCounts.put(Integer.toString(school), bySchool.get(school).size());
        }
        List<String> notes = new ArrayList<>();
        notes.add("school: the " + largest + " largest of " + bySchool.size() + " schools (ties by smaller id): " + taskCounts + ", "
                + rows.size() + " students of " + t.rows().size());
        notes.add("school: " + (header.size() - 3) + " features; '" + BIAS + "' left out (intercepts are fitted)");
        return new PreparedTable(header, rows, taskCounts, notes);
    }
}
