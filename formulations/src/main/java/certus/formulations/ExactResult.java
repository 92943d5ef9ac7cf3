package certus.formulations;

import certus.smtl.SmtlSolution;
import certus.solver.Termination;

import java.util.Objects;

/**
 * Outcome of an exact solve, before certification. {@code objective} is always
 * {@link certus.smtl.ObjectiveEvaluator}'s value of {@code solution} (after an exact refit on its support), never
 * the backend's number; {@code bound} is a valid lower bound on the optimum of the sMTL problem.
 *
 * @param solution              best feasible point (null when none)
 * @param objective             F(solution), NaN without a solution
 * @param bound                 proven lower bound (-Infinity when none)
 * @param termination           why the solve stopped (solver-core's two-axis status, mapped to sMTL terms)
 * @param method                formulation used
 * @param backend               backend name
 * @param backendVersion        backend version
 * @param mKind                 how big-M entered (decides whether optimality is conditional)
 * @param mValue                the final M (NaN when {@code mKind} is NONE)
 * @param mDoublings            how often a binding heuristic M was doubled
 * @param seconds               wall-clock time of the exact phase
 * @param nodes                 branch-and-bound nodes (summed over solves)
 * @param rounds                OA rounds (1 for MIQP methods)
 * @param cuts                  OA cuts generated (0 for MIQP methods)
 */
public record ExactResult(SmtlSolution solution, double objective, double bound, Termination termination, ExactMethod method,
                          String backend, String backendVersion, MKind mKind, double mValue, int mDoublings, double seconds,
                          long nodes, int rounds, int cuts) {
    public ExactResult {
        Objects.requireNonNull(termination, "termination");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(mKind, "mKind");
    }

    /** The same solve with another bound and termination (a bound re-derived, or withdrawn, after the solve). */
    public ExactResult withBound(double newBound, Termination newTermination) {
        return new ExactResult(solution, objective, newBound, newTermination, method, backend, backendVersion, mKind, mValue, mDoublings,
                seconds, nodes, rounds, cuts);
    }

    /** (objective - bound) / max(|objective|, 1e-12); +Infinity when either is unknown. */
    public double gap() {
        return certus.solver.SolveResult.relativeGap(objective, bound);
    }

    /** True when the optimum was found only among |beta| &lt;= M with a heuristic M. */
    public boolean optimalityConditional() {
        return mKind == MKind.CHECKED;
    }

    /**
     * Proven optimal: the backend (or the OA loop) proved optimality, the gap is within {@code tolerance}, and the
     * proof does not rest on a heuristic M. Anything else with a solution is merely feasible.
     */
    public boolean provenOptimal(double tolerance) {
        return solution != null && termination.reason() == Termination.Reason.OPTIMAL && !optimalityConditional()
                && gap() <= tolerance;
    }
}
