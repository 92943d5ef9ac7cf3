package certus.formulations.bnb;

import certus.solver.CancellationToken;
import certus.solver.SolveListener;
import certus.solver.SolveParameters;
import certus.solver.Termination;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One task's subproblem of the Lagrangian split ({@link LagrangianZbar}): {@code min over |S| <= s of c_k(S) +
 * sum_{j in S} costs_j}, solved by the single-task tree ({@link SharedSupportSearch} with the costs) to an
 * absolute gap. Keeps the supports it has found (the "pool", the master's columns) with their exact values c_k(S),
 * and the Gram columns and support values across calls, since successive calls differ only in the costs.
 */
final class TaskPricing {
    /** The task's label (names its tree in a proof). */
    private final String label;
    private final TaskGram gram;
    private final double ridge;
    private final int s;
    private final boolean[] selectable;
    /** c_k(S) of supports seen, shared with the task's trees (successive trees differ only in the costs). */
    private final SupportValues values;
    /** Supports found so far with c_k(S), in the order found. */
    private final Map<Support, Double> pool = new LinkedHashMap<>();

    TaskPricing(String label, TaskGram gram, double ridge, int s, boolean[] selectable) {
        this.label = label;
        this.gram = gram;
        this.ridge = ridge;
        this.s = s;
        this.selectable = selectable.clone();
        this.values = new SupportValues(new WeightedRidge(List.of(gram), ridge), NodeRelaxation.CACHE_CAP);
    }

    /**
     * @param lowerBound a valid lower bound on the subproblem (the tree's global bound)
     * @param best       the best support found
     * @param value      its value c_k(best) + costs(best)
     * @param nodes      tree nodes
     * @param termination why the tree stopped
     */
    record Priced(double lowerBound, Support best, double value, long nodes, Termination termination) {}

    /** The exact ridge value c_k(S) of a support (cached). */
    double rawValue(Support support) {
        return values.of(support); // the pool keeps its own values when the cache is cleared
    }

    /** Adds a support to the pool (no-op when known). */
    void add(Support support) {
        pool.computeIfAbsent(support, this::rawValue);
    }

    Map<Support, Double> pool() {
        return pool;
    }

    /**
     * Solves the subproblem for {@code costs} to absolute gap {@code absoluteGap}, or stops at the first support whose
     * value is below {@code stopBelow} (pricing needs one good column, not the minimum); the best support joins the
     * pool. The bound is valid either way.
     */
    Priced price(double[] costs, double absoluteGap, double seconds, CancellationToken cancel, double stopBelow) {
        CancellationToken round = new CancellationToken();
        try (CancellationToken.Registration ignored = cancel.onCancel(round::cancel)) {
            return begin(costs, absoluteGap, seconds, round, stopBelow, null).advance(Long.MAX_VALUE);
        }
    }

    /**
     * A pricing tree at fixed costs that runs in slices ({@link Search#advance}) and ends early, with a valid bound,
     * when it reaches a value below {@code stopBelow} or {@code cancel} fires.
     *
     * @param proofLog receives the tree's proof when it ends (labelled with the task), or null
     */
    Search begin(double[] costs, double absoluteGap, double seconds, CancellationToken cancel, double stopBelow, BnbProof.Log proofLog) {
        SolveParameters params = new SolveParameters(Math.max(seconds, 1e-3), 0.0, absoluteGap, 1, 0L, Map.of());
        ProofRecorder proof = ProofRecorder.to(proofLog, s);
        CancellationToken stop = new CancellationToken();
        cancel.onCancel(stop::cancel); // short-lived: callers pass a token of one pricing round
        SharedSupportSearch search = new SharedSupportSearch(List.of(gram), ridge, s, selectable, costs, values, params, SolveListener.NONE,
                stop, proof).onImprove(v -> { if (v < stopBelow) stop.cancel(); });
        return new Search(search, proof, cheapestSupport(costs));
    }

    /** One pricing tree in progress. */
    final class Search {
        private final SharedSupportSearch search;
        private final ProofRecorder proof;
        private final Support warm;
        private boolean started;

        private Search(SharedSupportSearch search, ProofRecorder proof, Support warm) {
            this.search = search;
            this.proof = proof;
            this.warm = warm;
        }

        /** Searches until the tree ends (its result; the best support joins the pool) or the slice does (null). */
        Priced advance(long sliceDeadline) {
            return advance(sliceDeadline, 1);
        }

        /** As {@link #advance(long)}, with {@code workers} threads expanding the tree's nodes during this slice. */
        Priced advance(long sliceDeadline, int workers) {
            SharedSupportSearch.Result r = started ? search.resume(sliceDeadline, workers) : search.start(warm, sliceDeadline, workers);
            started = true;
            if (r == null) return null;
            proof.finish(List.of(label), true);
            // A tree stopped before its first node has no support (cancelled or out of time at once): its bound stands.
            if (r.best() != null) add(r.best());
            return new Priced(r.outcome().bound(), r.best(), r.value(), r.outcome().nodes(), r.outcome().termination());
        }
    }

    /** The pool's smallest value under {@code costs} (+Infinity for an empty pool). */
    double cheapestValue(double[] costs) {
        Support best = cheapestSupport(costs);
        return best == null ? Double.POSITIVE_INFINITY : costed(best, costs);
    }

    /** Incoming features whose pairs {@link #pairSwaps} tries. */
    private static final int PAIR_CANDIDATES = 25;
    /** Pool supports the local search starts from (the cheapest under the costs). */
    private static final int STARTS = 3;

    /**
     * A fast heuristic for the same subproblem: steepest descent over adds, drops and swaps from the pool's few
     * cheapest supports, over the whole neighbourhood (each move costs one small ridge solve, cached). Finds
     * the columns the master needs between exact evaluations; its value is an upper estimate of the minimum.
     *
     * @return the support found (it joins the pool) and its costed value
     */
    Priced improve(double[] costs) {
        List<Support> starts = new ArrayList<>(pool.keySet());
        starts.sort(java.util.Comparator.comparingDouble(x -> costed(x, costs)));
        if (starts.isEmpty()) starts.add(new Support(new int[0]));
        Support best = null;
        double bestValue = Double.POSITIVE_INFINITY;
        for (Support start : starts.subList(0, Math.min(STARTS, starts.size()))) {
            Support found = descend(start, costs);
            double v = costed(found, costs);
            if (v < bestValue) {
                bestValue = v;
                best = found;
            }
        }
        add(best);
        return new Priced(Double.NEGATIVE_INFINITY, best, bestValue, 0, Termination.limit(Termination.Limit.OTHER, true, "heuristic"));
    }

    /** Steepest descent from {@code start}; the local minimum reached. */
    private Support descend(Support start, double[] costs) {
        int p = gram.features;
        Support current = start;
        double value = costed(current, costs);
        while (true) {
            int[] candidates = new int[p];
            int limit = 0;
            for (int j = 0; j < p; j++) if (selectable[j] && !current.contains(j)) candidates[limit++] = j;
            Support bestMove = null;
            double bestValue = value;
            int[] idx = current.indices();
            for (int c = 0; c < limit; c++) {
                int in = candidates[c];
                for (int a = idx.length < s ? -1 : 0; a < idx.length; a++) {
                    Support cand = with(idx, a, in); // a = -1: add
                    double v = costed(cand, costs);
                    if (v < bestValue - 1e-15) {
                        bestValue = v;
                        bestMove = cand;
                    }
                }
            }
            for (int a = 0; a < idx.length; a++) {
                Support cand = with(idx, a, -1);
                double v = costed(cand, costs);
                if (v < bestValue - 1e-15) {
                    bestValue = v;
                    bestMove = cand;
                }
            }
            if (bestMove == null || bestValue >= value - 1e-15) break;
            current = bestMove;
            value = bestValue;
        }
        return current;
    }

    /**
     * Double swaps from the pool's cheapest support: two features out, two in, the incoming pairs drawn from the
     * {@link #PAIR_CANDIDATES} features with the best single swap. The columns the trees found on the simulated
     * benchmarks were such moves, each of whose single swaps goes uphill, so steepest descent cannot reach them.
     * A support found joins the pool after local search from it.
     *
     * @return the best support found (the start when none is better) and its costed value
     */
    Priced pairSwaps(double[] costs) {
        int p = gram.features;
        Support cheapest = cheapestSupport(costs);
        Support start = cheapest != null ? cheapest : new Support(new int[0]);
        int[] idx = start.indices();
        double startValue = costed(start, costs);
        double[] single = new double[p];
        java.util.Arrays.fill(single, Double.POSITIVE_INFINITY);
        for (int j = 0; j < p; j++) {
            if (!selectable[j] || start.contains(j)) continue;
            for (int a = 0; a < idx.length; a++) single[j] = Math.min(single[j], costed(with(idx, a, j), costs));
        }
        Integer[] order = new Integer[p];
        for (int j = 0; j < p; j++) order[j] = j;
        java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(j -> single[j]));
        int t = 0;
        while (t < Math.min(PAIR_CANDIDATES, p) && Double.isFinite(single[order[t]])) t++;
        Support best = start;
        double bestValue = startValue;
        for (int x = 0; x < t; x++) {
            for (int y = x + 1; y < t; y++) {
                for (int a = 0; a < idx.length; a++) {
                    for (int b = a + 1; b < idx.length; b++) {
                        int[] next = idx.clone();
                        next[a] = order[x];
                        next[b] = order[y];
                        Support cand = new Support(next);
                        double v = costed(cand, costs);
                        if (v < bestValue - 1e-15) {
                            bestValue = v;
                            best = cand;
                        }
                    }
                }
            }
        }
        if (best != start) {
            best = descend(best, costs);
            bestValue = costed(best, costs);
            add(best);
        }
        return new Priced(Double.NEGATIVE_INFINITY, best, bestValue, 0, Termination.limit(Termination.Limit.OTHER, true, "heuristic"));
    }

    /** idx with position {@code out} removed (when &gt;= 0) and feature {@code in} added (when &gt;= 0). */
    private static Support with(int[] idx, int out, int in) {
        int[] next = new int[idx.length - (out >= 0 ? 1 : 0) + (in >= 0 ? 1 : 0)];
        int n = 0;
        for (int a = 0; a < idx.length; a++) if (a != out) next[n++] = idx[a];
        if (in >= 0) next[n] = in;
        return new Support(next);
    }

    double costed(Support support, double[] costs) {
        double v = rawValue(support);
        for (int j : support.indices()) v += costs[j];
        return v;
    }

    /** The pool's cheapest support under {@code costs}, null for an empty pool. */
    private Support cheapestSupport(double[] costs) {
        Support best = null;
        double bestValue = Double.POSITIVE_INFINITY;
        for (Support sup : pool.keySet()) {
            double v = costed(sup, costs);
            if (v < bestValue) {
                bestValue = v;
                best = sup;
            }
        }
        return best;
    }
}
