package certus.app.cli;

import certus.estimators.cv.CvResult;
import certus.estimators.cv.CvRow;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The CV table as CSV: one row per grid point with s, ridge, bbar, zbar, mean_rmse, se_rmse, fold_1..fold_K, and
 * flags for the argmin ({@code best}) and the 1-SE choice ({@code chosen}).
 */
final class CvTableCsv {
    private CvTableCsv() {}

    static String write(CvResult result) {
        List<String> header = new ArrayList<>(List.of("s", "ridge", "bbar", "zbar", "mean_rmse", "se_rmse"));
        for (int f = 1; f <= result.folds(); f++) header.add("fold_" + f);
        header.add("best");
        header.add("chosen");
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header.toArray(new String[0])).setRecordSeparator("\n").get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (int g = 0; g < result.rows().size(); g++) {
                CvRow r = result.rows().get(g);
                List<Object> row = new ArrayList<>(List.of(r.params().s(), r.params().ridge(), r.params().bbar(), r.params().zbar(),
                        r.meanRmse(), r.seRmse()));
                for (double e : r.foldRmse()) row.add(e);
                row.add(g == result.bestIndex());
                row.add(g == result.chosenIndex());
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
