package certus.app.cli;

import certus.data.Standardizer;
import certus.estimators.Smtl;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** Options of every fitting command: time budget, seed and standardization. */
final class RunOptions {
    @Option(names = "--time-limit", paramLabel = "SEC", description = "Wall-clock budget per fit in seconds (default: none).")
    Double timeLimit;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--standardize", defaultValue = "none", paramLabel = "MODE", converter = StandardizerConverter.class,
            description = "Rescale features within each task before fitting: none, mle (divide by the ML standard deviation) "
                    + "or reference (the sMTL package's sd*(n-1)/n). Coefficients are reported on the raw scale; the "
                    + "objective refers to the rescaled problem (default: ${DEFAULT-VALUE}).")
    Standardizer standardize;

    Smtl.Builder configure(Smtl.Builder b) {
        b.seed(seed).standardize(standardize);
        if (timeLimit != null) b.timeLimitSeconds(timeLimit);
        return b;
    }

    /** Case-insensitive names with the list of valid ones in the error (picocli turns it into exit code 2). */
    static final class StandardizerConverter implements ITypeConverter<Standardizer> {
        @Override
        public Standardizer convert(String value) {
            return Standardizer.parse(value);
        }
    }
}
