package certus.formulations.bnb;

import certus.formulations.ExactOptions;
import certus.formulations.ExactResult;
import certus.formulations.ExactSolver;
import certus.formulations.SeparableSolve;
import certus.smtl.SmtlProblem;
import certus.smtl.SmtlSolution;
import certus.solver.Backends;
import certus.solver.CancellationToken;
import certus.solver.ModelException;
import certus.solver.SolveListener;
import certus.solver.SolveParameters;


/**
 * Branch and bound over supports with perspective-relaxation bounds, written in Java (exact.md §2's relaxation,
 * L0BnB-style; our construction). One shared support is searched by {@link SharedSupportSearch}, whose nodes' relaxations are solved by
 * {@link NodeRelaxation}; nodes are explored
 * best-bound first and pruned when their weak-duality bound reaches the incumbent less half the gap tolerance.
 *
 * <p>Why our own tree: the MIQP backends branch on the same binaries but bound nodes with LP outer approximations of
 * the cones, and OR-Tools offers no callbacks to give SCIP a better relaxation. Here a node bound costs a few small
 * Cholesky solves on cached Gram columns, so tens of thousands of nodes per minute are affordable.
 *
 * <p>Scope: ridge &gt; 0 and bbar = 0. One shared support vector (K = 1, or common support) is searched here; L0L2 with
 * several tasks separates into K single-task trees ({@link SeparableSolve}); heterogeneous supports with a Zbar
 * penalty go to {@link ZbarSearch}. Bbar couples coefficients, which these relaxations do not model: a clear error.
 *
 * <p>Bounds are honest: the reported bound is the minimum over open nodes and over nodes pruned by bound, never
 * above the incumbent; OPTIMAL only when no open node is left; any limit ends FEASIBLE with that limit.
 */
public final class SupportBranchAndBound implements ExactSolver {
    /** The name results report as their backend: the tree and its relaxations are ours. */
    public static final String ENGINE = "certus-bnb";
    public static final String VERSION = "1";

    private final BnbProof.Log proofLog;
    private final ZbarSolve.Lagrangian lagrangian;

    /** A search without a proof. */
    public SupportBranchAndBound() {
        this(null);
    }

    /**
     * A search that records a proof of its bound into {@code proofLog} (one {@link TreeProof} per tree), for
     * {@link certus.formulations.cert.BnbProofChecker}. Costs memory per closed node; null records nothing.
     */
    public SupportBranchAndBound(BnbProof.Log proofLog) {
        this(proofLog, ZbarSolve.Lagrangian.AUTO);
    }

    /** As above, choosing when Zbar problems use the Lagrangian split (tests force each path). */
    SupportBranchAndBound(BnbProof.Log proofLog, ZbarSolve.Lagrangian lagrangian) {
        this.proofLog = proofLog;
        this.lagrangian = lagrangian;
    }

    /** Whether this engine can solve {@code problem} (possibly after splitting it by task). */
    public static boolean supports(SmtlProblem problem) {
        return problem.ridge() > 0 && problem.bbar() == 0;
    }

    /** Whether one support vector serves every task (K = 1 or common support): the single-support search. */
    private static boolean sharedSupport(SmtlProblem problem) {
        return problem.taskCount() == 1 || problem.commonSupport();
    }

    @Override
    public ExactResult solve(SmtlProblem problem, SmtlSolution warmStart, ExactOptions options, Backends backends,
                             SolveListener listener, CancellationToken cancellation) {
        if (!supports(problem)) {
            throw new ModelException("method bnb needs ridge > 0 and bbar = 0 (got "
                    + problem.variant() + ", ridge " + problem.ridge() + ", K " + problem.taskCount()
                    + "); use --method perspective or oa for this problem");
        }
        return SeparableSolve.splitIfSeparable(this::solveJoint, problem, warmStart, options, backends, listener, cancellation);
    }

    private ExactResult solveJoint(SmtlProblem problem, SmtlSolution warmStart, ExactOptions options, Backends backends,
                                    SolveListener listener, CancellationToken cancellation) {
        SolveListener l = listener == null ? SolveListener.NONE : listener;
        CancellationToken c = cancellation == null ? CancellationToken.none() : cancellation;
        return sharedSupport(problem) ? sharedSearch(problem, options.parameters(), l, c, ProofRecorder.to(proofLog, problem.s()), warmStart)
                : new ZbarSolve(problem, options.parameters(), l, c, proofLog, backends, lagrangian).execute(warmStart);
    }

    /** The shared-support tree ({@link SharedSupportSearch}) on the whole problem, from the warm start's support. */
    private static ExactResult sharedSearch(SmtlProblem problem, SolveParameters params, SolveListener listener, CancellationToken cancel,
                                            ProofRecorder proof, SmtlSolution warmStart) {
        int p = problem.featureCount();
        boolean[] selectable = new boolean[p];
        for (int j = 0; j < p; j++) selectable[j] = problem.selectable(0, j);
        Support warm = warmStart == null ? null : new Support(SmtlSolution.indicesOf(warmStart.supports()[0]));
        SharedSupportSearch.Result r = new SharedSupportSearch(TaskGram.perTask(problem), problem.ridge(), problem.s(), selectable, null, null,
                params, listener, cancel, proof).search(warm);
        boolean[][] z = new boolean[problem.taskCount()][];
        for (int k = 0; k < z.length; k++) z[k] = r.best().mask(p);
        ExactResult result = BranchAndBoundResult.of(problem, z, r.value(), r.outcome(), r.seconds(), r.iterations(), listener);
        proof.finish(problem.data().taskLabels(), true);
        return result;
    }
}
