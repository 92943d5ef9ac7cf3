package certus.formulations.bnb;

import certus.formulations.ExactResult;
import certus.smtl.SmtlProblem;
import certus.smtl.SmtlSolution;
import certus.solver.CancellationToken;
import certus.solver.SolveListener;
import certus.solver.SolveParameters;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Branch and bound over the K x p supports of a multi-task problem with heterogeneous supports and a Zbar penalty
 * (ridge &gt; 0, bbar = 0): nodes fix single z_kj, bounds from {@link ZbarRelaxation}, the tree from
 * {@link BestFirstSearch}. Every candidate support is valued exactly as sum_k c_k(z_k) + (zbar/2) sum_j f(m_j), the
 * objective's own decomposition (loss + ridge per task, exact Zbar count form of exact.md §3).
 *
 * <p>Thread-safe as an expander (the parameters' threads expand nodes at once): the incumbent is guarded by this
 * object's monitor; the relaxation keeps per-thread scratch space, the caches and the proof recorder are thread-safe.
 */
final class ZbarSearch implements BestFirstSearch.Expander<TaskNode>, ZbarRelaxation.CandidateSink {
    static final int ROOT_ITERATIONS = 300;
    static final int NODE_ITERATIONS = 8;
    /** Cap on each task's cache of evaluated supports (memory), cleared when reached. */
    private static final int CACHE_CAP = 100_000;

    private final SolveParameters params;
    private final SolveListener listener;
    private final CancellationToken cancel;
    private final int kCount;
    private final List<TaskGram> grams;
    private final int p;
    private final int s;
    private final boolean[][] selectable;
    /** Each task's exact c_k(support). */
    private final List<SupportValues> values = new ArrayList<>();
    private final ColumnPatterns columns;
    private final ZbarRelaxation relaxation;
    private final ProofRecorder proof;
    private boolean[][] best;
    /** The incumbent's value; written under this search's monitor, read by every worker. */
    private volatile double ub = Double.POSITIVE_INFINITY;
    private final java.util.concurrent.atomic.LongAdder iterations = new java.util.concurrent.atomic.LongAdder();

    /**
     * A search over the supports of {@code grams.size()} tasks minimizing {@code sum_k c_k(z_k) + (zbar/2) sum_j f(m_j)}.
     *
     * @param selectable which (task, feature) may enter a support
     */
    ZbarSearch(List<TaskGram> grams, double ridge, int s, double zbar, boolean[][] selectable, SolveParameters params,
               SolveListener listener, CancellationToken cancel, ProofRecorder proof) {
        this.proof = proof;
        this.params = params;
        this.listener = listener;
        this.cancel = cancel;
        this.kCount = grams.size();
        this.grams = List.copyOf(grams);
        this.p = grams.get(0).features;
        this.s = s;
        this.selectable = selectable;
        List<WeightedRidge> ridges = new ArrayList<>();
        for (int k = 0; k < kCount; k++) {
            WeightedRidge r = new WeightedRidge(List.of(grams.get(k)), ridge);
            ridges.add(r);
            values.add(new SupportValues(r, CACHE_CAP));
        }
        this.columns = new ColumnPatterns(kCount, zbar);
        this.relaxation = new ZbarRelaxation(ridges, s, zbar, this, proof.on());
    }

    /** Which (task, feature) may enter a support. */
    static boolean[][] selectable(SmtlProblem problem) {
        boolean[][] sel = new boolean[problem.taskCount()][problem.featureCount()];
        for (int k = 0; k < sel.length; k++) for (int j = 0; j < sel[k].length; j++) sel[k][j] = problem.selectable(k, j);
        return sel;
    }

    /** The finished search: the incumbent (null if none) and its value, the tree's outcome, time and work. */
    record Result(boolean[][] best, double value, BestFirstSearch.Outcome outcome, double seconds, long iterations) {}

    ExactResult execute(SmtlProblem problem, SmtlSolution warmStart) {
        boolean[][] warm = new boolean[kCount][p];
        for (int k = 0; k < kCount; k++) for (int j = 0; j < p; j++) warm[k][j] = warmStart != null && warmStart.inSupport(k, j);
        Result r = search(warm);
        ExactResult result = BranchAndBoundResult.of(problem, r.best(), r.value(), r.outcome(), r.seconds(), r.iterations(), listener);
        proof.finish(problem.data().taskLabels(), false);
        return result;
    }

    /** Runs the tree from the warm start {@code warm} (cut to s per task; it may be empty). */
    Result search(boolean[][] warm) {
        boolean[][] in = new boolean[kCount][p];
        boolean[][] out = new boolean[kCount][p];
        int[] budget = new int[kCount];
        double[][] z = new double[kCount][p];
        for (int k = 0; k < kCount; k++) {
            budget[k] = s;
            for (int j = 0; j < p; j++) {
                out[k][j] = !selectable[k][j];
                if (warm[k][j] && !out[k][j]) z[k][j] = 1;
            }
        }
        TaskNode root = TaskNode.of(in, out, budget, 0.0, 0, z, new double[kCount]);
        offer(relaxationRound(root));
        BestFirstSearch<TaskNode> tree = new BestFirstSearch<>(TaskNode::bound, TaskNode::depth, params, listener, cancel);
        BestFirstSearch.Outcome outcome = tree.run(root, this, params.threads());
        return new Result(best, ub, outcome, tree.elapsed(), iterations.sum());
    }

    /** The root's start point as a feasible support (the warm start, cut to s per task if it was not feasible). */
    private boolean[][] relaxationRound(TaskNode root) {
        boolean[][] z = new boolean[kCount][p];
        for (int k = 0; k < kCount; k++) {
            int left = s;
            for (int j = 0; j < p && left > 0; j++) {
                if (root.z()[k][j] >= 0.5) {
                    z[k][j] = true;
                    left--;
                }
            }
        }
        return z;
    }

    @Override
    public double incumbent() {
        return ub;
    }

    @Override
    public void offer(boolean[][] z) {
        double v = value(z); // outside the monitor: workers value their candidates concurrently
        if (v < ub) record(z, v);
    }

    private synchronized void record(boolean[][] z, double v) {
        if (v < ub) {
            ub = v;
            best = new boolean[kCount][];
            for (int k = 0; k < kCount; k++) best[k] = z[k].clone();
        }
    }

    /**
     * F(Z) for a feasible binary Z: per-task perspective values at binary z (exact refits) plus the Zbar count form.
     */
    private double value(boolean[][] z) {
        double v = 0;
        for (int k = 0; k < kCount; k++) v += values.get(k).of(new Support(SmtlSolution.indicesOf(z[k])));
        for (int j = 0; j < p; j++) {
            int m = 0;
            for (int k = 0; k < kCount; k++) if (z[k][j]) m++;
            v += columns.penalty(m);
        }
        return v;
    }

    @Override
    public void unexpanded(TaskNode node) {
        proof.leaf(node.in(), node.out(), node.witness());
    }

    @Override
    public BestFirstSearch.Expansion<TaskNode> expand(TaskNode node, double cutoff, boolean root, BooleanSupplier stop) {
        if (node.leaf()) {
            boolean[][] leafIn = node.in();
            offer(leafIn);
            proof.leaf(leafIn, node.out(), proof.witness(() -> BoundWitness.binary(leafIn, new double[kCount])));
            return BestFirstSearch.Expansion.closed(Math.max(node.bound(), value(leafIn)));
        }
        node = node.withShiftsFor(grams);
        ZbarRelaxation.Outcome o = relaxation.solve(node, cutoff, root ? ROOT_ITERATIONS : NODE_ITERATIONS, stop);
        iterations.add(o.iterations());
        if (o.bound() >= cutoff) {
            proof.leaf(node.in(), node.out(), o.witness());
            return BestFirstSearch.Expansion.closed(o.bound());
        }
        // The point (o.z(), o.mu()) proves the bounds computed from o.last(): those of the cut-off sides and of the children.
        DiagonalShift[] shifts = node.shifts();
        BoundWitness lastPoint = proof.witness(() -> BoundWitness.perTask(o.z(), o.mu(), shifts));
        TaskNode parent = node;
        List<int[]> fixings = new ArrayList<>();
        node = reduced(node, o, cutoff, fixings);
        if (!fixings.isEmpty()) proof.fixingLeaves(parent.in(), parent.out(), fixings, lastPoint);
        if (node == null) return BestFirstSearch.Expansion.closed(cutoff); // every support of the node is >= cutoff
        double cutOff = fixings.isEmpty() ? Double.POSITIVE_INFINITY : cutoff;
        if (node.leaf()) {
            boolean[][] leafIn = node.in();
            offer(leafIn);
            proof.leaf(leafIn, node.out(), proof.witness(() -> BoundWitness.binary(leafIn, new double[kCount])));
            return BestFirstSearch.Expansion.<TaskNode>closed(Math.max(o.bound(), value(node.in()))).withCutOff(cutOff);
        }
        int[] kj = branchingVariable(node, o);
        int k = kj[0];
        int j = kj[1];
        boolean[][] outChild = clone(node.out());
        outChild[k][j] = true;
        boolean[][] inChild = clone(node.in());
        inChild[k][j] = true;
        int[] budgetIn = node.budget().clone();
        budgetIn[k]--;
        List<TaskNode> children = new ArrayList<>();
        for (TaskNode c : List.of(TaskNode.of(node.in(), outChild, node.budget(), o.bound(), node.depth() + 1, o.z(), o.mu(), null, node.shifts()),
                TaskNode.of(inChild, node.out(), budgetIn, o.bound(), node.depth() + 1, o.z(), o.mu(), null, node.shifts()))) {
            // The parent's duals and prices bound the child too, and its smaller pattern sets can only raise the bound.
            double own = relaxation.bound(c, o.last(), o.mu());
            children.add(own > o.bound() ? c.withBound(own, lastPoint) : c.withBound(o.bound(), o.witness()));
        }
        return BestFirstSearch.Expansion.<TaskNode>branched(children).withCutOff(cutOff);
    }

    /**
     * The node with reduced-cost fixings applied ({@link ZbarRelaxation#fixings}), or null when they contradict each
     * other or a task's budget (then no support of the node beats the cutoff). Each fixing is appended to
     * {@code applied} as (task, feature, value) in the order applied; for a contradiction both values are listed, so
     * the proof's leaves cover the whole node.
     */
    private TaskNode reduced(TaskNode node, ZbarRelaxation.Outcome o, double cutoff, List<int[]> applied) {
        boolean[][] fixIn = new boolean[kCount][p];
        boolean[][] fixOut = new boolean[kCount][p];
        relaxation.fixings(node, o.last(), o.mu(), cutoff, fixIn, fixOut);
        boolean[][] in = clone(node.in());
        boolean[][] out = clone(node.out());
        int[] budget = node.budget().clone();
        int count = 0;
        for (int k = 0; k < kCount; k++) {
            for (int j = 0; j < p; j++) {
                if (fixIn[k][j] && fixOut[k][j]) {
                    applied.add(new int[]{k, j, 0}); // leaf z_kj = 1 (ruled out by fixOut)
                    applied.add(new int[]{k, j, 1}); // leaf z_kj = 0 (ruled out by fixIn), with z_kj = 0 fixed: the rest is empty
                    return null;
                }
                if (fixOut[k][j]) {
                    out[k][j] = true;
                    count++;
                    applied.add(new int[]{k, j, 0});
                } else if (fixIn[k][j]) {
                    applied.add(new int[]{k, j, 1}); // its leaf is z_kj = 0; the remainder has z_kj = 1
                    if (budget[k] == 0) return null; // the remainder exceeds the budget: empty
                    in[k][j] = true;
                    budget[k]--;
                    count++;
                }
            }
        }
        if (count == 0) return node;
        return TaskNode.of(in, out, budget, node.bound(), node.depth(), o.z(), o.mu(), node.witness(), node.shifts());
    }

    /** The most fractional free z_kj; else a free one where the linear step disagrees with rounding; else any free one. */
    private int[] branchingVariable(TaskNode node, ZbarRelaxation.Outcome o) {
        int[] best = null;
        double score = 1e-9;
        for (int k = 0; k < kCount; k++) {
            for (int j = 0; j < p; j++) {
                if (!node.free(k, j)) continue;
                double f = Math.min(o.z()[k][j], 1 - o.z()[k][j]);
                if (f > score) {
                    score = f;
                    best = new int[]{k, j};
                }
            }
        }
        if (best != null) return best;
        for (int k = 0; k < kCount; k++) {
            for (int j = 0; j < p; j++) {
                if (node.free(k, j) && o.linearStep()[k][j] != (o.z()[k][j] >= 0.5)) return new int[]{k, j};
            }
        }
        for (int k = 0; k < kCount; k++) for (int j = 0; j < p; j++) if (node.free(k, j)) return new int[]{k, j};
        throw new IllegalStateException("a non-leaf node without a free variable");
    }

    private static boolean[][] clone(boolean[][] a) {
        boolean[][] c = new boolean[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }
}
