package certus.app.cli;

import certus.formulations.ExactResult;
import certus.formulations.ExactSolver;
import certus.formulations.MKind;
import certus.smtl.ObjectiveEvaluator;
import certus.solver.Availability;
import certus.solver.Backends;
import certus.solver.CancellationToken;
import certus.solver.Capability;
import certus.solver.Model;
import certus.solver.SolveListener;
import certus.solver.SolveParameters;
import certus.solver.SolveResult;
import certus.solver.SolverBackend;
import certus.solver.Termination;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Test-only fakes: exact engines that return scripted results around the heuristic's warm start, and backends. */
final class Scripted {
    private Scripted() {}

    record FakeBackend(String name, String version, Availability availability) implements SolverBackend {
        public Set<Capability> capabilities() { return EnumSet.of(Capability.MILP, Capability.MIQP, Capability.HINTS); }
        public SolveResult solve(Model m, SolveParameters p, SolveListener l, CancellationToken c) { throw new UnsupportedOperationException(); }
    }

    static final Backends BACKENDS = Backends.of(List.of(new FakeBackend("scip", "10.0.0", Availability.yes()),
            new FakeBackend("gurobi", "12.0.3", Availability.no("no licence found (GRBException 10009). Maybe install a Gurobi licence."))));

    static CliEnvironment env(ExactSolver solver) {
        return env(solver, new CancellationToken());
    }

    static CliEnvironment env(ExactSolver solver, CancellationToken token) {
        return new CliEnvironment(() -> BACKENDS, m -> solver, () -> token, false);
    }

    /** A solver reporting the warm start with {@code bound = factor * objective}. */
    static ExactSolver withBound(double factor, Termination t, MKind kind) {
        return (problem, warm, o, b, l, c) -> {
            double f = ObjectiveEvaluator.value(problem, warm);
            l.onProgress(new SolveListener.SolveProgress(0.1, f, f * factor, 7));
            return new ExactResult(warm, f, f * factor, t, o.method(), o.backend(), "10.0.0", kind, kind == MKind.NONE ? Double.NaN : 5.0,
                    0, 0.2, 7, 3, 12);
        };
    }

    static final ExactSolver OPTIMAL = withBound(1.0, Termination.optimal("proved"), MKind.NONE);
    static final ExactSolver TIME_LIMIT = withBound(0.95, Termination.limit(Termination.Limit.TIME, true, "time limit"), MKind.NONE);
    static final ExactSolver CONDITIONAL = withBound(1.0, Termination.optimal("proved within |beta| <= M"), MKind.CHECKED);
    static final ExactSolver BOUND_ABOVE = withBound(1.05, Termination.optimal("proved"), MKind.NONE);
    static final ExactSolver NO_SOLUTION = (problem, warm, o, b, l, c) -> new ExactResult(null, Double.NaN, Double.NEGATIVE_INFINITY,
            Termination.limit(Termination.Limit.TIME, false, "time limit"), o.method(), o.backend(), "10.0.0", MKind.NONE, Double.NaN, 0, 1, 0, 1, 0);
    static final ExactSolver CRASH = (problem, warm, o, b, l, c) -> new ExactResult(null, Double.NaN, Double.NEGATIVE_INFINITY,
            Termination.error(Termination.Reason.OTHER_ERROR, "native solver crashed"), o.method(), o.backend(), "10.0.0", MKind.NONE,
            Double.NaN, 0, 1, 0, 1, 0);

    /** Simulates Ctrl-C mid-solve: cancels the token (as the shutdown hook does) and stops like a backend would. */
    static ExactSolver cancelledMidSolve(CancellationToken token) {
        return (problem, warm, o, b, l, c) -> {
            token.cancel();
            if (!c.isCancelled()) throw new AssertionError("the solver was not given the run's token");
            double f = ObjectiveEvaluator.value(problem, warm);
            return new ExactResult(warm, f, 0.8 * f, Termination.limit(Termination.Limit.INTERRUPTED, true, "interrupted"), o.method(),
                    o.backend(), "10.0.0", MKind.NONE, Double.NaN, 0, 0.3, 99, 2, 5);
        };
    }
}
