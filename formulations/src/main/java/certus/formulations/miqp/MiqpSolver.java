package certus.formulations.miqp;

import certus.formulations.ExactMethod;
import certus.formulations.ExactOptions;
import certus.formulations.ExactResult;
import certus.formulations.ExactSolver;
import certus.formulations.MKind;
import certus.formulations.SeparableSolve;
import certus.smtl.ObjectiveEvaluator;
import certus.smtl.SmtlProblem;
import certus.smtl.SmtlSolution;
import certus.smtl.SupportRefitter;
import certus.solver.Backends;
import certus.solver.CancellationToken;
import certus.solver.Capability;
import certus.solver.ModelException;
import certus.solver.SolveListener;
import certus.solver.SolveResult;
import certus.solver.SolverBackend;
import certus.solver.Termination;

/**
 * Big-M and perspective MIQPs (exact.md §1-§2) solved in one backend call, warm-started from the heuristic.
 *
 * <p>Link choice: PERSPECTIVE uses cones (plus the proven big-M rows as extra valid inequalities); it needs
 * ridge &gt; 0 and falls back to BIGM otherwise, since the cone term vanishes (the result names the formulation
 * actually solved); a backend without cones is an error, not a silent fallback. BIGM with ridge &gt; 0 uses a proven
 * M; with ridge = 0 it uses indicator constraints when the backend has them (no M, unconditional), else a
 * heuristic M that is doubled and re-solved (at most {@link #MAX_DOUBLINGS} times) while a coefficient sits at
 * it — and whose optimality stays conditional (MKind.CHECKED), never reported as optimal.
 *
 * <p>L0L2 with several tasks separates into K independent best-subset problems ({@link SeparableSolve}): K small
 * MIQPs instead of one K times larger.
 *
 * <p>The backend's point only supplies supports: the reported solution is the exact refit on them, its objective
 * comes from the ObjectiveEvaluator, and the warm start is kept when the backend found nothing better.
 */
public final class MiqpSolver implements ExactSolver {
    static final int MAX_DOUBLINGS = 5;

    private final Double forcedM;

    /** The standard solver: M chosen by the rules of exact.md §1.1. */
    public MiqpSolver() {
        this(null);
    }

    /**
     * A solver starting from a user-given M (treated as heuristic: CHECKED, doubled while binding). Used to
     * show that a too-small M is detected and repaired.
     */
    public MiqpSolver(Double forcedM) {
        this.forcedM = forcedM;
    }

    @Override
    public ExactResult solve(SmtlProblem problem, SmtlSolution warmStart, ExactOptions options, Backends backends,
                             SolveListener listener, CancellationToken cancellation) {
        return SeparableSolve.splitIfSeparable(this::solveJoint, problem, warmStart, options, backends, listener, cancellation);
    }

    /** One MIQP over all tasks (with the big-M doubling loop). */
    ExactResult solveJoint(SmtlProblem problem, SmtlSolution warmStart, ExactOptions options, Backends backends,
                           SolveListener listener, CancellationToken cancellation) {
        long start = System.nanoTime();
        SolverBackend backend = backends.require(options.backend());
        MiqpStart begin = MiqpStart.of(problem, warmStart);
        CenteredTask[] tasks = begin.tasks();
        SmtlSolution best = begin.point();
        double bestValue = begin.value();

        LinkMode link = linkMode(problem, options.method(), backend);
        CoefficientBounds bounds = forcedM != null
                ? new CoefficientBounds(filled(problem, forcedM), MKind.CHECKED)
                : begin.bounds(problem);
        MKind kind = link == LinkMode.INDICATORS ? MKind.NONE : bounds.kind();

        SolveListener out = listener == null ? SolveListener.NONE : listener;
        // The warm start is an incumbent from the first second: report it (SCIP's proto solves are silent until they
        // end), and never report a backend incumbent worse than the point we already hold.
        out.onProgress(new SolveListener.SolveProgress(seconds(start), bestValue, Double.NEGATIVE_INFINITY, 0));
        SolveResult last = null;
        int doublings = 0;
        long nodes = 0;
        while (true) {
            double remaining = options.parameters().timeLimitSeconds() - seconds(start);
            if (remaining <= 0) break;
            MiqpModel m = MiqpModel.build(problem, tasks, bounds, link, best);
            last = backend.solve(m.model(), options.parameters().withTimeLimitSeconds(remaining), capped(out, bestValue), cancellation);
            nodes += last.nodes();
            boolean binding = false;
            if (last.hasSolution()) {
                SmtlSolution candidate = SupportRefitter.refit(problem, m.supports(last.values()));
                double value = ObjectiveEvaluator.value(problem, candidate);
                if (value < bestValue) {
                    best = candidate;
                    bestValue = value;
                }
                binding = kind == MKind.CHECKED && (m.atBound(last.values(), bounds) || exceeds(candidate, bounds));
            }
            if (!binding || doublings >= MAX_DOUBLINGS || cancellation.isCancelled()) break;
            bounds = bounds.scaled(2.0);
            doublings++;
        }
        Termination termination = last == null
                ? Termination.limit(Termination.Limit.TIME, true, "time limit reached before the MIQP was solved")
                : last.termination();
        double bound = last == null ? Double.NEGATIVE_INFINITY : last.bestBound();
        if (termination.reason() == Termination.Reason.OPTIMAL && kind == MKind.CHECKED && doublings >= MAX_DOUBLINGS) {
            termination = Termination.limit(Termination.Limit.OTHER, true, "big-M still binding after " + MAX_DOUBLINGS + " doublings");
        }
        double mValue = kind == MKind.NONE ? Double.NaN : bounds.max();
        // With ridge = 0 the perspective term vanishes and the big-M (or indicator) model is what was solved.
        ExactMethod used = link == LinkMode.PERSPECTIVE ? ExactMethod.PERSPECTIVE : ExactMethod.BIGM;
        return new ExactResult(best, bestValue, bound, termination, used, backend.name(), backend.version(), kind, mValue,
                doublings, seconds(start), nodes, 1, 0);
    }

    private static LinkMode linkMode(SmtlProblem problem, ExactMethod method, SolverBackend backend) {
        if (method == ExactMethod.PERSPECTIVE && problem.ridge() > 0) {
            if (!backend.capabilities().contains(Capability.ROTATED_CONE)) {
                throw new ModelException("the perspective formulation needs rotated cones, which backend " + backend.name()
                        + " does not take. Maybe use --method bigm, or a backend with cones (see 'certus backends').");
            }
            return LinkMode.PERSPECTIVE;
        }
        if (problem.ridge() == 0 && backend.capabilities().contains(Capability.INDICATORS)) return LinkMode.INDICATORS;
        return LinkMode.BIG_M;
    }

    /** Forwards backend events with the incumbent capped at {@code held}, the value of a point we already have. */
    private static SolveListener capped(SolveListener l, double held) {
        return new SolveListener() {
            @Override
            public void onProgress(SolveProgress e) {
                double inc = Double.isNaN(e.incumbent()) ? held : Math.min(e.incumbent(), held);
                l.onProgress(new SolveProgress(e.seconds(), inc, e.bound(), e.nodes()));
            }

            @Override
            public void onLog(String line) {
                l.onLog(line);
            }
        };
    }

    private static boolean exceeds(SmtlSolution s, CoefficientBounds bounds) {
        for (int k = 0; k < s.taskCount(); k++) {
            for (int j = 0; j < s.featureCount(); j++) if (Math.abs(s.coefficient(k, j)) > bounds.m()[k][j]) return true;
        }
        return false;
    }

    private static double[][] filled(SmtlProblem problem, double m) {
        double[][] out = new double[problem.taskCount()][problem.featureCount()];
        for (double[] row : out) java.util.Arrays.fill(row, m);
        return out;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
