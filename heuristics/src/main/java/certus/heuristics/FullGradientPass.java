package certus.heuristics;

import certus.smtl.SmtlProblem;
import certus.smtl.SmtlSolution;

/**
 * One prox-gradient step over all p features for every task at a fixed point, without moving the point: the
 * O(sum_k n_k p) unit of work that the active-set outer loop of the heuristic repeats. Public so that the
 * benchmarks can hold it against a bare {@code X^T r} (the target: within 2x).
 */
public final class FullGradientPass {
    private final IhtSolver solver;

    private FullGradientPass(IhtSolver solver) {
        this.solver = solver;
    }

    /** Prepares a pass at {@code point} (its residuals and caches are built here, not in {@link #run}). */
    public static FullGradientPass at(SmtlProblem problem, SmtlSolution point) {
        Workspace ws = new Workspace(problem);
        ws.load(point);
        return new FullGradientPass(IhtSolver.on(ws));
    }

    /** Runs the pass; returns the total number of features the prox selects (summed over blocks). */
    public int run() {
        int selected = 0;
        for (int b = 0; b < solver.blockCount(); b++) selected += solver.fullPass(b);
        return selected;
    }
}
