package certus.solver.ortools;

import certus.solver.CancellationToken;
import certus.solver.Capability;
import certus.solver.SolveListener;
import certus.solver.SolveParameters;
import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPSolutionResponse;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPSolverResponseStatus;
import java.util.EnumSet;

/**
 * CBC 2.10 through the OR-Tools object API, MILP only (CBC rejects quadratic objectives).
 *
 * <p>Why not {@code solveWithProto} as for SCIP: a proto solve of CBC runs with OR-Tools' default relative gap
 * 1e-4 and rejects every solver-specific parameter string ("SetSolverSpecificParametersAsString() not supported by
 * Cbc"), so a requested gap of 0 would come back OPTIMAL at 1e-4. The object API takes the relative gap through
 * {@code MPSolverParameters} and also reports the node count; the response is then read back as a proto so all
 * backends share one status table type. CBC has no absolute-gap or seed setting here (both ignored), takes no
 * raw backend options (a non-empty map is answered as invalid solver parameters), and ignores solution hints,
 * so HINTS is not declared.
 */
public final class CbcBackend extends OrToolsBackend {
    public CbcBackend() {
        super("cbc", EnumSet.of(Capability.MILP), StatusTables::cbc);
    }

    @Override
    public String version() {
        return "Cbc 2.10 (OR-Tools " + OrToolsNatives.VERSION + ")";
    }

    @Override
    boolean timeLimitUsesProcessCpu() {
        return true;
    }

    @Override
    NativeResponse solveNative(MPModelProto proto, SolveParameters parameters, CancellationToken cancellation, SolveListener listener) {
        if (!parameters.backendOptions().isEmpty()) {
            return failure(MPSolverResponseStatus.MPSOLVER_MODEL_INVALID_SOLVER_PARAMETERS,
                    "cbc takes no backend options through OR-Tools, got " + parameters.backendOptions().keySet());
        }
        MPSolver solver = MPSolver.createSolver("CBC");
        if (solver == null) return failure(MPSolverResponseStatus.MPSOLVER_SOLVER_TYPE_UNAVAILABLE, "CBC is not compiled into this OR-Tools");
        MPSolverParameters settings = new MPSolverParameters();
        try {
            String error = solver.loadModelFromProto(proto);
            if (!error.isEmpty()) return failure(MPSolverResponseStatus.MPSOLVER_MODEL_INVALID, error);
            if (Double.isFinite(parameters.timeLimitSeconds())) {
                solver.setTimeLimit(Math.max(1L, (long) Math.ceil(parameters.timeLimitSeconds() * 1000)));
            }
            solver.setNumThreads(parameters.threads()); // returns false when CBC was built without threads: harmless
            settings.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, parameters.relativeGap());
            solver.solve(settings);
            MPSolutionResponse response = solver.createSolutionResponseProto();
            return NativeResponse.of(response, proto.getVariableCount(), solver.nodes());
        } finally {
            settings.delete();
            solver.delete();
        }
    }

    private static NativeResponse failure(MPSolverResponseStatus status, String detail) {
        return new NativeResponse(status.getNumber(), detail, Double.NaN, Double.NEGATIVE_INFINITY, null, 0);
    }
}
