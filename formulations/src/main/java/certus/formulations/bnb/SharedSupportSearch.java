package certus.formulations.bnb;

import certus.smtl.SmtlSolution;
import certus.solver.CancellationToken;
import certus.solver.SolveListener;
import certus.solver.SolveParameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * The branch and bound over one support vector shared by its tasks (K = 1, or common support), minimizing
 * {@code c(S) + sum_{j in S} costs_j} over |S| &lt;= s: node bounds from {@link NodeRelaxation} (away-step Frank–Wolfe on
 * the perspective relaxation), best-bound order from {@link BestFirstSearch}, reduced-cost fixing at every node.
 *
 * <p>Linear costs make this the task subproblem of the Lagrangian split ({@link TaskPricing}); the away-step method
 * converges far faster there than the Zbar search's budget-priced conditional gradient (on K = 5, p = 250 multipliers
 * its root bound after 30 iterations beat the latter's after 5,000). Costs change two rules that rest on
 * {@code c} being non-increasing in z: the root has no trivial bound 0, and a node with no more free features than
 * budget is not closed by taking all of them (a rewarded subset may be cheaper); it is branched like any other.
 *
 * <p>Thread-safe as an expander: several workers may expand nodes of one tree at once ({@link BestFirstSearch}); the
 * incumbent is guarded by this object's monitor, the proof recorder and the support-value cache are thread-safe, and
 * a node relaxation keeps its state on the stack.
 */
final class SharedSupportSearch implements NodeRelaxation.VertexSink, BestFirstSearch.Expander<Node> {
    static final int ROOT_ITERATIONS = 400;
    static final int NODE_ITERATIONS = 8;

    private final SolveParameters params;
    private final SolveListener listener;
    private final CancellationToken cancel;
    private final int p;
    private final int s;
    private final boolean[] selectable;
    private final WeightedRidge ridge;
    private final List<TaskGram> grams;
    private final boolean costed;
    private final NodeRelaxation relaxation;
    private final ProofRecorder proof;
    private Support best;
    /** The incumbent's value; written under the search's monitor, read by every worker. */
    private volatile double ub = Double.POSITIVE_INFINITY;
    private final java.util.concurrent.atomic.LongAdder iterations = new java.util.concurrent.atomic.LongAdder();
    private BestFirstSearch<Node> tree;
    /** Told each new incumbent value (a pricing search stops at the first good enough support). */
    private DoubleConsumer onImprove = v -> { };

    /**
     * @param grams      the tasks sharing the support
     * @param selectable which features may enter the support
     * @param costs      linear feature costs, or null
     * @param values     cache of c(support) without costs, shared with other searches on the same data, or null
     */
    SharedSupportSearch(List<TaskGram> grams, double ridge, int s, boolean[] selectable, double[] costs, SupportValues values,
                        SolveParameters params, SolveListener listener, CancellationToken cancel, ProofRecorder proof) {
        this.params = params;
        this.listener = listener;
        this.cancel = cancel;
        this.proof = proof;
        this.p = grams.get(0).features;
        this.s = s;
        this.grams = List.copyOf(grams);
        this.selectable = selectable.clone();
        WeightedRidge base = new WeightedRidge(grams, ridge);
        this.ridge = costs == null ? base : base.withLinearCosts(costs);
        this.costed = costs != null;
        this.relaxation = new NodeRelaxation(this.ridge, this, values != null ? values : new SupportValues(base, NodeRelaxation.CACHE_CAP),
                proof.on());
    }

    /** Calls {@code listener} with each new incumbent value. */
    SharedSupportSearch onImprove(DoubleConsumer listener) {
        this.onImprove = listener;
        return this;
    }

    /** The finished search: the incumbent (null if none) and its value, the tree's outcome, time and work. */
    record Result(Support best, double value, BestFirstSearch.Outcome outcome, double seconds, long iterations) {}

    /**
     * Runs the tree from the warm start (null: the budget's most correlated features) with the parameters' threads as
     * tree workers.
     */
    Result search(Support warm) {
        return start(warm, Long.MAX_VALUE, params.threads());
    }

    /**
     * Starts the tree from {@code warm} and searches until it ends or the slice ends at {@code sliceDeadline}
     * (System.nanoTime): null then, and {@link #resume} continues.
     */
    Result start(Support warm, long sliceDeadline, int workers) {
        boolean[] out = new boolean[p];
        for (int j = 0; j < p; j++) out[j] = !selectable[j];
        // 0 bounds c from below; with (negative) linear costs there is no trivial bound.
        double trivial = costed ? Double.NEGATIVE_INFINITY : 0.0;
        Node bare = new Node(new boolean[p], out, s, trivial, 0, Map.of());
        Node root = new Node(bare.in(), bare.out(), s, trivial, 0, Map.of(warm != null && bare.admits(warm) ? warm : firstSupport(bare), 1.0));
        tree = new BestFirstSearch<>(Node::bound, Node::depth, params, listener, cancel);
        tree.start(root);
        return resume(sliceDeadline, workers);
    }

    /**
     * Continues a started search for one more slice with {@code workers} threads expanding nodes (the caller's and
     * helpers); null when the slice ended first.
     */
    Result resume(long sliceDeadline, int workers) {
        BestFirstSearch.Outcome outcome = tree.resume(this, sliceDeadline, workers);
        return outcome == null ? null : new Result(best, ub, outcome, tree.elapsed(), iterations.sum());
    }

    @Override
    public synchronized void offer(Support support, double value) {
        if (value < ub) {
            ub = value;
            best = support;
            onImprove.accept(value);
        }
    }

    @Override
    public double incumbent() {
        return ub;
    }

    @Override
    public void unexpanded(Node node) {
        proof.leaf(new boolean[][]{node.in()}, new boolean[][]{node.out()}, node.witness());
    }

    /** Whether the node's best support is known without a relaxation. */
    private boolean isLeaf(Node node) {
        // Without costs c is non-increasing in z, so "every free feature" is the best when they fit the budget.
        return node.budget() == 0 || node.freeCount() == 0 || (!costed && node.freeCount() <= node.budget());
    }

    @Override
    public BestFirstSearch.Expansion<Node> expand(Node node, double cutoff, boolean root, BooleanSupplier stop) {
        if (isLeaf(node)) {
            boolean[] all = new boolean[p];
            for (int j = 0; j < p; j++) all[j] = node.in()[j] || (node.budget() > 0 && !node.out()[j]);
            double v = relaxation.value(new Support(SmtlSolution.indicesOf(all)));
            proof.leaf(new boolean[][]{node.in()}, new boolean[][]{node.out()}, proof.witness(() -> BoundWitness.binary(new boolean[][]{all}, null)));
            return BestFirstSearch.Expansion.closed(Math.max(node.bound(), v));
        }
        node = node.withShift(node.shift().refreshed(grams, node.out()));
        NodeRelaxation.Outcome o = relaxation.solve(node, cutoff, root ? ROOT_ITERATIONS : NODE_ITERATIONS, stop);
        iterations.add(o.iterations());
        relaxation.value(NodeRelaxation.linearMinimizer(node, o.z())); // rounding: a feasible support
        if (o.bound() >= cutoff) {
            proof.leaf(new boolean[][]{node.in()}, new boolean[][]{node.out()}, o.witness());
            return BestFirstSearch.Expansion.closed(o.bound());
        }
        // The point o.z() proves the bounds computed from o.last(): those of the cut-off sides and of the children.
        DiagonalShift shift = node.shift();
        BoundWitness lastPoint = proof.witness(() -> BoundWitness.shared(o.z(), shift));
        List<int[]> fixings = new ArrayList<>();
        Node parent = node;
        node = NodeRelaxation.withFixings(node, o.last(), cutoff, fixings);
        if (!fixings.isEmpty()) proof.fixingLeaves(new boolean[][]{parent.in()}, new boolean[][]{parent.out()}, fixings, lastPoint);
        double cutOff = fixings.isEmpty() ? Double.POSITIVE_INFINITY : cutoff;
        if (isLeaf(node)) return expand(node.withBound(o.bound(), o.witness()), cutoff, false, stop).withCutOff(cutOff);
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
            children.add(new Node(child.in(), child.out(), child.budget(), b, child.depth(), warmFor(child, o.active(), h), w, node.shift()));
        }
        return BestFirstSearch.Expansion.<Node>branched(children).withCutOff(cutOff);
    }

    /**
     * The free feature whose relaxation value is most fractional; else one where the iterate and the linear step
     * disagree; else any free feature (a non-leaf node always has one).
     */
    private int branchingFeature(Node node, NodeRelaxation.Outcome o) {
        double[] z = o.z();
        int chosen = -1;
        double score = 1e-9;
        for (int j = 0; j < p; j++) {
            if (!node.free(j)) continue;
            double f = Math.min(z[j], 1 - z[j]);
            if (f > score) {
                score = f;
                chosen = j;
            }
        }
        if (chosen >= 0) return chosen;
        Support v = NodeRelaxation.linearMinimizer(node, o.last().h());
        double[] h = o.last().h();
        double top = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < p; j++) {
            if (node.free(j) && v.contains(j) != (z[j] > 0.5) && h[j] > top) {
                top = h[j];
                chosen = j;
            }
        }
        if (chosen >= 0) return chosen;
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

    /** Without a start: the linear minimizer at z = 0 (the budget's most correlated, or most rewarded, features). */
    private Support firstSupport(Node root) {
        return NodeRelaxation.linearMinimizer(root, ridge.evaluate(new double[p]).h());
    }
}
