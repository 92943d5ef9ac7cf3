package certus.app.cli;

import java.util.List;

/**
 * Subcommands contributed by a module that depends on the app (the benchmarks module's {@code bench} and
 * {@code experiment}), found with {@link java.util.ServiceLoader}. The app cannot depend on those modules, so they
 * plug in here and share the command line's error handling and exit codes. A jar without extensions (the plain app)
 * simply has no such commands; the {@code certus} launcher runs them from the benchmarks jar.
 */
public interface CliExtension {
    /** picocli command objects (annotated with {@code @Command}) to add under {@code certus}. */
    List<Object> subcommands();
}
