package certus.solver.testing;

import certus.solver.Availability;
import certus.solver.Backends;
import certus.solver.CancellationToken;
import certus.solver.Capability;
import certus.solver.Model;
import certus.solver.PrimalStatus;
import certus.solver.SolveListener;
import certus.solver.SolveParameters;
import certus.solver.SolveResult;
import certus.solver.SolverBackend;
import certus.solver.Termination;
import certus.solver.Termination.Limit;
import certus.solver.Termination.Reason;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A fake backend that returns a scripted sequence of results (MathOptInterface's MockOptimizer idea), so callers'
 * status handling (limits with incumbents, infeasibility, errors, unavailable backends) is tested without a real
 * solver. Declares a name, capabilities and availability; records every model and parameter set it was given;
 * enforces capabilities like a real backend. Thread-safe. Running out of script is a test bug: it throws.
 */
public final class ScriptedBackend implements SolverBackend {
    /** One solve call as received. */
    public record Call(Model model, SolveParameters parameters) {}

    private final String name;
    private final Set<Capability> capabilities;
    private final Availability availability;
    private final Deque<SolveResult> script = new ArrayDeque<>();
    private final List<Call> calls = new ArrayList<>();

    public ScriptedBackend(String name, Set<Capability> capabilities, Availability availability) {
        this.name = name;
        this.capabilities = capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities);
        this.availability = availability;
    }

    /** An available backend with every capability. */
    public static ScriptedBackend available(String name) {
        return new ScriptedBackend(name, EnumSet.allOf(Capability.class), Availability.yes());
    }

    /** A backend that is present but cannot run, e.g. {@code unavailable("gurobi", "no licence ...")}. */
    public static ScriptedBackend unavailable(String name, String reason) {
        return new ScriptedBackend(name, EnumSet.allOf(Capability.class), Availability.no(reason));
    }

    /** Appends results to return, in order, from the next {@code solve} calls. */
    public synchronized ScriptedBackend then(SolveResult... results) {
        script.addAll(List.of(results));
        return this;
    }

    public synchronized List<Call> calls() { return List.copyOf(calls); }

    public synchronized int remaining() { return script.size(); }

    @Override
    public String name() { return name; }

    @Override
    public String version() { return "scripted"; }

    @Override
    public Set<Capability> capabilities() { return Set.copyOf(capabilities); }

    @Override
    public Availability availability() { return availability; }

    @Override
    public synchronized SolveResult solve(Model model, SolveParameters parameters, SolveListener listener, CancellationToken cancellation) {
        if (!availability.available()) throw new IllegalStateException("scripted backend " + name + " is unavailable: " + availability.reason());
        Backends.checkCapabilities(this, model);
        calls.add(new Call(model, parameters));
        SolveResult next = script.pollFirst();
        if (next == null) throw new IllegalStateException("scripted backend " + name + " has no result left for call " + calls.size());
        return next;
    }

    // ---- ready-made results for the common scripts ----

    public static SolveResult optimal(double[] x, double objective) {
        return new SolveResult(Termination.optimal("scripted"), PrimalStatus.FEASIBLE_POINT, x, objective, objective, 0.1, 1, "scripted", "scripted");
    }

    /** Time limit hit with an incumbent and a bound. */
    public static SolveResult timeLimit(double[] x, double objective, double bound) {
        return new SolveResult(Termination.limit(Limit.TIME, true, "scripted"), PrimalStatus.FEASIBLE_POINT, x, objective, bound, 1.0, 100, "scripted", "scripted");
    }

    /** Time limit hit before any incumbent. */
    public static SolveResult timeLimitNoSolution(double bound) {
        return SolveResult.noSolution(Termination.limit(Limit.TIME, false, "scripted"), bound, 1.0, "scripted", "scripted");
    }

    public static SolveResult infeasible() {
        return SolveResult.noSolution(Termination.error(Reason.INFEASIBLE, "scripted"), Double.NEGATIVE_INFINITY, 0.1, "scripted", "scripted");
    }

    public static SolveResult error(String detail) {
        return SolveResult.noSolution(Termination.error(Reason.OTHER_ERROR, detail), Double.NEGATIVE_INFINITY, 0.1, "scripted", "scripted");
    }
}
