package certus.solver.ortools;

import certus.solver.Availability;
import certus.solver.CancellationToken;
import certus.solver.Capability;
import certus.solver.SolveListener;
import certus.solver.SolveParameters;
import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPModelRequest;
import com.google.ortools.linearsolver.MPSolutionResponse;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverResponseStatus;
import com.google.ortools.linearsolver.MPVariableProto;
import java.util.EnumSet;
import java.util.Map;

/**
 * HiGHS 1.12 through {@code MPSolver.solveWithProto}, MILP only: it silently DROPS a quadratic objective and
 * reports optimal, so MIQP must never reach it (the capability check guarantees that).
 *
 * <p>Surprises found in this OR-Tools build, and what we do about them:
 * <ul>
 *   <li>{@code MPSolver.createSolver("HIGHS")} returns a solver whose {@code solverVersion()} is "PDLP Solver", and
 *       {@code OptimizationProblemType} has no HiGHS entry, so neither can confirm HiGHS. Availability is instead
 *       confirmed once by a one-variable proto solve.</li>
 *   <li>{@code best_objective_bound} is a copy of the objective value even when HiGHS stopped at a positive gap
 *       (seen: bound = objective = -2529 with mip_rel_gap 0.5 while the optimum is -2631). It is not a bound, so
 *       we derive one from HiGHS' own stopping rule, which uses our gap formula:
 *       {@code objective - max(relGap * |objective|, absGap)}.</li>
 *   <li>Time limits come back as UNKNOWN_STATUS without the incumbent, and unbounded models as INFEASIBLE with
 *       "may actually be unbounded" in the text; {@link StatusTables#highs} maps both.</li>
 * </ul>
 * Parameters are HiGHS option lines {@code name=value}: {@code output_flag=false} (its banner otherwise goes to
 * stdout), {@code mip_rel_gap}, {@code mip_abs_gap}, {@code random_seed}, then {@code backendOptions}. Threads are
 * not passed: HiGHS fixes its thread pool once per process. Hints are not declared, and are stripped before the
 * solve because a hinted proto solve crashes the JVM in this build.
 */
public final class HighsBackend extends OrToolsBackend {
    public HighsBackend() {
        super("highs", EnumSet.of(Capability.MILP), StatusTables::highs);
    }

    @Override
    public String version() {
        return "HiGHS 1.12 (OR-Tools " + OrToolsNatives.VERSION + ")";
    }

    private static final class Probe {
        static final Availability AVAILABILITY = probe();

        private static Availability probe() {
            Availability natives = OrToolsNatives.availability();
            if (!natives.available()) return natives;
            MPModelProto one = MPModelProto.newBuilder().addVariable(MPVariableProto.newBuilder()
                    .setLowerBound(0).setUpperBound(2).setIsInteger(true).setObjectiveCoefficient(-1)).build();
            MPSolutionResponse r = MPSolver.solveWithProto(request(one, "output_flag=false\n", Double.POSITIVE_INFINITY));
            return r.getStatus() == MPSolverResponseStatus.MPSOLVER_OPTIMAL && r.getVariableValueCount() == 1
                    ? Availability.yes()
                    : Availability.no("HiGHS proto solves fail in this OR-Tools build (" + r.getStatus() + " " + r.getStatusStr()
                            + "). Maybe use scip or cbc.");
        }
    }

    @Override
    public Availability availability() {
        return Probe.AVAILABILITY;
    }

    @Override
    NativeResponse solveNative(MPModelProto proto, SolveParameters parameters, CancellationToken cancellation, SolveListener listener) {
        // A solution hint crashes the JVM (SIGSEGV inside operations_research::HighsSolveProto, OR-Tools 9.15.6755,
        // seen with a full, feasible 12-variable hint): never send one.
        proto = proto.toBuilder().clearSolutionHint().build();
        long start = System.nanoTime();
        MPSolutionResponse r = MPSolver.solveWithProto(request(proto, parameterText(parameters), parameters.timeLimitSeconds()));
        if (presolveFailed(r) && !parameters.backendOptions().containsKey("presolve")) {
            // HiGHS 1.12's MIP presolve aborts some OA masters with "Error running HiGHS run()" (a 28-variable master is
            // kept as a regression case in the tests); the same model solves without presolve, so retry once that way.
            double left = parameters.timeLimitSeconds() - (System.nanoTime() - start) / 1e9;
            r = MPSolver.solveWithProto(request(proto, parameterText(parameters) + "presolve=off\n", Math.max(left, 1e-3)));
        }
        NativeResponse n = NativeResponse.of(r, proto.getVariableCount(), 0);
        if (n.values() == null) return n;
        double slack = Math.max(parameters.relativeGap() * Math.abs(n.objective()), parameters.absoluteGap());
        double bound = r.getStatus() == MPSolverResponseStatus.MPSOLVER_OPTIMAL ? n.objective() - slack : Double.NEGATIVE_INFINITY;
        return new NativeResponse(n.statusCode(), n.detail(), n.objective(), bound, n.values(), n.nodes());
    }

    private static boolean presolveFailed(MPSolutionResponse r) {
        return r.getStatus() == MPSolverResponseStatus.MPSOLVER_NOT_SOLVED && r.getStatusStr().contains("Error running HiGHS");
    }

    /** HiGHS option lines; package-private for tests. */
    static String parameterText(SolveParameters p) {
        StringBuilder sb = new StringBuilder("output_flag=false\n");
        sb.append("mip_rel_gap=").append(p.relativeGap()).append('\n');
        sb.append("mip_abs_gap=").append(p.absoluteGap()).append('\n');
        sb.append("random_seed=").append(Math.floorMod(p.seed(), Integer.MAX_VALUE)).append('\n');
        for (Map.Entry<String, String> e : p.backendOptions().entrySet()) sb.append(e.getKey()).append('=').append(e.getValue()).append('\n');
        return sb.toString();
    }

    private static MPModelRequest request(MPModelProto proto, String parameters, double timeLimit) {
        MPModelRequest.Builder b = MPModelRequest.newBuilder().setModel(proto)
                .setSolverType(MPModelRequest.SolverType.HIGHS_MIXED_INTEGER_PROGRAMMING).setSolverSpecificParameters(parameters);
        if (Double.isFinite(timeLimit)) b.setSolverTimeLimitSeconds(timeLimit);
        return b.build();
    }
}
