package certus.estimators.exact;

import certus.formulations.ExactOptions;
import certus.formulations.ExactResult;
import certus.formulations.MKind;
import certus.smtl.ObjectiveEvaluator;
import certus.smtl.SmtlProblem;
import certus.smtl.SmtlSolution;
import certus.solver.Termination;

/**
 * The heuristic's point, kept so that a stopped or weak exact solve still yields the best feasible point known:
 * the certificate is then "feasible" with whatever bound the solver proved (a valid bound stays valid for any
 * feasible point). {@code solution} is null when the heuristic never ran (cancelled first).
 */
record WarmStart(SmtlProblem problem, SmtlSolution solution) {
    static final WarmStart NONE = new WarmStart(null, null);

    /** A result without any exact solve (cancelled or out of time before it started). */
    ExactResult asResult(Termination.Limit limit, ExactOptions options, String version, double seconds) {
        Termination t = Termination.limit(limit, solution != null, "stopped before the exact solve started");
        double f = solution == null ? Double.NaN : ObjectiveEvaluator.value(problem, solution);
        return new ExactResult(solution, f, Double.NEGATIVE_INFINITY, t, options.method(), options.backend(), version, MKind.NONE,
                Double.NaN, 0, seconds, 0, 0, 0);
    }

    /**
     * A snapshot while the exact solve still runs: this point with the best bound proven so far (valid for every
     * feasible point, so for this one), as limit INTERRUPTED — what a job reports if its process dies now.
     */
    ExactResult checkpoint(double bound, ExactOptions options, String version, double seconds) {
        double f = ObjectiveEvaluator.value(problem, solution);
        Termination t = Termination.limit(Termination.Limit.INTERRUPTED, true, "checkpoint taken while the exact solve was running");
        return new ExactResult(solution, f, Math.min(bound, f), t, options.method(), options.backend(), version, MKind.NONE, Double.NaN, 0,
                seconds, 0, 0, 0);
    }

    /**
     * The solver's result, with the warm start substituted when the solver found nothing after a limit or
     * returned something worse. Termination and bound are kept: they describe the solve truthfully.
     */
    ExactResult improve(ExactResult r) {
        if (solution == null) return r;
        double f = ObjectiveEvaluator.value(problem, solution);
        boolean noPoint = r.solution() == null && r.termination().reason() == Termination.Reason.NO_SOLUTION_FOUND;
        boolean worse = r.solution() != null && f < r.objective();
        if (!noPoint && !worse) return r;
        Termination t = noPoint ? Termination.limit(r.termination().limit(), true, r.termination().detail() + "; heuristic warm start reported")
                : r.termination();
        return new ExactResult(solution, f, r.bound(), t, r.method(), r.backend(), r.backendVersion(), r.mKind(), r.mValue(),
                r.mDoublings(), r.seconds(), r.nodes(), r.rounds(), r.cuts());
    }
}
