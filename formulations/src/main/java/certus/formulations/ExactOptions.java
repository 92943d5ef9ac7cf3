package certus.formulations;

import certus.solver.SolveParameters;

import java.util.Objects;

/**
 * Options of one exact solve.
 *
 * @param method     formulation
 * @param backend    backend name (see {@link certus.solver.Backends}); for OA, the MILP master's backend
 * @param parameters time limit, gap tolerance (default 1e-4), threads, seed, raw backend options
 * @param maxRounds  OA round cap (ignored by MIQP methods)
 */
public record ExactOptions(ExactMethod method, String backend, SolveParameters parameters, int maxRounds) {
    public ExactOptions {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(parameters, "parameters");
        if (maxRounds < 1) throw new IllegalArgumentException("maxRounds must be >= 1, got " + maxRounds);
    }

    public static ExactOptions of(ExactMethod method, String backend) {
        return new ExactOptions(method, backend, SolveParameters.defaults(), 10_000);
    }

    public ExactOptions withParameters(SolveParameters p) {
        return new ExactOptions(method, backend, p, maxRounds);
    }
}
