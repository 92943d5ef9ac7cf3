package certus.app.cli;

import certus.formulations.ExactMethod;
import certus.formulations.ExactMethods;
import certus.formulations.ExactSolver;
import certus.solver.Backends;
import certus.solver.CancellationToken;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the solver-facing commands take from the outside world, passed in rather than looked up globally so tests
 * run the real command line against scripted solvers and a fixed backend list.
 *
 * @param backends           the backend registry (production: a ServiceLoader snapshot)
 * @param solvers            exact engine per method (production: {@link ExactMethods#solverFor})
 * @param cancellation       a fresh token per run (tests may hand out one they cancel)
 * @param installShutdownHook whether Ctrl-C cancels the run and waits for the certificate (off in tests: the JVM
 *                           is shared and never exits there)
 */
record CliEnvironment(Supplier<Backends> backends, Function<ExactMethod, ExactSolver> solvers, Supplier<CancellationToken> cancellation,
                      boolean installShutdownHook) {
    CliEnvironment {
        Objects.requireNonNull(backends, "backends");
        Objects.requireNonNull(solvers, "solvers");
        Objects.requireNonNull(cancellation, "cancellation");
    }

    static CliEnvironment production() {
        return new CliEnvironment(Backends::discover, ExactMethods::solverFor, CancellationToken::new, true);
    }
}
