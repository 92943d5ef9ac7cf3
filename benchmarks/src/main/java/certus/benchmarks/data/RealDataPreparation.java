package certus.benchmarks.data;

import java.nio.file.Path;

/**
 * Writes the real-data tables of benchmarks/RESULTS.md ("Real data certification") from the shared raw data:
 * {@code pdxe_untreated.csv} ({@link PdxPreparation}) and {@code school_top10.csv} ({@link SchoolPreparation}).
 * Each file is written atomically; what was left out is printed to stderr.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar certus.benchmarks.data.RealDataPreparation [SHARED_DATA_DIR [OUT_DIR]]</pre>
 * Defaults: {@code ../shared/data} and {@code benchmarks/data} (run from the repository root).
 */
public final class RealDataPreparation {
    public static final String PDX_OUTPUT = "pdxe_untreated.csv";
    public static final int SCHOOLS = 10;
    public static final String SCHOOL_OUTPUT = "school_top10.csv";

    private RealDataPreparation() {
    }

    public static void main(String[] args) {
        if (args.length > 2 || (args.length > 0 && args[0].startsWith("-"))) {
            System.err.println("usage: RealDataPreparation [SHARED_DATA_DIR (default ../shared/data) [OUT_DIR (default benchmarks/data)]]");
            System.exit(2);
        }
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared/data");
        Path out = Path.of(args.length > 1 ? args[1] : "benchmarks/data");
        try {
            write(PdxPreparation.prepare(shared.resolve("pdxe")), out.resolve(PDX_OUTPUT));
            write(SchoolPreparation.prepare(shared.resolve("school_exam"), SCHOOLS), out.resolve(SCHOOL_OUTPUT));
        } catch (RuntimeException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void write(PreparedTable t, Path target) {
        t.notes().forEach(n -> System.err.println(n));
        t.write(target);
        System.err.println("wrote " + target + " (" + t.rows().size() + " rows, " + t.header().size() + " columns)");
    }
}
