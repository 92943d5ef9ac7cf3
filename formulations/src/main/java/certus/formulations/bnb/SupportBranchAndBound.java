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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Branch and bound over supports with perspective-relaxation bounds, written in Java (exact.md §2's relaxation,
 * L0BnB-style; our construction). Each node's relaxation is solved by {@link NodeRelaxation}; nodes are explored
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
    static final int ROOT_ITERATIONS = 400;
    static final int NODE_ITERATIONS = 8;
    /** The name results report as their backend: the tree and its relaxations are ours. */
    public static final String ENGINE = "certus-bnb";
    public static final String VERSION = "1";
    /** Cap on the cache of evaluated supports (memory), cleared when reached. */
    private static final int VERTEX_CACHE_CAP = 200_000;

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
        return sharedSupport(problem) ? new Run(problem, options.parameters(), l, c, ProofRecorder.to(proofLog, problem.s())).execute(warmStart)
                : new ZbarSolve(problem, options.parameters(), l, c, proofLog, backends, lagrangian).execute(warmStart);
    }

    /** The mutable state of one solve: the incumbent and the relaxation; the tree is {@link BestFirstSearch}. */
    private static final class Run implements NodeRelaxation.VertexSink, BestFirstSearch.Expander<Node> {
        final SmtlProblem problem;
        final SolveParameters params;
        final SolveListener listener;
        final CancellationToken cancel;
        final int p;
        final WeightedRidge ridge;
        final Map<Support, Double> vertexValues = new HashMap<>();
        final NodeRelaxation relaxation;
        final ProofRecorder proof;
        Support best;
        double ub = Double.POSITIVE_INFINITY;
        long iterations;

        Run(SmtlProblem problem, SolveParameters params, SolveListener listener, CancellationToken cancel, ProofRecorder proof) {
            this.problem = problem;
            this.proof = proof;
            this.params = params;
            this.listener = listener;
            this.cancel = cancel;
            this.p = problem.featureCount();
            List<TaskGram> grams = new ArrayList<>();
            for (int k = 0; k < problem.taskCount(); k++) grams.add(new TaskGram(problem.data().task(k)));
            this.ridge = new WeightedRidge(grams, problem.ridge());
            this.relaxation = new NodeRelaxation(ridge, this, vertexValues, proof.on());
        }

        @Override
        public void offer(Support support, double value) {
            if (value < ub) {
                ub = value;
                best = support;
            }
        }

        @Override
        public double incumbent() {
            return ub;
        }

        ExactResult execute(SmtlSolution warmStart) {
            boolean[] out = new boolean[p];
            for (int j = 0; j < p; j++) out[j] = !problem.selectable(0, j);
            Node bare = new Node(new boolean[p], out, problem.s(), 0.0, 0, Map.of());
            Node root = new Node(bare.in(), bare.out(), bare.budget(), 0.0, 0, Map.of(warmSupport(warmStart, bare), 1.0));
            BestFirstSearch<Node> tree = new BestFirstSearch<>(Node::bound, Node::depth, params, listener, cancel);
            BestFirstSearch.Outcome outcome = tree.run(root, this);
            return finish(outcome, tree.elapsed());
        }

        @Override
        public void unexpanded(Node node) {
            proof.leaf(new boolean[][]{node.in()}, new boolean[][]{node.out()}, node.witness());
        }

        @Override
        public BestFirstSearch.Expansion<Node> expand(Node node, double cutoff, boolean root, BooleanSupplier stop) {
            if (vertexValues.size() > VERTEX_CACHE_CAP) vertexValues.clear();
            if (node.budget() == 0 || node.freeCount() <= node.budget()) {
                // Leaf: c is non-increasing in z, so the node's best support takes every free feature it can.
                boolean[] all = new boolean[p];
                for (int j = 0; j < p; j++) all[j] = node.in()[j] || (node.budget() > 0 && !node.out()[j]);
                double v = relaxation.value(new Support(SmtlSolution.indicesOf(all)));
                proof.leaf(new boolean[][]{node.in()}, new boolean[][]{node.out()}, proof.witness(() -> BoundWitness.binary(new boolean[][]{all}, null)));
                return BestFirstSearch.Expansion.closed(Math.max(node.bound(), v));
            }
            NodeRelaxation.Outcome o = relaxation.solve(node, cutoff, root ? ROOT_ITERATIONS : NODE_ITERATIONS, stop);
            iterations += o.iterations();
            relaxation.value(NodeRelaxation.linearMinimizer(node, o.z())); // rounding: a feasible support
            if (o.bound() >= cutoff) {
                proof.leaf(new boolean[][]{node.in()}, new boolean[][]{node.out()}, o.witness());
                return BestFirstSearch.Expansion.closed(o.bound());
            }
            // The point o.z() proves the bounds computed from o.last(): those of the cut-off sides and of the children.
            BoundWitness lastPoint = proof.witness(() -> BoundWitness.shared(o.z()));
            List<int[]> fixings = new ArrayList<>();
            Node parent = node;
            node = NodeRelaxation.withFixings(node, o.last(), cutoff, fixings);
            if (!fixings.isEmpty()) proof.fixingLeaves(new boolean[][]{parent.in()}, new boolean[][]{parent.out()}, fixings, lastPoint);
            double cutOff = fixings.isEmpty() ? Double.POSITIVE_INFINITY : cutoff;
            if (node.budget() == 0 || node.freeCount() <= node.budget()) {
                // the fixings made it a leaf
                return expand(node.withBound(o.bound(), o.witness()), cutoff, false, stop).withCutOff(cutOff);
            }
            int j = branchingFeature(node, o);
            double[] h = o.last().h();
            boolean[] outChild = node.out().clone();
            outChild[j] = true;
            boolean[] inChild = node.in().clone();
            inChild[j] = true;
            List<Node> children = new ArrayList<>();
            for (Node child : List.of(new Node(node.in(), outChild, node.budget(), o.bound(), node.depth() + 1, Map.of()),
                    new Node(inChild, node.out(), node.budget() - 1, o.bound(), node.depth() + 1, Map.of()))) {
                double own = NodeRelaxation.bound(child, o.last());
                double b = Math.max(o.bound(), own);
                BoundWitness w = own > o.bound() ? lastPoint : o.witness();
                children.add(new Node(child.in(), child.out(), child.budget(), b, child.depth(), warmFor(child, o.active(), h), w));
            }
            return BestFirstSearch.Expansion.<Node>branched(children).withCutOff(cutOff);
        }

        /**
         * The free feature whose relaxation value is most fractional; else one where the iterate and the linear step
         * disagree; else any free feature (a non-leaf node always has one).
         */
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
                if (node.free(j) && v.contains(j) != (z[j] > 0.5) && h[j] > top) {
                    top = h[j];
                    best = j;
                }
            }
            if (best >= 0) return best;
            for (int j = 0; j < p; j++) if (node.free(j)) return j;
            throw new IllegalStateException("a non-leaf node without a free feature");
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

        private Support warmSupport(SmtlSolution warmStart, Node root) {
            if (warmStart != null) {
                Support s = new Support(SmtlSolution.indicesOf(warmStart.supports()[0]));
                if (root.admits(s)) return s;
            }
            // Without a start: the budget's most correlated features (the linear minimizer at z = 0).
            return NodeRelaxation.linearMinimizer(root, ridge.evaluate(new double[p]).h());
        }

        private ExactResult finish(BestFirstSearch.Outcome outcome, double seconds) {
            boolean[][] z = new boolean[problem.taskCount()][];
            for (int k = 0; k < z.length; k++) z[k] = best.mask(p);
            ExactResult r = BranchAndBoundResult.of(problem, z, ub, outcome, seconds, iterations, listener);
            proof.finish(problem.data().taskLabels(), true);
            return r;
        }
    }
}
