package certus.formulations.bnb;

import certus.solver.CancellationToken;
import certus.solver.SolveListener;
import certus.solver.SolveParameters;
import certus.solver.Termination;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

/**
 * The tree of a branch and bound, apart from what a node is: best-bound-first order (deeper first on ties), pruning
 * at the incumbent less a share of the gap tolerance, the honest global bound, limits and progress events.
 *
 * <p>The global lower bound is the minimum of the open nodes' bounds and of the bounds of nodes closed by bound,
 * never above the incumbent. OPTIMAL means no open node is left; time and cancellation end FEASIBLE with their limit.
 *
 * @param <N> the node type of one search
 */
final class BestFirstSearch<N> {
    /** Nodes are pruned at incumbent * (1 - PRUNE_SHARE * gap): the final gap is at most PRUNE_SHARE of the target. */
    static final double PRUNE_SHARE = 0.5;
    /** Seconds between progress events. */
    private static final double PROGRESS_EVERY = 2.0;

    /** What a search must tell the tree about its nodes. */
    interface Expander<N> {
        /** The incumbent's value (+Infinity when none). */
        double incumbent();

        /**
         * Bounds {@code node} (improving the incumbent on the way) and either closes it (a bound &gt;= cutoff, or a
         * leaf solved exactly) or branches it. Long relaxations poll {@code stop} and end early (with a valid bound)
         * when a limit was reached, so time limits and Ctrl-C take effect within one relaxation iteration.
         */
        Expansion<N> expand(N node, double cutoff, boolean root, BooleanSupplier stop);

        /**
         * {@code node} ends without being expanded: closed by its inherited bound, or still open when a limit stopped
         * the search. Searches that record a proof make it a leaf.
         */
        default void unexpanded(N node) { }
    }

    /**
     * @param closedBound the node's bound when it is closed, NaN when it was branched
     * @param children    the children to queue (empty when closed)
     * @param cutOffBound a lower bound on the parts of the node that reduced-cost fixing cut off (+Infinity when none):
     *                    they are closed too, so the global bound must not exceed it
     */
    record Expansion<N>(double closedBound, List<N> children, double cutOffBound) {
        static <N> Expansion<N> closed(double bound) {
            return new Expansion<>(bound, List.of(), Double.POSITIVE_INFINITY);
        }

        static <N> Expansion<N> branched(List<N> children) {
            return new Expansion<>(Double.NaN, children, Double.POSITIVE_INFINITY);
        }

        Expansion<N> withCutOff(double bound) {
            return new Expansion<>(closedBound, children, Math.min(cutOffBound, bound));
        }
    }

    /** Outcome of a search: why it stopped, the global bound and the node count. */
    record Outcome(Termination termination, double bound, long nodes) {}

    private final ToDoubleFunction<N> bound;
    private final PriorityQueue<N> open;
    private final SolveParameters params;
    private final SolveListener listener;
    private final CancellationToken cancel;
    private final long start = System.nanoTime();
    /** Guards the queue and the counters below when several workers share the tree. */
    private final Object lock = new Object();
    /** Bounds of the nodes being expanded right now (neither open nor closed: the global bound must count them). */
    private final List<Double> inFlight = new ArrayList<>();
    private double closedBound = Double.POSITIVE_INFINITY;
    private long nodes;
    private double lastProgress = -1;
    /** Whether the next expansion is the root's (it gets the longer relaxation). */
    private boolean first = true;
    /** Set by the worker that saw a limit (time, cancellation): every worker stops. */
    private Termination stopped;
    /** Set by the worker that saw the slice end. */
    private boolean sliceOver;
    /** A worker's failure, rethrown by {@link #resume}. */
    private RuntimeException failure;

    BestFirstSearch(ToDoubleFunction<N> bound, ToIntFunction<N> depth, SolveParameters params, SolveListener listener,
                    CancellationToken cancel) {
        this.bound = bound;
        this.open = new PriorityQueue<>((a, b) -> bound.applyAsDouble(a) != bound.applyAsDouble(b)
                ? Double.compare(bound.applyAsDouble(a), bound.applyAsDouble(b)) : Integer.compare(depth.applyAsInt(b), depth.applyAsInt(a)));
        this.params = params;
        this.listener = listener;
        this.cancel = cancel;
    }

    /** Searches from {@code root} to the end with {@code workers} threads (see {@link #resume}). */
    Outcome run(N root, Expander<N> expander, int workers) {
        start(root);
        return resume(expander, Long.MAX_VALUE, workers);
    }

    /** Queues the root; {@link #resume} then searches. */
    void start(N root) {
        open.add(root);
    }

    /**
     * Searches until no open node is left or a limit is reached (then returns the outcome), or until the slice ends
     * at {@code sliceDeadline} (System.nanoTime): then returns null and keeps every open node, so a later call
     * continues where this one stopped. Long relaxations also end early at the slice's end (with a valid bound).
     *
     * <p>With {@code workers} &gt; 1 the calling thread and {@code workers - 1} helpers expand nodes concurrently, each
     * taking the best open node: node relaxations are costly and independent, so a best-first tree parallelizes with
     * only the queue locked (the order, and so the node count, then varies from run to run; every bound stays valid,
     * because a node is closed, branched or left open by exactly one worker). The expander must then be thread-safe.
     */
    Outcome resume(Expander<N> expander, long sliceDeadline, int workers) {
        BooleanSupplier halt = () -> limit() != null || System.nanoTime() >= sliceDeadline;
        synchronized (lock) {
            sliceOver = false;
        }
        List<Thread> helpers = new ArrayList<>();
        for (int w = 1; w < workers; w++) {
            Thread t = new Thread(() -> work(expander, sliceDeadline, halt), "certus-bnb-worker-" + w);
            t.setDaemon(true);
            t.start();
            helpers.add(t);
        }
        work(expander, sliceDeadline, halt);
        for (Thread t : helpers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a branch-and-bound worker", e);
            }
        }
        synchronized (lock) {
            if (failure != null) throw failure;
            Termination stop = stopped;
            if (stop == null) {
                if (!open.isEmpty()) return null; // the slice ended
                stop = Termination.optimal("branch and bound: no open node left after " + nodes + " nodes");
            }
            progress(expander.incumbent(), true);
            Outcome outcome = new Outcome(stop, lowerBound(expander.incumbent()), nodes);
            for (N node : open) expander.unexpanded(node);
            return outcome;
        }
    }

    /** One worker: takes the best open node, expands it outside the lock, queues its children; until done or stopped. */
    private void work(Expander<N> expander, long sliceDeadline, BooleanSupplier halt) {
        while (true) {
            N node;
            double cutoff;
            boolean root;
            synchronized (lock) {
                while (true) {
                    if (stopped != null || sliceOver || failure != null) return;
                    if (open.isEmpty()) {
                        if (inFlight.isEmpty()) return;
                        waitForNodes(); // another worker's children may come
                        continue;
                    }
                    Termination limit = limit();
                    if (limit != null) {
                        stopped = limit;
                        lock.notifyAll();
                        return;
                    }
                    if (System.nanoTime() >= sliceDeadline) {
                        sliceOver = true;
                        lock.notifyAll();
                        return;
                    }
                    node = open.poll();
                    cutoff = cutoff(expander.incumbent());
                    if (bound.applyAsDouble(node) >= cutoff) {
                        close(bound.applyAsDouble(node));
                        expander.unexpanded(node);
                        continue;
                    }
                    nodes++;
                    root = first;
                    first = false;
                    inFlight.add(bound.applyAsDouble(node));
                    break;
                }
            }
            Expansion<N> e;
            try {
                e = expander.expand(node, cutoff, root, halt);
            } catch (RuntimeException | Error ex) {
                synchronized (lock) {
                    failure = ex instanceof RuntimeException r ? r : new IllegalStateException("branch-and-bound worker failed", ex);
                    lock.notifyAll();
                }
                return;
            }
            synchronized (lock) {
                inFlight.remove(bound.applyAsDouble(node));
                if (!Double.isNaN(e.closedBound())) close(e.closedBound());
                close(e.cutOffBound());
                double childCutoff = cutoff(expander.incumbent());
                for (N child : e.children()) {
                    if (bound.applyAsDouble(child) >= childCutoff) {
                        close(bound.applyAsDouble(child));
                        expander.unexpanded(child);
                    } else {
                        open.add(child);
                    }
                }
                lock.notifyAll();
                progress(expander.incumbent(), false);
            }
        }
    }

    /** Waits (holding {@code lock}) for another worker's children; wakes at least every 50 ms to re-check limits. */
    private void waitForNodes() {
        try {
            lock.wait(50);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            stopped = Termination.limit(Termination.Limit.INTERRUPTED, true, "interrupted after " + nodes + " nodes");
        }
    }

    double elapsed() {
        return (System.nanoTime() - start) / 1e9;
    }

    private double cutoff(double ub) {
        return ub - Math.max(PRUNE_SHARE * params.relativeGap() * Math.abs(ub), PRUNE_SHARE * params.absoluteGap());
    }

    private void close(double b) {
        closedBound = Math.min(closedBound, b);
    }

    private double lowerBound(double ub) {
        double lb = closedBound;
        for (double b : inFlight) lb = Math.min(lb, b);
        N top = open.peek();
        if (top != null) lb = Math.min(lb, bound.applyAsDouble(top));
        return Math.min(lb, ub);
    }

    private Termination limit() {
        if (cancel.isCancelled()) return Termination.limit(Termination.Limit.INTERRUPTED, true, "cancelled after " + nodes + " nodes");
        if (elapsed() >= params.timeLimitSeconds()) return Termination.limit(Termination.Limit.TIME, true, "time limit after " + nodes + " nodes");
        return null;
    }

    private void progress(double ub, boolean force) {
        double t = elapsed();
        if (!force && t - lastProgress < PROGRESS_EVERY) return;
        lastProgress = t;
        listener.onProgress(new SolveListener.SolveProgress(t, ub, lowerBound(ub), nodes));
    }
}
