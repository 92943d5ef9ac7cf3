package certus.solver.ortools;

import certus.solver.Availability;
import certus.solver.Backends;
import certus.solver.Bridges;
import certus.solver.CancellationToken;
import certus.solver.Capability;
import certus.solver.Model;
import certus.solver.PrimalStatus;
import certus.solver.SolveListener;
import certus.solver.SolveListener.SolveProgress;
import certus.solver.SolveParameters;
import certus.solver.SolveResult;
import certus.solver.SolverUnavailableException;
import certus.solver.Termination;
import certus.solver.Termination.Reason;
import com.google.ortools.linearsolver.MPModelProto;
import java.util.Set;

/**
 * The solve flow shared by the OR-Tools backends: capability check, cancellation check, bridging, translation,
 * one native solve (the subclass's), status mapping through the subclass's table, and mapping the point back to
 * the original variables. Subclasses hold no mutable state, so concurrent solves of different models are safe.
 *
 * <p>In process, no OR-Tools solve can be interrupted: quadratic objectives and quadratic rows reach
 * SCIP only through {@code MPSolver.solveWithProto}, whose Java binding in 9.15 takes no interrupt flag (checked
 * with javap), and {@code loadModelFromProto} refuses both ("only supported through direct proto solves"). A
 * token cancelled before the start is honoured; after that only the time limit stops an in-process solve. SCIP
 * therefore runs long cancellable solves in a child JVM and declares {@link Capability#INTERRUPTION} (see
 * {@link ScipBackend}); CBC and HiGHS do not.
 *
 * <p><b>Probed and rejected (OR-Tools 9.15.6755, 2026-11): {@code modelbuilder.ModelSolverHelper("scip")}.</b>
 * Our {@code MPModelProto} written to a temp file and read with {@code ModelBuilderHelper.readModelFromProtoFile}
 * keeps everything: the proto written back is {@code equals} to ours (quadratic objective, quadratic rows, hint),
 * and SCIP's optimum and bound equal {@code solveWithProto}'s to 1e-9 on cardinality-QP, rotated cone, residual
 * least squares, integer rows and best subset (n=40, p=8). Solver-specific parameter text, the time limit and
 * invalid-parameter reporting ({@code INVALID_SOLVER_PARAMETERS}: "Invalid parameter name 'no/such/param'") also
 * behave as on the proto path. The file round trip costs little: 2,000 variables, 5 MB, warm 10-65 ms to write
 * and 4-25 ms to read natively (cold 140 + 60 ms), against 4-44 ms that {@code solveWithProto} spends serializing.
 * But the two things the path was wanted for do not work for SCIP:
 * <ul>
 *   <li><b>No interruption.</b> {@code interruptSolve()} returns true and does nothing: on a 400-item, 15-row
 *       hard knapsack with a 10 s limit, interrupted from another thread at 1.5 s, SCIP ran on to the limit
 *       (FEASIBLE after 10.05 s, native wall time 10.00 s); a second solve on the same helper ran its full 1 s, so
 *       the flag is not even sticky. OR-Tools' source ({@code model_builder_helper.cc}, 2025) shows why:
 *       {@code ModelSolverHelper::Solve} calls {@code ScipSolveProto(request)} without the interrupt flag
 *       ("TODO: Enable interrupt_solve"); it passes the flag to GLOP and CP-SAT only.</li>
 *   <li><b>No log callback.</b> With {@code enableOutput(true)} and {@code setLogCallback} set, the callback got 0
 *       lines; SCIP printed its log table (primalbound, dualbound, gap) straight to the process's native stdout
 *       (Surefire: "Corrupted channel by directly writing to native stream"), where the JVM cannot read it.
 *       Same TODO in OR-Tools ("Enable log_callback support").</li>
 * </ul>
 * Both paths end in the same {@code ScipSolveProto}, so switching would add a temp file and gain nothing.
 *
 * <p><b>What Ctrl-C does today (probed in a stand-alone JVM with SIGINT not ignored).</b> SCIP's
 * {@code misc/catchctrlc} (default true) installs SCIP's own SIGINT handler for the length of the solve. A SIGINT
 * 2 s into a 10 s {@code solveWithProto} stopped SCIP at once with MPSOLVER_FEASIBLE and the incumbent; the JVM
 * never saw the signal (no shutdown hook ran, so a {@link CancellationToken} is not cancelled) and the status
 * table reports it as FEASIBLE with limit OTHER, not INTERRUPTED. A second SIGINT after the solve reached the JVM
 * normally (hooks ran, exit 130). So in a terminal the first Ctrl-C ends the current SCIP solve and the caller
 * carries on; the second one stops the program. Raising SIGINT ourselves on cancel would interrupt every SCIP
 * solve in the process and, outside SCIP's handler window, shut the JVM down, so it is not done in process; the
 * child-process path ({@link ScipChildProcess}) sends SIGINT to a JVM that runs nothing but that one solve.
 */
abstract class OrToolsBackend implements certus.solver.SolverBackend {
    /** A row of an OR-Tools backend's status table. */
    @FunctionalInterface
    interface StatusTable {
        Termination map(int code, String detail, StopEvidence evidence);
    }

    private final String name;
    private final Set<Capability> capabilities;
    private final StatusTable table;

    OrToolsBackend(String name, Set<Capability> capabilities, StatusTable table) {
        this.name = name;
        this.capabilities = Set.copyOf(capabilities);
        this.table = table;
    }

    @Override
    public final String name() { return name; }

    @Override
    public String version() { return "OR-Tools " + OrToolsNatives.VERSION; }

    @Override
    public final Set<Capability> capabilities() { return capabilities; }

    @Override
    public Availability availability() {
        return OrToolsNatives.availability();
    }

    /**
     * Runs the native solve of an already translated model; must not throw for solver failures. Backends that can
     * stop a running solve listen to {@code cancellation} and mark the response {@link NativeResponse#interrupted};
     * the others ignore it (it was checked before the start).
     */
    abstract NativeResponse solveNative(MPModelProto proto, SolveParameters parameters, CancellationToken cancellation, SolveListener listener);

    @Override
    public final SolveResult solve(Model model, SolveParameters parameters, SolveListener listener, CancellationToken cancellation) {
        Availability a = availability();
        if (!a.available()) throw new SolverUnavailableException("backend " + name + " is unavailable: " + a.reason());
        Backends.checkCapabilities(this, model);
        long start = System.nanoTime();
        if (cancellation.isCancelled()) {
            return SolveResult.noSolution(Termination.limit(Termination.Limit.INTERRUPTED, false, "cancelled before the solve started"),
                    Double.NEGATIVE_INFINITY, 0.0, name, version());
        }
        listener.onProgress(new SolveProgress(0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0));
        Bridges.Bridged bridged = Bridges.residualForm(model);
        NativeResponse r;
        long cpuStart = processCpuNanos();
        try {
            r = solveNative(ProtoModels.toProto(bridged.model()), parameters, cancellation, listener);
        } catch (RuntimeException e) { // a binding failure must still yield a result (SolverBackend contract)
            double s = seconds(start);
            return SolveResult.noSolution(Termination.error(Reason.OTHER_ERROR, name + " failed: " + e), Double.NEGATIVE_INFINITY, s, name, version());
        }
        double seconds = seconds(start);
        // Judge "the time limit stopped it" on the clock the native limit uses.
        double limitClock = timeLimitUsesProcessCpu() && cpuStart >= 0 ? Math.max(seconds, (processCpuNanos() - cpuStart) / 1e9) : seconds;
        StopEvidence ev = StopEvidence.of(r.values() != null, limitClock, parameters.timeLimitSeconds(), parameters.backendOptions())
                .withInterrupted(r.interrupted());
        Termination t = table.map(r.statusCode(), r.detail(), ev);
        boolean keepPoint = r.values() != null && (t.reason() == Reason.OPTIMAL || t.reason() == Reason.FEASIBLE);
        // A bound is kept only where it means something: with a point (clamped to it, since natives report a bound
        // a hair above the incumbent at optimality) or at a limit without one (SCIP's bound is still proven).
        double bound = keepPoint ? Math.min(r.bound(), r.objective())
                : t.reason() == Reason.NO_SOLUTION_FOUND ? r.bound() : Double.NEGATIVE_INFINITY;
        SolveResult result = keepPoint
                ? new SolveResult(t, PrimalStatus.FEASIBLE_POINT, bridged.restrict(r.values()), r.objective(), bound, seconds, r.nodes(), name, version())
                : new SolveResult(t, PrimalStatus.NO_SOLUTION, null, Double.NaN, bound, seconds, r.nodes(), name, version());
        listener.onProgress(new SolveProgress(seconds, keepPoint ? r.objective() : Double.POSITIVE_INFINITY, bound, r.nodes()));
        return result;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /**
     * Whether the native time limit counts process CPU time rather than wall time. CBC's does (COIN's CoinCpuTime:
     * getrusage over the whole process), so JVM threads (JIT, GC, other solves) use up its budget early: a 0.5 s
     * limit stopped CBC after 0.27 s of wall time, which wall-clock evidence misread as "some other limit".
     */
    boolean timeLimitUsesProcessCpu() {
        return false;
    }

    /** CPU time of the whole process in nanoseconds, or -1 when the JVM cannot tell. */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1L;
    }
}
