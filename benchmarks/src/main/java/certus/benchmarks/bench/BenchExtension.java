package certus.benchmarks.bench;

import certus.app.cli.CliExtension;

import java.util.List;

/** Plugs {@code certus bench} into the app's command line (ServiceLoader). */
public final class BenchExtension implements CliExtension {
    @Override
    public List<Object> subcommands() {
        return List.of(new BenchCommand(), new certus.benchmarks.experiment.ExperimentCommand());
    }
}
