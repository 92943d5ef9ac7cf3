package certus.formulations.cert;

import certus.data.MultiTaskData;
import certus.data.StandardizedData;
import certus.data.Standardizer;
import certus.formulations.ExactOptions;
import certus.formulations.ExactResult;
import certus.smtl.ObjectiveEvaluator;
import certus.smtl.ObjectiveValue;
import certus.smtl.SmtlProblem;
import certus.smtl.SmtlSolution;
import certus.solver.SolveResult;
import certus.solver.Termination;

import java.util.List;

/**
 * Turns an {@link ExactResult} into a {@link Certificate}, re-checking instead of trusting: feasibility through
 * {@link ObjectiveEvaluator#violations}, the objective recomputed here, and bound &lt;= objective. All status
 * rules live here, so no caller can call a run "optimal" by another path.
 *
 * <p>Rules: no solution gives NO_SOLUTION (a limit) or ERROR; an infeasible point or an objective that disagrees
 * with the recomputed one is an ERROR (a solver contract was broken, so its bound cannot be trusted either); a
 * bound above the objective by more than {@link #BOUND_SLACK} is an ERROR (NUMERICAL_ERROR); OPTIMAL needs
 * {@link ExactResult#provenOptimal} AND the recomputed gap within the tolerance; everything else is FEASIBLE.
 */
public final class CertificateFactory {
    /**
     * Relative disagreement allowed between the solver's objective and ours. Both come from the ObjectiveEvaluator
     * (the ExactResult contract), so only summation-order noise is expected.
     */
    public static final double OBJECTIVE_TOLERANCE = 1e-9;
    /**
     * A backend's bound may exceed our objective by its own feasibility tolerances (its point is refitted and
     * re-evaluated here). Up to this relative slack the bound is lowered to the objective, which is always valid
     * (the objective of a feasible point is an upper bound on the optimum, so any lower bound may be cut to it);
     * beyond it the run is a numerical error.
     */
    public static final double BOUND_SLACK = 1e-6;

    private CertificateFactory() {}

    /**
     * @param solved      the problem the solver saw (rescaled data when {@code scaling} is not null)
     * @param result      the solver's outcome, on the scale of {@code solved}
     * @param options     the options of the solve (gives the gap tolerance)
     * @param scaling     the standardization that produced {@code solved.data()}, or null when it is the raw data
     * @param wallSeconds wall-clock time of the whole run (heuristic + exact); the larger of it and the solver's is kept
     */
    public static Certificate from(SmtlProblem solved, ExactResult result, ExactOptions options, StandardizedData scaling,
                                   double wallSeconds) {
        MultiTaskData raw = scaling == null ? solved.data() : scaling.raw();
        Standardizer mode = scaling == null ? Standardizer.NONE : scaling.mode();
        double tol = options.parameters().relativeGap();
        SolveProvenance prov = new SolveProvenance(result.method(), result.backend() == null ? options.backend() : result.backend(),
                result.backendVersion(), result.mKind(), result.mValue(), result.mDoublings(), Math.max(wallSeconds, result.seconds()),
                result.nodes(), result.rounds(), result.cuts(), tol, certusVersion());
        CertifiedProblem problem = CertifiedProblem.of(solved, mode);
        DataFingerprint fp = DataFingerprint.of(raw);
        double bound = Double.isNaN(result.bound()) ? Double.NEGATIVE_INFINITY : result.bound();
        boolean conditional = result.optimalityConditional();
        Termination term = result.termination();
        SmtlSolution point = result.solution();
        if (point == null) {
            CertificateStatus st = term.reason() == Termination.Reason.NO_SOLUTION_FOUND ? CertificateStatus.NO_SOLUTION : CertificateStatus.ERROR;
            if (term.reason() == Termination.Reason.OPTIMAL) term = error("the solver claimed optimality without a point");
            return new Certificate(problem, fp, null, null, Double.NaN, bound, Double.POSITIVE_INFINITY, st, term, conditional, prov);
        }
        List<String> violations = ObjectiveEvaluator.violations(solved, point);
        if (!violations.isEmpty()) {
            Termination t = error("the solver returned an infeasible point: " + violations.get(0)
                    + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""));
            return new Certificate(problem, fp, null, null, Double.NaN, bound, Double.POSITIVE_INFINITY, CertificateStatus.ERROR, t,
                    conditional, prov);
        }
        ObjectiveValue parts = ObjectiveEvaluator.evaluate(solved, point);
        double objective = parts.total();
        SmtlSolution reported = scaling == null ? point : scaling.toRaw(point);
        double scale = Math.max(1.0, Math.abs(objective));
        CertificateStatus status;
        if (!(Math.abs(result.objective() - objective) <= OBJECTIVE_TOLERANCE * scale)) {
            term = error("the solver reported objective " + result.objective() + " but the point evaluates to " + objective);
            status = CertificateStatus.ERROR;
        } else if (bound > objective + BOUND_SLACK * scale || Double.isInfinite(bound) && bound > 0) {
            term = error("bound " + bound + " exceeds the objective " + objective + " of a feasible point");
            status = CertificateStatus.ERROR;
        } else {
            if (bound > objective) bound = objective;
            boolean optimal = result.provenOptimal(tol) && SolveResult.relativeGap(objective, bound) <= tol;
            status = optimal ? CertificateStatus.OPTIMAL : CertificateStatus.FEASIBLE;
        }
        double gap = SolveResult.relativeGap(objective, bound);
        return new Certificate(problem, fp, reported, parts, objective, bound, gap, status, term, conditional, prov);
    }

    private static Termination error(String detail) {
        return Termination.error(Termination.Reason.NUMERICAL_ERROR, detail);
    }

    /** From the jar manifest when packaged; the build's version otherwise (tests, IDE runs). */
    public static String certusVersion() {
        String v = CertificateFactory.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT";
    }
}
