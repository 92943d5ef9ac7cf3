package certus.benchmarks.bench;

import certus.data.AtomicFiles;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code results.csv}: read for resuming, rewritten whole and atomically (temp file + rename) after every finished
 * instance, so an interrupted run leaves a complete file of complete instances.
 */
public final class ResultsFile {
    private ResultsFile() {}

    public static List<ResultRow> read(Path file) {
        if (!Files.exists(file)) return List.of();
        List<String> header = new ArrayList<>(ResultRow.COLUMNS);
        header.addAll(ResultRow.CELL_COLUMNS);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            if (!parser.getHeaderNames().equals(header)) {
                throw new IllegalArgumentException(file + ": header " + parser.getHeaderNames() + " is not a results file of this version (" + header + ")");
            }
            List<ResultRow> out = new ArrayList<>();
            for (CSVRecord r : parser) {
                if (r.size() != header.size()) throw new IllegalArgumentException(file + ": line " + r.getRecordNumber() + " has " + r.size() + " cells, expected " + header.size());
                List<String> cell = new ArrayList<>();
                for (String c : ResultRow.CELL_COLUMNS) cell.add(r.get(c));
                out.add(new ResultRow(r.get("instance"), r.get("method"), num(r.get("objective")), num(r.get("bound")), r.get("status"),
                        num(r.get("seconds")), num(r.get("suboptimality")), num(r.get("gap")), num(r.get("excess_over_bound")), num(r.get("jaccard_exact")),
                        num(r.get("f1_truth")), r.get("detail"), cell));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ": not a number: " + e.getMessage());
        }
    }

    public static void write(Path file, List<ResultRow> rows) {
        StringWriter text = new StringWriter();
        List<String> header = new ArrayList<>(ResultRow.COLUMNS);
        header.addAll(ResultRow.CELL_COLUMNS);
        try (CSVPrinter p = new CSVPrinter(text, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).setRecordSeparator("\n").get())) {
            for (ResultRow r : rows) {
                List<Object> values = new ArrayList<>(List.of(r.instance(), r.method(), cell(r.objective()), cell(r.bound()), r.status(),
                        cell(r.seconds()), cell(r.suboptimality()), cell(r.gap()), cell(r.excessOverBound()), cell(r.jaccardExact()), cell(r.f1Truth()), r.detail()));
                values.addAll(r.cell());
                p.printRecord(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.writeString(file, text.toString());
    }

    private static String cell(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static double num(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }
}
