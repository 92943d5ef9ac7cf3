package certus.heuristics;

import certus.heuristics.HeuristicResult.StopReason;
import certus.smtl.ObjectiveEvaluator;
import certus.smtl.SmtlProblem;
import certus.smtl.SmtlSolution;
import certus.smtl.SupportRefitter;

import java.util.SplittableRandom;

/**
 * One fit: starting supports, then per start IHT -&gt; exact refit -&gt; local search, keeping the best point by
 * the {@link ObjectiveEvaluator} value. The workspace is always feasible, so whenever the deadline expires the
 * best point so far (at worst the refitted first start) is a valid answer.
 */
final class FitRunner {
    private final SmtlProblem problem;
    private final HeuristicOptions options;
    private final Deadline deadline;
    private final Progress progress;
    private final Workspace ws;
    private SmtlSolution best;
    private double bestValue = Double.POSITIVE_INFINITY;
    private StopReason bestStop = StopReason.CONVERGED;
    private boolean timedOut;
    private int iterations;
    private int swaps;

    FitRunner(SmtlProblem problem, HeuristicOptions options, Deadline deadline, Progress progress) {
        this.problem = problem;
        this.options = options;
        this.deadline = deadline;
        this.progress = progress;
        this.ws = new Workspace(problem);
    }

    HeuristicResult run(SmtlSolution warmStart) {
        boolean[][] first;
        if (warmStart != null) {
            checkShape(warmStart);
            SmtlSolution projected = projectWarmStart(problem, warmStart);
            consider(projected, StopReason.CONVERGED);
            first = projected.supports();
        } else {
            int[] its = {0};
            Progress auxiliary = progress.auxiliary("warm-start");
            auxiliary.force("warm-start", 0, Double.NaN);
            first = WarmStarts.reference(problem, Math.min(options.maxIterations(), 1000), deadline, auxiliary, its);
            iterations += its[0];
        }
        runStart(first);
        SplittableRandom rnd = new SplittableRandom(options.seed());
        int r = 0;
        for (; r < options.restarts() && !deadline.expired(); r++) {
            boolean[][] z;
            if (r == 0) z = WarmStarts.marginal(ws);
            else if (r == 1 && !ws.common() && problem.taskCount() > 1) z = commonSupportStart();
            else z = WarmStarts.perturb(problem, best, rnd, r % 2 == 0);
            if (z != null && !deadline.expired()) runStart(z);
        }
        // A start cut short or restarts skipped for lack of time both mean the budget decided the answer.
        StopReason stop = timedOut || r < options.restarts() ? StopReason.TIME_LIMIT : bestStop;
        if (stop == StopReason.TIME_LIMIT && deadline.interrupted()) stop = StopReason.INTERRUPTED;
        progress.force("done", iterations, bestValue);
        return new HeuristicResult(best, bestValue, stop, iterations, swaps, deadline.elapsedSeconds());
    }

    /** Supports of a common-support IHT fit of the same weights (a start that shares features fully). */
    private boolean[][] commonSupportStart() {
        SmtlProblem cs = problem.with(problem.s(), problem.ridge(), problem.bbar(), problem.zbar(), true);
        Workspace csWs = new Workspace(cs);
        csWs.load(new double[problem.taskCount()][problem.featureCount()], WarmStarts.topRows(cs, best.coefficients()));
        csWs.refit();
        IhtSolver.Outcome o = IhtSolver.run(csWs, options.maxIterations(), deadline, progress);
        iterations += o.iterations();
        if (o.timedOut()) timedOut = true;
        return csWs.z;
    }

    private void runStart(boolean[][] z) {
        ws.load(new double[problem.taskCount()][problem.featureCount()], z);
        ws.refit();
        IhtSolver.Outcome iht = IhtSolver.run(ws, options.maxIterations(), deadline, progress);
        iterations += iht.iterations();
        ws.refit();
        StopReason stop = iht.converged() ? StopReason.CONVERGED : StopReason.ITERATION_LIMIT;
        if (iht.timedOut()) {
            timedOut = true;
            stop = StopReason.TIME_LIMIT;
        } else if (options.localSearch() && options.maxLocalSearchSweeps() > 0) {
            LocalSearch.Outcome ls = LocalSearch.run(ws, options.maxLocalSearchSweeps(), deadline, progress);
            swaps += ls.swaps();
            if (ls.timedOut()) {
                timedOut = true;
                stop = StopReason.TIME_LIMIT;
            } else {
                stop = ls.converged() ? StopReason.CONVERGED : StopReason.ITERATION_LIMIT;
            }
        }
        consider(ws.toSolution(), stop);
    }

    private void consider(SmtlSolution candidate, StopReason stop) {
        if (separable() && best != null) candidate = mergePerTask(candidate);
        double value = ObjectiveEvaluator.value(problem, candidate);
        if (value < bestValue) {
            best = candidate;
            bestValue = value;
            bestStop = stop;
        }
        progress.report("start", iterations, bestValue);
    }

    /** Independent tasks (L0L2): F is a sum of per-task terms, so the best of each task can be combined. */
    private boolean separable() {
        return problem.bbar() == 0 && problem.zbar() == 0 && !problem.commonSupport() && problem.taskCount() > 1;
    }

    /** Per task, the better of the candidate's and the incumbent's support (valid because F separates). */
    private SmtlSolution mergePerTask(SmtlSolution candidate) {
        boolean[][] z = candidate.supports();
        boolean[][] incumbent = best.supports();
        for (int k = 0; k < problem.taskCount(); k++) {
            if (taskValue(k, best) < taskValue(k, candidate)) z[k] = incumbent[k];
        }
        return SupportRefitter.refit(problem, z);
    }

    private double taskValue(int k, SmtlSolution sol) {
        var t = problem.data().task(k);
        double[] fitted = new double[t.rows()];
        t.x().timesInto(sol.coefficients(k), fitted);
        double ss = 0;
        double sq = 0;
        for (int i = 0; i < fitted.length; i++) {
            double r = t.y(i) - sol.intercept(k) - fitted[i];
            ss += r * r;
        }
        for (int j = 0; j < problem.featureCount(); j++) sq += sol.coefficient(k, j) * sol.coefficient(k, j);
        return ss / (2.0 * t.rows()) + 0.5 * problem.ridge() * sq;
    }

    private void checkShape(SmtlSolution warmStart) {
        if (warmStart.taskCount() != problem.taskCount() || warmStart.featureCount() != problem.featureCount()) {
            throw new IllegalArgumentException("warm start has " + warmStart.taskCount() + " tasks x " + warmStart.featureCount()
                    + " features, problem has " + problem.taskCount() + " x " + problem.featureCount());
        }
    }

    /**
     * The warm start projected onto the constraint set (top-s per task by |beta|, or common rows), keeping its
     * coefficients on the kept features and recomputing the intercepts optimally for them.
     */
    static SmtlSolution projectWarmStart(SmtlProblem problem, SmtlSolution warmStart) {
        double[][] beta = warmStart.coefficients();
        boolean[][] z = WarmStarts.project(problem, beta);
        int kCount = problem.taskCount();
        double[] b0 = new double[kCount];
        for (int k = 0; k < kCount; k++) {
            var task = problem.data().task(k);
            double v = task.responseMean();
            for (int j = 0; j < problem.featureCount(); j++) {
                if (!z[k][j]) beta[k][j] = 0.0;
                else v -= task.x().columnMean(j) * beta[k][j];
            }
            b0[k] = v;
        }
        return new SmtlSolution(b0, beta, z);
    }
}
