package certus.formulations.bnb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Solves a node's perspective relaxation min { c(z) : z in conv(supports of the node) } by Frank–Wolfe with away
 * steps (the iterate is kept as a convex combination of supports), and reports the best weak-duality bound seen.
 *
 * <p>Why Frank–Wolfe: the node's feasible set is the convex hull of its supports, so the linear minimization step is
 * "forced-in features plus the budget's largest h_j" (a sort), and each iterate's duality gap is exactly the bound
 * gap of {@link WeightedRidge}: {@code LB = q(alpha) - max over supports of sum_j z_j h_j}. Every vertex the method
 * visits is a feasible support and is offered to the incumbent. The bound is valid at every iteration, so the loop can
 * stop as soon as the node is pruned, or after a few iterations when it must be branched anyway.
 */
final class NodeRelaxation {
    /** Relative Frank–Wolfe gap at which the relaxation counts as solved. */
    private static final double CONVERGED = 1e-9;
    /** Steps of the line search's safeguarded secant (Illinois) iteration on the slope. */
    private static final int LINE_SEARCH_STEPS = 10;
    /** The line search stops when the bracket is this share of the longest step. */
    private static final double LINE_SEARCH_RESOLUTION = 1e-4;
    /** Weights below this are dropped from the active set. */
    private static final double DROP = 1e-12;
    /** Cap on a search's cache of evaluated supports (memory), cleared when reached. */
    static final int CACHE_CAP = 200_000;

    /** Receives every support evaluated exactly, with its value (c(support) plus linear costs). */
    interface VertexSink {
        void offer(Support support, double value);
    }

    private final WeightedRidge ridge;
    private final VertexSink sink;
    /** c(S) of supports evaluated so far, without linear costs. */
    private final SupportValues values;
    /** Whether outcomes carry the witness of their bound (only a search that records a proof needs it). */
    private final boolean witnesses;

    NodeRelaxation(WeightedRidge ridge, VertexSink sink, SupportValues values, boolean witnesses) {
        this.ridge = ridge;
        this.sink = sink;
        this.values = values;
        this.witnesses = witnesses;
    }

    /**
     * @param node      the node (its warm start must be non-empty and admitted by the node)
     * @param cutoff    stop as soon as the bound reaches this value (the node can be pruned)
     * @param maxIters  Frank–Wolfe iteration cap
     * @param stop      polled every iteration: true ends the loop (time limit, cancellation)
     */
    Outcome solve(Node node, double cutoff, int maxIters, BooleanSupplier stop) {
        int p = ridge.features();
        Map<Support, Double> active = new LinkedHashMap<>(node.warmStart());
        for (Support s : active.keySet()) value(s);
        double[] z = combine(active, p);
        DiagonalShift shift = node.shift();
        WeightedRidge.Evaluation e = ridge.evaluate(z, shift);
        double bound = node.bound();
        BoundWitness witness = node.witness();
        double first = bound(node, e);
        if (first > bound) {
            bound = first;
            witness = witnesses ? BoundWitness.shared(z, shift) : null;
        }
        int iters = 0;
        boolean converged = false;
        while (bound < cutoff && iters < maxIters && !stop.getAsBoolean()) {
            Support v = linearMinimizer(node, e.h());
            value(v);
            double zh = dot(z, e.h());
            double fwGap = sum(v, e.h()) - zh;
            if (fwGap <= CONVERGED * (1 + Math.abs(e.value()))) {
                converged = true;
                break;
            }
            Support away = null;
            double awayGap = -1;
            if (active.size() > 1) {
                double[] h = e.h();
                away = active.keySet().stream().min(Comparator.comparingDouble(s -> sum(s, h))).orElseThrow();
                awayGap = zh - sum(away, h);
            }
            double[] d = new double[p];
            double maxStep;
            boolean towards = away == null || fwGap >= awayGap;
            if (towards) {
                for (int j = 0; j < p; j++) d[j] = -z[j];
                for (int j : v.indices()) d[j] += 1;
                maxStep = 1;
            } else {
                double wa = active.get(away);
                for (int j = 0; j < p; j++) d[j] = z[j];
                for (int j : away.indices()) d[j] -= 1;
                maxStep = wa / (1 - wa);
            }
            double step = lineSearch(z, d, maxStep, shift, e);
            if (step <= 0) break;
            update(active, towards ? v : away, towards, step, maxStep);
            z = combine(active, p);
            e = ridge.evaluate(z, shift);
            double b = bound(node, e);
            if (b > bound) {
                bound = b;
                witness = witnesses ? BoundWitness.shared(z, shift) : null;
            }
            iters++;
        }
        return new Outcome(bound, witness, z, e, active, iters, converged);
    }

    /** The node's bound from one evaluation: q minus the largest sum_j z_j h_j over the node's supports. */
    static double bound(Node node, WeightedRidge.Evaluation e) {
        double[] h = e.h();
        double forced = 0;
        for (int j = 0; j < h.length; j++) if (node.in()[j]) forced += h[j];
        double raw = e.q() - forced - topSum(node, h);
        // Rounding slack: the bound is a difference of sums of O(|q|) terms.
        return raw - 1e-12 * (1 + Math.abs(e.q()));
    }

    /** Sum of the budget's largest h_j over free features. */
    private static double topSum(Node node, double[] h) {
        int[] top = topFree(node, h);
        double s = 0;
        for (int j : top) s += h[j];
        return s;
    }

    /** Forced-in features plus the budget's largest-h free features: the support minimizing the linearization. */
    static Support linearMinimizer(Node node, double[] h) {
        int[] top = topFree(node, h);
        List<Integer> idx = new ArrayList<>();
        for (int j = 0; j < h.length; j++) if (node.in()[j]) idx.add(j);
        for (int j : top) idx.add(j);
        return new Support(idx.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Reduced-cost fixing with the duals of {@code e}: forcing a free feature out of the budget's top set replaces it
     * by the next best positive score, forcing one in displaces the smallest of the top set when that set is full; where the resulting bound reaches
     * {@code cutoff}, the opposite value is fixed. Returns the node with the fixings, the node itself when there are
     * none; each fixing is appended to {@code applied} as (0, feature, value).
     */
    static Node withFixings(Node node, WeightedRidge.Evaluation e, double cutoff, List<int[]> applied) {
        double[] h = e.h();
        int[] top = topFree(node, h);
        double lb = bound(node, e);
        boolean[] inTop = new boolean[h.length];
        // Forcing a feature in displaces the top set's smallest score, or nothing when the top set leaves room.
        double smallest = top.length < node.budget() ? 0 : Double.POSITIVE_INFINITY;
        for (int j : top) {
            inTop[j] = true;
            smallest = Math.min(smallest, h[j]);
        }
        // Forcing a top feature out lets the best other positive score in (none: 0).
        double next = 0;
        for (int j = 0; j < h.length; j++) if (node.free(j) && !inTop[j]) next = Math.max(next, h[j]);
        boolean[] in = null;
        boolean[] out = null;
        int budget = node.budget();
        for (int j = 0; j < h.length; j++) {
            if (!node.free(j)) continue;
            if (inTop[j] && lb + h[j] - next >= cutoff) {
                if (in == null) in = node.in().clone();
                in[j] = true;
                budget--;
                applied.add(new int[]{0, j, 1});
            } else if (!inTop[j] && lb - h[j] + smallest >= cutoff) {
                if (out == null) out = node.out().clone();
                out[j] = true;
                applied.add(new int[]{0, j, 0});
            }
        }
        if (in == null && out == null) return node;
        return new Node(in == null ? node.in() : in, out == null ? node.out() : out, budget, node.bound(), node.depth(), node.warmStart(),
                node.witness(), node.shift());
    }

    /**
     * Indices of the budget's largest positive h among free features (ties to the lower index; deterministic): fewer than
     * the budget when fewer are positive, since the supports have at most, not exactly, budget free features.
     */
    private static int[] topFree(Node node, double[] h) {
        int b = node.budget();
        int[] heap = new int[b];
        int size = 0;
        for (int j = 0; j < h.length && b > 0; j++) {
            if (!node.free(j) || !(h[j] > 0)) continue; // a feature with h <= 0 cannot lower the bound (linear costs make h < 0)
            if (size < b) {
                heap[size++] = j;
                siftUp(heap, size - 1, h);
            } else if (h[j] > h[heap[0]]) {
                heap[0] = j;
                siftDown(heap, size, h);
            }
        }
        return java.util.Arrays.copyOf(heap, size);
    }

    // Min-heap on h, ties: larger index is "smaller" so the lower index survives.
    private static boolean less(int a, int b, double[] h) {
        return h[a] < h[b] || (h[a] == h[b] && a > b);
    }

    private static void siftUp(int[] heap, int i, double[] h) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!less(heap[i], heap[parent], h)) return;
            int t = heap[i];
            heap[i] = heap[parent];
            heap[parent] = t;
            i = parent;
        }
    }

    private static void siftDown(int[] heap, int size, double[] h) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int m = i;
            if (l < size && less(heap[l], heap[m], h)) m = l;
            if (r < size && less(heap[r], heap[m], h)) m = r;
            if (m == i) return;
            int t = heap[i];
            heap[i] = heap[m];
            heap[m] = t;
            i = m;
        }
    }

    /**
     * The exact objective at a support, c(S) plus its linear costs, offered to the incumbent. c(S) is cached without
     * the costs, so searches with different costs on the same data share the cache.
     */
    double value(Support s) {
        double v = values.of(s) + ridge.linearCost(s.indices());
        sink.offer(s, v);
        return v;
    }

    /**
     * Line search on the convex phi(t) = c(z + t d), t in [0, maxStep]: see {@link LineSearch}. The slope at 0 is
     * -d.h of the evaluation at z, already at hand; the others come from the ray's Gram block ({@link RaySlope}).
     */
    private double lineSearch(double[] z, double[] d, double maxStep, DiagonalShift shift, WeightedRidge.Evaluation atZ) {
        RaySlope ray = ridge.ray(z, d, shift);
        return LineSearch.minimize(ray::at, -dot(d, atZ.h()), maxStep, LINE_SEARCH_STEPS, LINE_SEARCH_RESOLUTION);
    }

    private static void update(Map<Support, Double> active, Support s, boolean towards, double step, double maxStep) {
        if (towards) {
            active.replaceAll((k, w) -> w * (1 - step));
            active.merge(s, step, Double::sum);
            if (step >= maxStep) {
                active.clear();
                active.put(s, 1.0);
            }
        } else {
            active.replaceAll((k, w) -> w * (1 + step));
            active.merge(s, -step, Double::sum);
            if (step >= maxStep) active.remove(s);
        }
        active.values().removeIf(w -> w < DROP);
        double total = active.values().stream().mapToDouble(Double::doubleValue).sum();
        active.replaceAll((k, w) -> w / total);
    }

    static double[] combine(Map<Support, Double> active, int p) {
        double[] z = new double[p];
        for (Map.Entry<Support, Double> e : active.entrySet()) for (int j : e.getKey().indices()) z[j] += e.getValue();
        for (int j = 0; j < p; j++) z[j] = Math.min(1, z[j]);
        return z;
    }

    static double[] toVector(Support s, int p) {
        double[] z = new double[p];
        for (int j : s.indices()) z[j] = 1;
        return z;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static double sum(Support s, double[] h) {
        double v = 0;
        for (int j : s.indices()) v += h[j];
        return v;
    }

    /**
     * @param bound     best valid lower bound on the node
     * @param witness   the point that proves {@code bound} (the node's own witness when no iterate beat it; null when
     *                  witnesses are not kept)
     * @param z         final relaxation iterate
     * @param last      evaluation at {@code z}
     * @param active    supports and weights of {@code z}
     * @param iterations Frank–Wolfe iterations done
     * @param converged whether the relaxation was solved (Frank–Wolfe gap below tolerance)
     */
    record Outcome(double bound, BoundWitness witness, double[] z, WeightedRidge.Evaluation last, Map<Support, Double> active, int iterations,
                   boolean converged) {}
}
