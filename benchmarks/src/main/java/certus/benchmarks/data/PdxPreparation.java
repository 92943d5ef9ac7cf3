package certus.benchmarks.data;

import org.apache.commons.csv.CSVRecord;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The PDX Encyclopedia (Gao et al. 2015, as screened by Rashid et al. 2021; see ../shared/data/pdxe/README.md)
 * as a Certus long-format table: one row per untreated PDX model.
 *
 * <ul>
 *   <li>task = {@code TumorType} (BRCA, CM, CRC, NSCLC, PDAC);</li>
 *   <li>response {@value #RESPONSE} = natural log of the untreated arm's {@code TimeToDouble} (days), the scale
 *       Rashid et al. model; the raw range 2..136 days is strongly right-skewed;</li>
 *   <li>features = the 178 common screened genes of {@code pdxe_common_screened_features_by_model.csv}:
 *       {@code .cn} copy numbers unchanged, {@code .rna} FPKM transformed by log2(x + 1) as the data README
 *       asks (FPKM ranges 0..13,500);</li>
 *   <li>id column {@value #ID} (drop it with {@code --drop model}).</li>
 * </ul>
 * The join is inner on {@code Model}; models present in only one file are listed in the notes (two models,
 * X-2283 and X-4377, have features but no untreated response). A model whose tumor type differs between the
 * two files is an error. Rows are sorted by task, then model. Features are NOT standardized here: Certus does
 * that within each task ({@code --standardize mle}), so the certified problem is stated on the command line.
 */
public final class PdxPreparation {
    public static final String RESPONSE_FILE = "pdxe_untreated_response.csv";
    public static final String FEATURE_FILE = "pdxe_common_screened_features_by_model.csv";
    public static final String TASK = "task";
    public static final String ID = "model";
    public static final String RESPONSE = "log_time_to_double";

    private PdxPreparation() {
    }

    /** Reads the two files from {@code pdxeDir} (the shared pdxe folder). */
    public static PreparedTable prepare(Path pdxeDir) {
        return prepare(pdxeDir.resolve(RESPONSE_FILE), pdxeDir.resolve(FEATURE_FILE));
    }

    public static PreparedTable prepare(Path responseFile, Path featureFile) {
        SourceTable response = SourceTable.read(responseFile);
        SourceTable features = SourceTable.read(featureFile);
        Map<String, CSVRecord> responseByModel = response.byKey("Model");
        Map<String, CSVRecord> featuresByModel = features.byKey("Model");
        int responseType = response.column("TumorType");
        int ttd = response.column("TimeToDouble");
        int featureType = features.column("TumorType");

        List<String> featureNames = new ArrayList<>();
        List<Integer> featureColumns = new ArrayList<>();
        List<Boolean> isRna = new ArrayList<>();
        for (int c = 0; c < features.header().size(); c++) {
            String name = features.header().get(c);
            if (name.equals("Model") || name.equals("TumorType")) continue;
            boolean rna = name.endsWith(".rna");
            if (!rna && !name.endsWith(".cn")) {
                throw new IllegalArgumentException(featureFile + ": column '" + name + "' is neither .cn nor .rna; the common table should hold only those");
            }
            featureNames.add(name);
            featureColumns.add(c);
            isRna.add(rna);
        }

        List<String> header = new ArrayList<>(List.of(TASK, ID, RESPONSE));
        header.addAll(featureNames);
        List<List<String>> rows = new ArrayList<>();
        Map<String, Integer> taskCounts = new LinkedHashMap<>();
        List<String> models = new ArrayList<>(responseByModel.keySet());
        models.sort(Comparator.comparing((String m) -> responseByModel.get(m).get(responseType)).thenComparing(m -> m));
        List<String> responseOnly = new ArrayList<>();
        for (String model : models) {
            CSVRecord r = responseByModel.get(model);
            CSVRecord f = featuresByModel.get(model);
            if (f == null) {
                responseOnly.add(model);
                continue;
            }
            String type = r.get(responseType);
            if (!type.equals(f.get(featureType))) {
                throw new IllegalArgumentException("model " + model + " is " + type + " in " + responseFile + " line " + SourceTable.line(r)
                        + " but " + f.get(featureType) + " in " + featureFile + " line " + SourceTable.line(f));
            }
            double days = response.number(r, ttd);
            if (!(days > 0)) {
                throw new IllegalArgumentException(responseFile + " line " + SourceTable.line(r) + ": TimeToDouble " + days + " is not positive; log undefined");
            }
            List<String> row = new ArrayList<>(header.size());
            row.add(type);
            row.add(model);
            row.add(Double.toString(Math.log(days)));
            for (int j = 0; j < featureColumns.size(); j++) {
                double x = features.number(f, featureColumns.get(j));
                if (isRna.get(j)) {
                    if (x < 0) {
                        throw new IllegalArgumentException(featureFile + " line " + SourceTable.line(f) + ", column '" + featureNames.get(j)
                                + "': negative FPKM " + x);
                    }
                    row.add(Double.toString(Math.log1p(x) / Math.log(2)));
                } else {
                    row.add(f.get(featureColumns.get(j)));
                }
            }
            rows.add(row);
            taskCounts.merge(type, 1, Integer::sum);
        }
        TreeSet<String> featureOnly = new TreeSet<>(featuresByModel.keySet());
        featureOnly.removeAll(responseByModel.keySet());

        long rnaCount = isRna.stream().filter(b -> b).count();
        List<String> notes = new ArrayList<>();
        notes.add("PDX: " + rows.size() + " models joined on Model; " + taskCounts.size() + " tasks " + taskCounts);
        notes.add("PDX: response " + RESPONSE + " = ln(TimeToDouble in days) of the untreated arm");
        notes.add("PDX: " + featureNames.size() + " features: " + (featureNames.size() - rnaCount) + " .cn unchanged, " + rnaCount
                + " .rna as log2(FPKM + 1)");
        notes.add("PDX: dropped " + featureOnly.size() + " model(s) with features but no untreated response: " + featureOnly);
        notes.add("PDX: dropped " + responseOnly.size() + " model(s) with a response but no features: " + responseOnly);
        return new PreparedTable(header, rows, taskCounts, notes);
    }
}
