package certus.app.cli;

import certus.estimators.Smtl;
import picocli.CommandLine.Option;

/** Options of every fitting command: time budget and seed. */
final class RunOptions {
    @Option(names = "--time-limit", paramLabel = "SEC", description = "Wall-clock budget per fit in seconds (default: none).")
    Double timeLimit;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    Smtl.Builder configure(Smtl.Builder b) {
        b.seed(seed);
        if (timeLimit != null) b.timeLimitSeconds(timeLimit);
        return b;
    }
}
