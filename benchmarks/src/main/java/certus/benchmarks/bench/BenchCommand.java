package certus.benchmarks.bench;

import certus.data.DataFormatException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code certus bench}: heuristics against exact solutions over a grid of simulated instances. Writes OUT/results.csv
 * (resumable), OUT/summary.md and PNG plots; progress with ETA on stderr.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark heuristics against certified optima over a design grid; results.csv, summary.md and plots in OUT.")
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    static final class Source {
        @Option(names = "--design", paramLabel = "FILE", description = "Design JSON (fields as in BenchDesign, snake_case).")
        Path design;

        @Option(names = "--preset", paramLabel = "NAME", description = "A built-in design: smoke (under 2 minutes) or paper (the sMTL paper's grid).")
        String preset;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--reps", paramLabel = "R", description = "Replicates per grid cell (default: the design's).")
    Integer reps;

    @Option(names = "--time-limit", paramLabel = "SEC", description = "Wall-clock limit per method per instance (default: the design's).")
    Double timeLimit;

    @Option(names = "--threads", defaultValue = "2", paramLabel = "N", description = "Instances run in parallel (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory; a re-run skips instances already in DIR/results.csv.")
    Path out;

    @Override
    public Integer call() throws InterruptedException {
        BenchDesign design = design().with(reps, timeLimit);
        PrintWriter err = spec.commandLine().getErr();
        BenchHarness.Run run = BenchHarness.run(design, out, threads, line -> {
            err.println(line);
            err.flush();
        });
        String command = "certus " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        BenchReport.write(run.rows(), out, "certus bench: " + (source.preset != null ? "preset " + source.preset : source.design.getFileName()), command);
        err.println("bench: ran " + run.ran() + ", skipped " + run.skipped() + " already done; wrote " + out.resolve(BenchHarness.RESULTS) + ", "
                + out.resolve("summary.md") + " and plots");
        return 0;
    }

    private BenchDesign design() {
        try {
            if (source.preset != null) return BenchPresets.get(source.preset);
            if (!Files.isRegularFile(source.design)) throw new DataFormatException("design file " + source.design + " does not exist");
            ObjectMapper mapper = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
            return mapper.readValue(source.design.toFile(), BenchDesign.class);
        } catch (IllegalArgumentException e) {
            throw new DataFormatException((source.design != null ? source.design + ": " : "") + e.getMessage());
        } catch (IOException e) {
            Throwable root = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            throw new DataFormatException(source.design + ": " + root.getMessage());
        }
    }
}
