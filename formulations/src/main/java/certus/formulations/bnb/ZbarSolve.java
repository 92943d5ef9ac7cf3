package certus.formulations.bnb;

import certus.formulations.ExactResult;
import certus.smtl.SmtlProblem;
import certus.smtl.SmtlSolution;
import certus.solver.Backends;
import certus.solver.CancellationToken;
import certus.solver.SolveListener;
import certus.solver.SolveParameters;
import certus.solver.SolverBackend;
import certus.solver.Termination;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The exact solve of Zbar + L2 with heterogeneous supports: the joint tree ({@link ZbarSearch}) for a short while, which
 * settles small problems at once; if it has not, the Lagrangian split ({@link LagrangianZbar}), whose bound is much
 * stronger on large ones (K = 3, p = 250: tight to 2.5e-5 where the joint tree stalls at a 13% gap); if that leaves a
 * gap, the joint tree again with the time left, the better incumbent and the better of the two bounds.
 *
 * <p>Proofs: whichever bound is reported, its proof is the one on record: the joint tree's leaves, or the Lagrangian
 * split's multipliers with the task trees of the round that gave its bound ({@link BnbProof#lagrangian()}).
 */
final class ZbarSolve {
    /** Share of the time limit, and a cap in seconds, for the first joint-tree attempt. */
    private static final double FIRST_TREE_SHARE = 0.05;
    private static final double FIRST_TREE_SECONDS = 5;
    /** Share of the requested gap the Lagrangian split may leave (the rest absorbs rounding). */
    private static final double TOLERANCE_SHARE = 0.9;
    /** LP solvers for the Lagrangian master, in order of preference. */
    private static final List<String> LP_BACKENDS = List.of("highs", "ojalgo");

    /** When the Lagrangian split is tried. */
    enum Lagrangian { AUTO, ALWAYS, NEVER }

    private final SmtlProblem problem;
    private final SolveParameters params;
    private final SolveListener listener;
    private final CancellationToken cancel;
    private final BnbProof.Log proofLog;
    private final Backends backends;
    private final Lagrangian mode;
    /** Gram statistics and selectable features, built once for the joint trees and the split (their column caches fill once). */
    private final List<TaskGram> grams;
    private final boolean[][] selectable;

    ZbarSolve(SmtlProblem problem, SolveParameters params, SolveListener listener, CancellationToken cancel, BnbProof.Log proofLog,
              Backends backends, Lagrangian mode) {
        this.problem = problem;
        this.params = params;
        this.listener = listener;
        this.cancel = cancel;
        this.proofLog = proofLog;
        this.backends = backends;
        this.mode = mode;
        this.grams = TaskGram.perTask(problem);
        this.selectable = ZbarSearch.selectable(problem);
    }

    ExactResult execute(SmtlSolution warmStart) {
        long start = System.nanoTime();
        Optional<SolverBackend> lp = lpBackend();
        if (mode == Lagrangian.NEVER || lp.isEmpty()) return tree(params, warmStart, proofLog);
        double limit = params.timeLimitSeconds();
        SmtlSolution incumbent = warmStart != null ? warmStart
                : certus.smtl.SupportRefitter.refit(problem, new boolean[problem.taskCount()][problem.featureCount()]);
        double bestBound = Double.NEGATIVE_INFINITY;
        BnbProof bestProof = null;
        if (mode == Lagrangian.AUTO) {
            BnbProof.Log log = newLog();
            ExactResult r = tree(params.withTimeLimitSeconds(Math.min(FIRST_TREE_SECONDS, FIRST_TREE_SHARE * limit)), incumbent, log);
            if (r.termination().reason() == Termination.Reason.OPTIMAL || cancel.isCancelled()) {
                install(log == null ? null : log.proof());
                return r;
            }
            bestBound = r.bound();
            bestProof = log == null ? null : log.proof();
            if (r.solution() != null && r.objective() < valueOf(incumbent)) incumbent = r.solution();
        }
        // The split may use nearly all of the requested gap: its trees prune at their share of it, and the result is
        // OPTIMAL only if L reaches the incumbent within it.
        double tolerance = TOLERANCE_SHARE * Math.max(params.relativeGap() * Math.abs(valueOf(incumbent)), params.absoluteGap());
        long deadline = start + (long) (Math.min(limit, 1e7) * 1e9);
        LagrangianZbar split = new LagrangianZbar(problem.data().taskLabels(), grams, problem.ridge(), problem.s(), problem.zbar(),
                selectable, lp.get(), proofLog != null, listener, cancel);
        LagrangianZbar.Outcome o = split.run(supports(incumbent), tolerance, deadline, bestBound);
        listener.onLog(String.format(Locale.ROOT, "lagrangian split: bound %.10g, incumbent %.10g after %d rounds, %d task-tree nodes, %.1f s",
                o.bound(), o.value(), o.rounds(), o.nodes(), elapsed(start)));
        if (o.bound() > bestBound) {
            bestBound = o.bound();
            bestProof = o.proof() != null ? o.proof() : new BnbProof(List.of(), "the Lagrangian split recorded no proof");
        }
        boolean closed = withinGap(o.value(), bestBound);
        double left = limit - elapsed(start);
        if (closed || left <= 0 || cancel.isCancelled()) {
            install(bestProof);
            Termination t = closed ? Termination.optimal("the Lagrangian bound meets the incumbent")
                    : cancel.isCancelled() ? Termination.limit(Termination.Limit.INTERRUPTED, true, "cancelled in the Lagrangian split")
                    : Termination.limit(Termination.Limit.TIME, true, "time limit in the Lagrangian split");
            return BranchAndBoundResult.of(problem, o.best(), o.value(), new BestFirstSearch.Outcome(t, bestBound, o.nodes()),
                    elapsed(start), o.rounds(), listener);
        }
        // A duality gap is left: the joint tree with the time left, from the better incumbent.
        BnbProof.Log log = newLog();
        ExactResult r = tree(params.withTimeLimitSeconds(left), certus.smtl.SupportRefitter.refit(problem, o.best()), log);
        if (r.bound() >= bestBound) {
            install(log == null ? null : log.proof());
            return r;
        }
        install(bestProof);
        Termination t = withinGap(r.objective(), bestBound) ? Termination.optimal("the Lagrangian bound meets the incumbent") : r.termination();
        return r.withBound(Math.min(bestBound, r.objective()), t);
    }

    /** Whether the bound proves the value optimal within the requested gap. */
    private boolean withinGap(double value, double bound) {
        return value - bound <= Math.max(params.relativeGap() * Math.abs(value), params.absoluteGap());
    }

    private ExactResult tree(SolveParameters p, SmtlSolution warmStart, BnbProof.Log log) {
        return new ZbarSearch(grams, problem.ridge(), problem.s(), problem.zbar(), selectable, p, listener, cancel,
                ProofRecorder.to(log, problem.s())).execute(problem, warmStart);
    }

    /** A log for one attempt's proof when proofs are recorded, else null. */
    private BnbProof.Log newLog() {
        return proofLog == null ? null : new BnbProof.Log();
    }

    /** Puts the proof of the bound being reported on record. */
    private void install(BnbProof proof) {
        if (proofLog != null && proof != null) proofLog.install(proof);
    }

    private Optional<SolverBackend> lpBackend() {
        if (backends == null) return Optional.empty();
        for (String name : LP_BACKENDS) {
            Optional<SolverBackend> b = backends.find(name).filter(x -> x.availability().available());
            if (b.isPresent()) return b;
        }
        return Optional.empty();
    }

    private double valueOf(SmtlSolution s) {
        return certus.smtl.ObjectiveEvaluator.value(problem, s);
    }

    private boolean[][] supports(SmtlSolution s) {
        boolean[][] z = new boolean[problem.taskCount()][problem.featureCount()];
        for (int k = 0; k < z.length; k++) for (int j = 0; j < z[k].length; j++) z[k][j] = s.inSupport(k, j) && problem.selectable(k, j);
        return z;
    }

    private static double elapsed(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
