package certus.formulations;

import certus.data.MultiTaskData;
import certus.smtl.ObjectiveEvaluator;
import certus.smtl.SmtlProblem;
import certus.smtl.SmtlSolution;
import certus.solver.Backends;
import certus.solver.CancellationToken;
import certus.solver.SolveListener;
import certus.solver.Termination;

import java.util.List;

/**
 * Exact solve of a separable problem (L0L2: no Bbar, no Zbar, heterogeneous supports) task by task. F is the
 * sum of the per-task objectives and the feasible set is a product, so the sum of per-task optima is the optimum
 * and the sum of per-task lower bounds is a lower bound. The time limit is shared: each task gets the time left.
 * The combined termination is OPTIMAL only when every task was proven optimal.
 */
public final class SeparableSolve {
    /** The engine applied to each single-task problem. */
    public interface TaskSolver {
        ExactResult solve(SmtlProblem problem, SmtlSolution warmStart, ExactOptions options, Backends backends,
                          SolveListener listener, CancellationToken cancellation);
    }

    private SeparableSolve() {}

    /** Solves task by task when the problem separates, otherwise hands the whole problem to {@code joint}. */
    public static ExactResult splitIfSeparable(TaskSolver joint, SmtlProblem problem, SmtlSolution warmStart, ExactOptions options,
                                               Backends backends, SolveListener listener, CancellationToken cancellation) {
        return applies(problem)
                ? solve(joint, problem, warmStart, options, backends, listener, cancellation)
                : joint.solve(problem, warmStart, options, backends, listener, cancellation);
    }

    /** Whether {@code problem} separates by task (L0L2 with more than one task). */
    public static boolean applies(SmtlProblem problem) {
        return problem.variant() == certus.smtl.Variant.L0L2 && problem.taskCount() > 1;
    }

    public static ExactResult solve(TaskSolver engine, SmtlProblem problem, SmtlSolution warmStart, ExactOptions options,
                             Backends backends, SolveListener listener, CancellationToken cancellation) {
        long start = System.nanoTime();
        int kCount = problem.taskCount();
        int p = problem.featureCount();
        double[] intercepts = new double[kCount];
        double[][] beta = new double[kCount][];
        boolean[][] z = new boolean[kCount][];
        double bound = 0;
        Termination termination = Termination.optimal("every task proven optimal");
        MKind kind = MKind.NONE;
        double mValue = Double.NaN;
        int doublings = 0;
        long nodes = 0;
        String backend = options.backend();
        String version = "";
        ExactMethod used = options.method();
        for (int k = 0; k < kCount; k++) {
            double remaining = options.parameters().timeLimitSeconds() - (System.nanoTime() - start) / 1e9;
            SmtlProblem single = new SmtlProblem(new MultiTaskData(problem.data().featureNames(), List.of(problem.data().task(k))),
                    problem.s(), problem.ridge(), 0.0, 0.0, false);
            SmtlSolution singleStart = warmStart == null ? null : new SmtlSolution(new double[]{warmStart.intercept(k)},
                    new double[][]{warmStart.coefficients(k)}, new boolean[][]{warmStart.supports()[k]});
            ExactResult r = remaining > 0
                    ? engine.solve(single, singleStart, options.withParameters(options.parameters().withTimeLimitSeconds(remaining)), backends, listener, cancellation)
                    : null;
            SmtlSolution s = r != null && r.solution() != null ? r.solution()
                    : singleStart != null ? singleStart : certus.smtl.SupportRefitter.refit(single, new boolean[1][p]);
            intercepts[k] = s.intercept(0);
            beta[k] = s.coefficients(0);
            z[k] = s.supports()[0];
            bound += r == null ? Double.NEGATIVE_INFINITY : r.bound();
            if (r == null) {
                termination = Termination.limit(Termination.Limit.TIME, true, "time limit reached before task " + (k + 1) + " of " + kCount);
            } else {
                if (r.termination().reason() != Termination.Reason.OPTIMAL && termination.reason() == Termination.Reason.OPTIMAL) {
                    termination = r.termination();
                }
                kind = worse(kind, r.mKind());
                if (!Double.isNaN(r.mValue())) mValue = Double.isNaN(mValue) ? r.mValue() : Math.max(mValue, r.mValue());
                doublings += r.mDoublings();
                nodes += r.nodes();
                backend = r.backend();
                used = r.method();
                version = r.backendVersion();
            }
        }
        SmtlSolution combined = new SmtlSolution(intercepts, beta, z);
        double objective = ObjectiveEvaluator.value(problem, combined);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new ExactResult(combined, objective, bound, termination, used, backend, version, kind, mValue, doublings,
                seconds, nodes, kCount, 0);
    }

    /** CHECKED (conditional) dominates PROVEN, which dominates NONE. */
    private static MKind worse(MKind a, MKind b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
