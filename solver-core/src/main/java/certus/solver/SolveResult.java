package certus.solver;

import java.util.Objects;

/**
 * Immutable outcome of one solve. Bounds are always present (+/-Infinity when unknown). The gap is computed here
 * with one formula, never taken from a backend: {@code (primal - bound) / max(|primal|, 1e-12)}, +Infinity when
 * either side is unknown. A backend that reports OPTIMAL must also hold a point.
 *
 * @param termination    why the solve stopped
 * @param primalStatus   whether {@code values} holds a feasible point
 * @param values         the incumbent (one value per model variable) or null
 * @param objectiveValue objective of the incumbent as the backend computed it (NaN without one)
 * @param bestBound      proven lower bound on the optimum (-Infinity when none)
 * @param seconds        wall-clock time of the solve
 * @param nodes          branch-and-bound nodes (0 when unknown)
 * @param backend        backend name
 * @param backendVersion backend version string
 */
public record SolveResult(Termination termination, PrimalStatus primalStatus, double[] values, double objectiveValue,
                          double bestBound, double seconds, long nodes, String backend, String backendVersion) {
    /** Denominator floor of the relative gap, so an optimum of 0 does not divide by zero. */
    public static final double GAP_DENOMINATOR_FLOOR = 1e-12;

    public SolveResult {
        Objects.requireNonNull(termination, "termination");
        Objects.requireNonNull(primalStatus, "primalStatus");
        values = values == null ? null : values.clone();
        if ((values != null) != (primalStatus == PrimalStatus.FEASIBLE_POINT)) {
            throw new IllegalArgumentException("a point is held exactly when the primal status is FEASIBLE_POINT");
        }
        if (termination.reason() == Termination.Reason.OPTIMAL && values == null) {
            throw new IllegalArgumentException("OPTIMAL without a point");
        }
    }

    /** A result with no point, e.g. an error. */
    public static SolveResult noSolution(Termination termination, double bestBound, double seconds, String backend, String version) {
        return new SolveResult(termination, PrimalStatus.NO_SOLUTION, null, Double.NaN, bestBound, seconds, 0, backend, version);
    }

    @Override
    public double[] values() { return values == null ? null : values.clone(); }

    public boolean hasSolution() { return values != null; }

    public double value(int variable) { return values[variable]; }

    public double relativeGap() {
        return relativeGap(objectiveValue, bestBound);
    }

    public static double relativeGap(double primal, double bound) {
        if (!Double.isFinite(primal) || !Double.isFinite(bound)) return Double.POSITIVE_INFINITY;
        return (primal - bound) / Math.max(Math.abs(primal), GAP_DENOMINATOR_FLOOR);
    }
}
