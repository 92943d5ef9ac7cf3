package certus.formulations.bnb;

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
import certus.solver.ModelException;
import certus.solver.SolveListener;
import certus.solver.SolveParameters;
import certus.solver.SolveResult;
import certus.solver.Termination;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Branch and bound over supports with perspective-relaxation bounds, written in Java (exact.md §2's relaxation,
 * L0BnB-style; our construction). Each node's relaxation is solved by {@link NodeRelaxation}; nodes are explored
 * best-bound first and pruned when their weak-duality bound reaches the incumbent less half the gap tolerance.
 *
 * <p>Why our own tree: the MIQP backends branch on the same binaries but bound nodes with LP outer approximations of
 * the cones, and OR-Tools offers no callbacks to give SCIP a better relaxation. Here a node bound costs a few small
 * Cholesky solves on cached Gram columns, so tens of thousands of nodes per minute are affordable.
 *
 * <p>Scope: one shared support vector — K = 1, or common support with bbar = 0 — with ridge &gt; 0; L0L2 with
 * several tasks separates into K single-task trees ({@link SeparableSolve}). Other variants get a clear error.
 *
 * <p>Bounds are honest: the reported bound is the minimum over open nodes and over nodes pruned by bound, never
 * above the incumbent; OPTIMAL only when no open node is left; any limit ends FEASIBLE with that limit.
 */
public final class SupportBranchAndBound implements ExactSolver {
    /** Nodes are pruned at incumbent * (1 - PRUNE_SHARE * gap): the final gap is at most PRUNE_SHARE of the target. */
    static final double PRUNE_SHARE = 0.5;
    static final int ROOT_ITERATIONS = 400;
    static final int NODE_ITERATIONS = 40;
    /** The name results report as their backend: the tree and its relaxations are ours. */
    public static final String ENGINE = "certus-bnb";
    public static final String VERSION = "1";
    /** Seconds between progress events. */
    private static final double PROGRESS_EVERY = 2.0;
    /** Cap on the cache of evaluated supports (memory), cleared when reached. */
    private static final int VERTEX_CACHE_CAP = 200_000;

    /** Whether this engine can solve {@code problem} (possibly after splitting it by task). */
    public static boolean supports(SmtlProblem problem) {
        return problem.ridge() > 0 && problem.bbar() == 0
                && (problem.taskCount() == 1 || problem.commonSupport() || SeparableSolve.applies(problem));
    }

    @Override
    public ExactResult solve(SmtlProblem problem, SmtlSolution warmStart, ExactOptions options, Backends backends,
                             SolveListener listener, CancellationToken cancellation) {
        if (!supports(problem)) {
            throw new ModelException("method bnb needs ridge > 0 and bbar = 0 with one task, common support or L0L2 (got "
                    + problem.variant() + ", ridge " + problem.ridge() + ", K " + problem.taskCount()
                    + "); use --method perspective or oa for this problem");
        }
        return SeparableSolve.splitIfSeparable(this::solveShared, problem, warmStart, options, backends, listener, cancellation);
    }

    private ExactResult solveShared(SmtlProblem problem, SmtlSolution warmStart, ExactOptions options, Backends backends,
                                    SolveListener listener, CancellationToken cancellation) {
        return new Run(problem, options.parameters(), listener == null ? SolveListener.NONE : listener,
                cancellation == null ? CancellationToken.none() : cancellation).execute(warmStart);
    }

    /** The mutable state of one solve. */
    private static final class Run implements NodeRelaxation.VertexSink {
        final SmtlProblem problem;
        final SolveParameters params;
        final SolveListener listener;
        final CancellationToken cancel;
        final long start = System.nanoTime();
        final int p;
        final WeightedRidge ridge;
        final Map<Support, Double> vertexValues = new HashMap<>();
        final NodeRelaxation relaxation;
        final PriorityQueue<Node> open = new PriorityQueue<>((a, b) -> a.bound() != b.bound()
                ? Double.compare(a.bound(), b.bound()) : Integer.compare(b.depth(), a.depth()));
        Support best;
        double ub = Double.POSITIVE_INFINITY;
        /** Smallest bound of a node closed by bound (its supports are all within the tolerance of the incumbent). */
        double closedBound = Double.POSITIVE_INFINITY;
        long nodes;
        long iterations;
        double lastProgress = -1;

        Run(SmtlProblem problem, SolveParameters params, SolveListener listener, CancellationToken cancel) {
            this.problem = problem;
            this.params = params;
            this.listener = listener;
            this.cancel = cancel;
            this.p = problem.featureCount();
            List<TaskGram> grams = new ArrayList<>();
            for (int k = 0; k < problem.taskCount(); k++) grams.add(new TaskGram(problem.data().task(k)));
            this.ridge = new WeightedRidge(grams, problem.ridge());
            this.relaxation = new NodeRelaxation(ridge, this, vertexValues);
        }

        @Override
        public void offer(Support support, double value) {
            if (value < ub) {
                ub = value;
                best = support;
            }
        }

        ExactResult execute(SmtlSolution warmStart) {
            boolean[] out = new boolean[p];
            for (int j = 0; j < p; j++) out[j] = !problem.selectable(0, j);
            Node root0 = new Node(new boolean[p], out, problem.s(), 0.0, 0, Map.of());
            Support startSupport = warmSupport(warmStart, root0);
            Node root = withWarmStart(root0, Map.of(startSupport, 1.0));
            open.add(root);
            Termination stop = null;
            boolean first = true;
            while (!open.isEmpty()) {
                stop = limit();
                if (stop != null) break;
                Node node = open.poll();
                if (node.bound() >= cutoff()) {
                    close(node.bound());
                    continue;
                }
                process(node, first ? ROOT_ITERATIONS : NODE_ITERATIONS);
                first = false;
                progress(false);
            }
            if (stop == null) stop = Termination.optimal("branch and bound: no open node left after " + nodes + " nodes");
            return finish(stop);
        }

        private void process(Node node, int maxIters) {
            nodes++;
            if (node.budget() == 0 || node.freeCount() <= node.budget()) {
                // Leaf: c is non-increasing in z, so the node's best support takes every free feature it can.
                boolean[] all = new boolean[p];
                for (int j = 0; j < p; j++) all[j] = node.in()[j] || (node.budget() > 0 && !node.out()[j]);
                double v = relaxation.value(new Support(SmtlSolution.indicesOf(all)));
                close(Math.max(node.bound(), v));
                return;
            }
            NodeRelaxation.Outcome o = relaxation.solve(node, cutoff(), maxIters);
            iterations += o.iterations();
            roundAndOffer(node, o.z());
            if (o.bound() >= cutoff()) {
                close(o.bound());
                return;
            }
            int j = branchingFeature(node, o);
            if (j < 0) {
                close(o.bound()); // cannot happen for a non-leaf node; kept total
                return;
            }
            double[] h = o.last().h();
            boolean[] outChild = node.out().clone();
            outChild[j] = true;
            boolean[] inChild = node.in().clone();
            inChild[j] = true;
            Node zero = new Node(node.in(), outChild, node.budget(), o.bound(), node.depth() + 1, Map.of());
            Node one = new Node(inChild, node.out(), node.budget() - 1, o.bound(), node.depth() + 1, Map.of());
            for (Node child : List.of(zero, one)) {
                double b = Math.max(o.bound(), NodeRelaxation.bound(child, o.last()));
                Node c = new Node(child.in(), child.out(), child.budget(), b, child.depth(),
                        warmFor(child, o.active(), h));
                if (b >= cutoff()) close(b);
                else open.add(c);
            }
        }

        /** The free feature whose relaxation value is most fractional; else where the iterate and the LP step disagree. */
        private int branchingFeature(Node node, NodeRelaxation.Outcome o) {
            double[] z = o.z();
            int best = -1;
            double score = 1e-9;
            for (int j = 0; j < p; j++) {
                if (!node.free(j)) continue;
                double f = Math.min(z[j], 1 - z[j]);
                if (f > score) {
                    score = f;
                    best = j;
                }
            }
            if (best >= 0) return best;
            Support v = NodeRelaxation.linearMinimizer(node, o.last().h());
            double[] h = o.last().h();
            double top = -1;
            for (int j = 0; j < p; j++) {
                if (!node.free(j)) continue;
                boolean differs = v.contains(j) != (z[j] > 0.5);
                if (differs && h[j] > top) {
                    top = h[j];
                    best = j;
                }
            }
            if (best >= 0) return best;
            for (int j = 0; j < p; j++) if (node.free(j) && z[j] > 0.5) return j;
            return -1;
        }

        /** The parent's supports the child admits, re-weighted; else the child's linear minimizer at the parent's h. */
        private static Map<Support, Double> warmFor(Node child, Map<Support, Double> parent, double[] h) {
            Map<Support, Double> kept = new LinkedHashMap<>();
            double total = 0;
            for (Map.Entry<Support, Double> e : parent.entrySet()) {
                if (child.admits(e.getKey())) {
                    kept.put(e.getKey(), e.getValue());
                    total += e.getValue();
                }
            }
            if (kept.isEmpty() || total <= 0) return Map.of(NodeRelaxation.linearMinimizer(child, h), 1.0);
            double t = total;
            kept.replaceAll((k, w) -> w / t);
            return kept;
        }

        /** Rounds the relaxation to the node's budget largest free z_j (plus the forced ones): a feasible support. */
        private void roundAndOffer(Node node, double[] z) {
            relaxation.value(NodeRelaxation.linearMinimizer(node, z));
        }

        private Support warmSupport(SmtlSolution warmStart, Node root) {
            if (warmStart != null) {
                Support s = new Support(SmtlSolution.indicesOf(warmStart.supports()[0]));
                if (root.admits(s)) return s;
            }
            // Without a start: the budget's most correlated features (the linear minimizer at z = 0).
            return NodeRelaxation.linearMinimizer(root, ridge.evaluate(new double[p]).h());
        }

        private static Node withWarmStart(Node n, Map<Support, Double> warm) {
            return new Node(n.in(), n.out(), n.budget(), n.bound(), n.depth(), warm);
        }

        private double cutoff() {
            double tol = Math.max(PRUNE_SHARE * params.relativeGap() * Math.abs(ub), PRUNE_SHARE * params.absoluteGap());
            return ub - tol;
        }

        private void close(double bound) {
            closedBound = Math.min(closedBound, bound);
            if (vertexValues.size() > VERTEX_CACHE_CAP) vertexValues.clear();
        }

        private double lowerBound() {
            double lb = closedBound;
            Node top = open.peek();
            if (top != null) lb = Math.min(lb, top.bound());
            return Math.min(lb, ub);
        }

        private Termination limit() {
            if (cancel.isCancelled()) return Termination.limit(Termination.Limit.INTERRUPTED, true, "cancelled after " + nodes + " nodes");
            if (elapsed() >= params.timeLimitSeconds()) return Termination.limit(Termination.Limit.TIME, true, "time limit after " + nodes + " nodes");
            return null;
        }

        private double elapsed() {
            return (System.nanoTime() - start) / 1e9;
        }

        private void progress(boolean force) {
            double t = elapsed();
            if (!force && t - lastProgress < PROGRESS_EVERY) return;
            lastProgress = t;
            listener.onProgress(new SolveListener.SolveProgress(t, objective(), lowerBound(), nodes));
        }

        /** The incumbent's value on the sMTL objective (intercepts refitted), as reported. */
        private double objective() {
            return ub;
        }

        private ExactResult finish(Termination termination) {
            double lb = lowerBound();
            progress(true);
            boolean[][] z = new boolean[problem.taskCount()][];
            for (int k = 0; k < z.length; k++) z[k] = best.mask(p);
            SmtlSolution sol = SupportRefitter.refit(problem, z);
            double objective = ObjectiveEvaluator.value(problem, sol);
            if (Math.abs(objective - ub) > 1e-8 * (1 + Math.abs(ub))) {
                return new ExactResult(sol, objective, Double.NEGATIVE_INFINITY, Termination.error(Termination.Reason.NUMERICAL_ERROR,
                        "branch-and-bound value " + ub + " of support " + best + " disagrees with the objective " + objective),
                        ExactMethod.BNB, ENGINE, VERSION, MKind.NONE, Double.NaN, 0, elapsed(), nodes, 1, 0);
            }
            double bound = Math.min(lb, objective);
            listener.onLog("branch and bound " + termination.reason() + " after " + nodes + " nodes, " + iterations
                    + " relaxation iterations: UB " + objective + ", LB " + bound + ", gap " + SolveResult.relativeGap(objective, bound));
            return new ExactResult(sol, objective, bound, termination, ExactMethod.BNB, ENGINE, VERSION, MKind.NONE, Double.NaN, 0,
                    elapsed(), nodes, 1, 0);
        }
    }
}
