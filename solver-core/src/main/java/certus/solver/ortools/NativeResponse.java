package certus.solver.ortools;

import com.google.ortools.linearsolver.MPSolutionResponse;

/**
 * The parts of an OR-Tools solve response Certus uses, decoded once. OR-Tools writes SCIP's infinity (1e20) or
 * zeros into fields it has nothing for, so bounds at or beyond {@link #NATIVE_INFINITY} become true infinities
 * and a missing bound becomes -Infinity.
 *
 * @param statusCode raw {@code MPSolverResponseStatus} number
 * @param detail     the solver's status text ("" when none)
 * @param objective  objective of the incumbent including the offset (NaN without one)
 * @param bound      best proven lower bound including the offset (-Infinity when unknown)
 * @param values     incumbent values of the solved (possibly bridged) model, or null
 * @param nodes      branch-and-bound nodes (0 when OR-Tools does not report them)
 * @param interrupted the backend delivered a cancellation to the running solver (so a limit stop was ours)
 */
record NativeResponse(int statusCode, String detail, double objective, double bound, double[] values, long nodes, boolean interrupted) {
    static final double NATIVE_INFINITY = 1e20;

    NativeResponse(int statusCode, String detail, double objective, double bound, double[] values, long nodes) {
        this(statusCode, detail, objective, bound, values, nodes, false);
    }

    NativeResponse markInterrupted() {
        return new NativeResponse(statusCode, detail, objective, bound, values, nodes, true);
    }

    static NativeResponse of(MPSolutionResponse r, int variables, long nodes) {
        double[] values = null;
        if (r.getVariableValueCount() == variables && variables > 0) {
            values = new double[variables];
            for (int i = 0; i < variables; i++) values[i] = r.getVariableValue(i);
        }
        double objective = values != null && r.hasObjectiveValue() ? r.getObjectiveValue() : Double.NaN;
        double bound = r.hasBestObjectiveBound() ? finite(r.getBestObjectiveBound()) : Double.NEGATIVE_INFINITY;
        return new NativeResponse(r.getStatus().getNumber(), r.getStatusStr(), objective, bound, values, nodes);
    }

    private static double finite(double v) {
        if (v >= NATIVE_INFINITY) return Double.POSITIVE_INFINITY;
        if (v <= -NATIVE_INFINITY) return Double.NEGATIVE_INFINITY;
        return v;
    }
}
