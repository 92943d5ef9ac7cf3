package certus.solver.ortools;

import certus.solver.CancellationToken;
import certus.solver.Capability;
import certus.solver.SolveListener;
import certus.solver.SolveParameters;
import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.PartialVariableAssignment;
import com.google.ortools.linearsolver.MPModelRequest;
import com.google.ortools.linearsolver.MPSolver;
import java.util.EnumSet;
import java.util.Map;

/**
 * SCIP 10 through {@code MPSolver.solveWithProto}: the only OR-Tools path that carries a quadratic objective and
 * quadratic rows to SCIP. Least-squares objectives arrive in residual form (one free variable per residual and a
 * diagonal quadratic), on which SCIP is several times faster than on the dense Hessian (see design.md).
 *
 * <p>Parameters, in SCIP's own text syntax, typed ones first and {@code backendOptions} last so they win:
 * {@code limits/gap}, {@code limits/absgap}, {@code randomization/randomseedshift}; the time limit travels in the
 * request. Threads are not passed: SCIP's branch and bound is sequential in this build (its concurrent mode is
 * not compiled into OR-Tools' SCIP), so {@code threads} is accepted and ignored. With a gap &gt; 0 SCIP reports
 * OPTIMAL at its gap limit, which is what Certus asks for; the true gap is visible through the bound.
 * OR-Tools reports no node count for proto solves, so {@code nodes} is 0.
 *
 * <p><b>In process or in a child JVM.</b> In-process SCIP cannot be interrupted and logs to the native stdout
 * (see {@link OrToolsBackend}). A solve that can be cancelled (a token other than {@code none()}) and may run
 * long (time limit of at least {@link #CHILD_MIN_SECONDS}, or none) therefore runs in a child JVM
 * ({@link ScipChildProcess}): cancellation stops it with its incumbent and bound (limit INTERRUPTED), and its log
 * and progress table reach the listener. Short or uncancellable solves stay in process, where the half-second
 * start of a JVM would dominate. The system property {@value #CHILD_PROPERTY} = {@code auto|always|never}
 * overrides the choice (tests use {@code always}).
 */
public final class ScipBackend extends OrToolsBackend {
    static final String CHILD_PROPERTY = "certus.scip.child";
    /** Shorter solves end by themselves soon enough that a child JVM's start would cost more than it gives. */
    static final double CHILD_MIN_SECONDS = 5;

    public ScipBackend() {
        super("scip", EnumSet.of(Capability.MILP, Capability.MIQP, Capability.ROTATED_CONE, Capability.INDICATORS, Capability.HINTS,
                Capability.INTERRUPTION), StatusTables::scip);
    }

    @Override
    public String version() {
        return "SCIP 10 (OR-Tools " + OrToolsNatives.VERSION + ")";
    }

    @Override
    NativeResponse solveNative(MPModelProto proto, SolveParameters parameters, CancellationToken cancellation, SolveListener listener) {
        proto = integerHintOnly(proto);
        MPModelRequest.Builder request = MPModelRequest.newBuilder().setModel(proto)
                .setSolverType(MPModelRequest.SolverType.SCIP_MIXED_INTEGER_PROGRAMMING)
                .setSolverSpecificParameters(parameterText(parameters, hasQuadraticRows(proto)));
        if (Double.isFinite(parameters.timeLimitSeconds())) request.setSolverTimeLimitSeconds(parameters.timeLimitSeconds());
        int variables = proto.getVariableCount();
        if (inChildProcess(parameters, cancellation)) {
            MPModelRequest quiet = request.build();
            return ScipChildProcess.solve(request.setEnableInternalSolverOutput(true).build(), variables, cancellation, listener,
                    () -> NativeResponse.of(MPSolver.solveWithProto(quiet), variables, 0));
        }
        return NativeResponse.of(MPSolver.solveWithProto(request.build()), variables, 0);
    }

    /** The in-process / child choice described in the class comment; package-private for tests. */
    static boolean inChildProcess(SolveParameters parameters, CancellationToken cancellation) {
        String mode = System.getProperty(CHILD_PROPERTY, "auto").trim().toLowerCase(java.util.Locale.ROOT);
        return switch (mode) {
            case "always" -> true;
            case "never" -> false;
            case "auto" -> cancellation.canBeCancelled() && parameters.timeLimitSeconds() >= CHILD_MIN_SECONDS;
            default -> throw new IllegalArgumentException("system property " + CHILD_PROPERTY + " must be auto, always or never, got '" + mode + "'");
        };
    }

    /**
     * With a quadratic objective SCIP gets only the integer part of the hint. Why: OR-Tools moves the objective
     * into an epigraph row whose auxiliary variable is missing from the hint, so SCIP finds a full hint infeasible
     * and drops it (probed: with a solution limit of 1 SCIP returned its own trivial point, not the hint; on PDX
     * s=3 SCIP's incumbent stayed at the intercept-only 1.3125 beside a 1.1098 warm start). A partial hint is
     * completed by SCIP's completesol heuristic (fix the integers, solve the rest): on PDX SCIP then holds 1.1098
     * from the start. Writing the epigraph ourselves also made SCIP take the hint but slowed Big-M 20-50x.
     */
    static MPModelProto integerHintOnly(MPModelProto proto) {
        if (!proto.hasSolutionHint() || !proto.hasQuadraticObjective() || proto.getQuadraticObjective().getCoefficientCount() == 0) {
            return proto;
        }
        PartialVariableAssignment full = proto.getSolutionHint();
        PartialVariableAssignment.Builder h = PartialVariableAssignment.newBuilder();
        for (int i = 0; i < full.getVarIndexCount(); i++) {
            int v = full.getVarIndex(i);
            if (proto.getVariable(v).getIsInteger()) h.addVarIndex(v).addVarValue(full.getVarValue(i));
        }
        return proto.toBuilder().setSolutionHint(h).build();
    }

    private static boolean hasQuadraticRows(MPModelProto proto) {
        return proto.getGeneralConstraintList().stream().anyMatch(c -> c.hasQuadraticConstraint());
    }

    /**
     * SCIP's parameter-file text; package-private for tests.
     *
     * <p>With quadratic rows (the rotated cones of the perspective formulation) presolving is switched off: SCIP
     * 10's presolve proved a wrong optimum on a perspective model whose cones share a binary (common support:
     * OPTIMAL at 5.8008 for a true optimum of 3.8255, found by enumeration; correct with presolving off). An
     * explicit {@code presolving/maxrounds} backend option still wins.
     */
    static String parameterText(SolveParameters p, boolean quadraticRows) {
        StringBuilder sb = new StringBuilder();
        if (quadraticRows) sb.append("presolving/maxrounds = 0\n");
        sb.append("limits/gap = ").append(p.relativeGap()).append('\n');
        sb.append("limits/absgap = ").append(p.absoluteGap()).append('\n');
        // SCIP's seed shift is an int in [0, INT_MAX]; fold the long seed into that range.
        sb.append("randomization/randomseedshift = ").append(Math.floorMod(p.seed(), Integer.MAX_VALUE)).append('\n');
        for (Map.Entry<String, String> e : p.backendOptions().entrySet()) sb.append(e.getKey()).append(" = ").append(e.getValue()).append('\n');
        return sb.toString();
    }
}
