package certus.formulations.bnb;

import certus.solver.CancellationToken;
import certus.solver.SolveListener;
import certus.solver.SolverBackend;
import certus.solver.Termination;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A lower bound for Zbar + L2 with heterogeneous supports by a Lagrangian split of the coupling (our construction;
 * exact.md has only the joint relaxations). With copies w = z of the supports and multipliers lambda (K x p),
 * <pre>
 *   F(Z) = sum_k [c_k(z_k) + lambda_k . z_k] + sum_j [w f(|z_.j|) - lambda_.j . z_.j]
 *       &gt;= sum_k min_{|S| &lt;= s} [c_k(S) + lambda_k(S)] + sum_j min_P [w f(|P|) - lambda_.j(P)]  =: L(lambda)
 * </pre>
 * for every lambda and every feasible Z: each bracket is bounded by its own minimum. The task minima are single-task
 * best-subset problems with linear feature costs, solved by their own trees ({@link TaskPricing}), so the bound keeps
 * each task's integrality (which the joint perspective relaxation loses when n_k &lt; p) and the trees' sizes add up
 * over tasks instead of multiplying; the column minima are {@link ColumnPatterns}' sort of K numbers.
 *
 * <p>Why it is strong: at the optimum of max L the split is as strong as the relaxation that convexifies each task's
 * supports separately, and a task gains from the reward for sharing a feature only by giving up a feature of its own.
 * lambda is improved by a box-stabilized cutting-plane method ({@link LagrangianMaster}); every evaluated lambda gives
 * a valid bound (a task tree stopped early contributes its own valid bound), so the result is the best one seen. The
 * task minimizers together are also feasible supports: they are offered as incumbents.
 */
final class LagrangianZbar {
    private static final double INITIAL_RADIUS_SHARE = 1.0;
    private static final double SERIOUS_SHARE = 0.1;
    /** Seconds between progress events while the pricing trees run. */
    private static final double PROGRESS_SECONDS = 2;
    /** Cap on the combinations the reduced-cost primal heuristic tries per round. */
    private static final long COMBINATIONS = 20_000;
    /**
     * The time slice of a pricing round's trees: they resume where they stopped, so slices cost nothing but fairness,
     * and a round ends at most one slice after its first column.
     */
    private static final double SLICE_SECONDS = 1;
    /** A tree's support counts as a new column when it improves on the pool by this share of the tree's gap. */
    private static final double FOUND_SHARE = 0.25;

    private final int kCount;
    private final int p;
    private final ColumnPatterns columns;
    private final TaskNode root;
    private final List<TaskPricing> tasks = new ArrayList<>();
    private final LagrangianMaster master;
    private final SolveListener listener;
    private final CancellationToken cancel;
    private final double w;
    /** Whether exact rounds record their trees' proofs (the best round's become the outcome's proof). */
    private final boolean recordProof;
    private boolean[][] best;
    private double ub;
    private long nodes;
    /** The best L proven so far. */
    private double bestL;
    /** A bound proven before the split, for progress events. */
    private double knownBound = Double.NEGATIVE_INFINITY;
    private long started;
    private long lastProgress;
    /** The master's trust-region radius around the current multipliers. */
    private double radius;
    /** Threads for the task trees: they are independent, one per task at a time. */
    private final java.util.concurrent.ExecutorService workers;
    /** Cores for the trees of a slice: when fewer trees than cores are open, each tree gets several workers. */
    private final int cores = Runtime.getRuntime().availableProcessors();

    /**
     * @param selectable which (task, feature) may enter a support
     * @param lp         LP solver for the master
     */
    LagrangianZbar(List<String> labels, List<TaskGram> grams, double ridge, int s, double zbar, boolean[][] selectable, SolverBackend lp,
                   boolean recordProof, SolveListener listener, CancellationToken cancel) {
        this.recordProof = recordProof;
        this.kCount = grams.size();
        this.p = grams.get(0).features;
        this.columns = new ColumnPatterns(kCount, zbar);
        this.w = 0.5 * zbar;
        this.listener = listener;
        this.cancel = cancel;
        boolean[][] in = new boolean[kCount][p];
        boolean[][] out = new boolean[kCount][p];
        int[] budget = new int[kCount];
        for (int k = 0; k < kCount; k++) {
            budget[k] = s;
            for (int j = 0; j < p; j++) out[k][j] = !selectable[k][j];
            tasks.add(new TaskPricing(labels.get(k), grams.get(k), ridge, s, selectable[k]));
        }
        this.root = TaskNode.of(in, out, budget, 0, 0, new double[kCount][p], new double[kCount]);
        this.master = new LagrangianMaster(kCount, p, columns, lp);
        int threads = Math.max(1, Math.min(kCount, Runtime.getRuntime().availableProcessors()));
        this.workers = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "certus-lagrangian-pricing");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * @param bound      the best L(lambda) found (a valid lower bound on F over all feasible supports)
     * @param best       the best feasible supports seen (the start's, unless pricing found better)
     * @param value      F(best)
     * @param rounds     dual function evaluations
     * @param nodes      task-tree nodes over all evaluations
     * @param proof      the proof of {@code bound} (its round's task trees and multipliers), null when not recorded
     */
    record Outcome(double bound, boolean[][] best, double value, int rounds, long nodes, BnbProof proof) {}

    /**
     * Maximizes L from the multipliers that price the incumbent's columns exactly, until L reaches the incumbent less
     * {@code absoluteTolerance}, pricing finds no column (the dual maximum, short of it), or {@code deadline}
     * (System.nanoTime) passes. Shuts the pricing threads down at the end.
     *
     * @param absoluteTolerance the slack allowed in each evaluation (split over the task trees)
     * @param knownBound        a bound proven before (only shown in progress events until the split beats it)
     */
    Outcome run(boolean[][] incumbent, double absoluteTolerance, long deadline, double knownBound) {
        this.knownBound = knownBound;
        try {
            return maximize(incumbent, absoluteTolerance, deadline);
        } finally {
            close();
        }
    }

    /** Stops the pricing threads (after {@link #run}, or after the last {@link #bound} call). */
    void close() {
        workers.shutdownNow();
    }

    private Outcome maximize(boolean[][] incumbent, double absoluteTolerance, long deadline) {
        ub = Double.POSITIVE_INFINITY;
        offer(incumbent);
        for (int k = 0; k < kCount; k++) tasks.get(k).add(new Support(certus.smtl.SmtlSolution.indicesOf(incumbent[k])));
        double[][] center = startingMultipliers(incumbent);
        for (int j = 0; j < p; j++) master.addPattern(j, column(incumbent, j));
        // Each tree stops within PRUNE_SHARE * absoluteTolerance / K of its minimum: together they use half the
        // tolerance, the rest absorbs the master's own slack (its estimate meets the incumbent only approximately).
        double treeGap = absoluteTolerance / kCount;
        long start = System.nanoTime();
        started = start;
        bestL = Double.NEGATIVE_INFINITY;
        BnbProof bestProof = null;
        int rounds = 0;
        radius = INITIAL_RADIUS_SHARE * w;
        while (!stopped(deadline)) {
            center = ascend(center, absoluteTolerance, deadline, start);
            if (pairSwapColumns(center, treeGap)) continue; // cheaper than a tree round
            Round round = priceRound(center, treeGap, deadline);
            double l = columnMinima(center, null);
            for (double b : round.bounds()) l += b;
            combine(center, ub - l);
            rounds++;
            if (l > bestL) {
                bestL = l;
                if (recordProof) bestProof = proofOf(round.logs(), center);
            }
            listener.onLog(String.format(Locale.ROOT, "lagrangian round %d: L %.8g (best %.8g), %s, UB %.8g, %.1f s",
                    rounds, l, bestL, round.found() ? "new columns" : round.proven() ? "priced out" : "pricing unfinished", ub,
                    (System.nanoTime() - start) / 1e9));
            progress(true);
            // Priced out short of the incumbent: the dual's maximum leaves a gap, which more rounds cannot close.
            if (bestL >= ub - absoluteTolerance || round.proven()) break;
        }
        return new Outcome(Math.min(bestL, ub), best, ub, rounds, nodes, bestProof);
    }

    /**
     * One exact pricing round at {@code center}.
     *
     * @param bounds each task tree's bound (-Infinity for a tree the round left paused)
     * @param logs   each task tree's proof log (null entries when proofs are not recorded)
     * @param found  whether some tree found a column below its task's pool minimum (back to the ascent)
     * @param proven whether every tree finished without one: then the bounds make L(center) a proven bound
     */
    private record Round(double[] bounds, List<BnbProof.Log> logs, boolean found, boolean proven) {}

    /**
     * The task trees run in short slices and resume where they stopped: a task with a column to find is not stuck
     * behind trees that must prove they have none (2 threads, K trees). A tree stops at its first column; the round
     * ends with the slice in which one was found (the multipliers will move, so the other trees' proofs would be
     * wasted, but they may find columns too within that slice). At the deadline or on cancellation the paused trees
     * are ended, so that their bounds count.
     */
    private Round priceRound(double[][] center, double treeGap, long deadline) {
        double[] bounds = new double[kCount];
        java.util.Arrays.fill(bounds, Double.NEGATIVE_INFINITY);
        boolean[] ended = new boolean[kCount];
        boolean[] optimal = new boolean[kCount];
        List<BnbProof.Log> logs = new ArrayList<>();
        List<TaskPricing.Search> searches = new ArrayList<>();
        boolean found = false;
        CancellationToken round = new CancellationToken();
        try (CancellationToken.Registration ignored = cancel.onCancel(round::cancel)) {
            for (int k = 0; k < kCount; k++) {
                TaskPricing task = tasks.get(k);
                BnbProof.Log log = recordProof ? new BnbProof.Log() : null;
                logs.add(log);
                searches.add(task.begin(center[k], treeGap, seconds(deadline), round, task.cheapestValue(center[k]) - treeGap, log));
            }
            while (true) {
                boolean last = stopped(deadline);
                if (last) round.cancel(); // a cancelled tree ends at once, with its bound
                List<Integer> open = new ArrayList<>();
                for (int k = 0; k < kCount; k++) if (!ended[k]) open.add(k);
                long sliceEnd = last ? System.nanoTime() : System.nanoTime() + (long) (SLICE_SECONDS * 1e9);
                List<Priced> priced = advanceAll(center, open, searches, treeGap, sliceEnd);
                for (int a = 0; a < open.size(); a++) {
                    Priced r = priced.get(a);
                    if (r == null) continue; // paused by the slice
                    int k = open.get(a);
                    ended[k] = true;
                    nodes += r.result().nodes();
                    bounds[k] = r.result().lowerBound();
                    found |= r.found();
                    optimal[k] = !r.found() && r.result().termination().reason() == Termination.Reason.OPTIMAL;
                }
                boolean allEnded = true;
                for (boolean e : ended) allEnded &= e;
                if (found || allEnded || last) break;
                progress(false);
            }
        }
        boolean proven = !found;
        for (boolean o : optimal) proven &= o;
        return new Round(bounds, logs, found, proven);
    }

    /**
     * L(lambda) with every task tree run to {@code treeGap} (no early stop): a valid lower bound on F for any lambda
     * (within the trees' gap, and less when a tree hits the time limit).
     */
    double bound(double[][] lambda, double treeGap, double seconds) {
        double l = columnMinima(lambda, null);
        List<java.util.concurrent.Callable<TaskPricing.Priced>> jobs = new ArrayList<>();
        for (int k = 0; k < kCount; k++) {
            TaskPricing task = tasks.get(k);
            double[] costs = lambda[k];
            jobs.add(() -> task.price(costs, treeGap, seconds, cancel, Double.NEGATIVE_INFINITY));
        }
        for (TaskPricing.Priced r : invokeAll(jobs)) l += r.lowerBound();
        return l;
    }

    /** One task's exact pricing: the tree's result and whether it found a column below the pool's minimum. */
    private record Priced(TaskPricing.Priced result, boolean found) {}

    /**
     * Advances the pricing trees of the tasks {@code which} by one slice (in parallel, one task per thread, and several
     * workers per tree when fewer trees than cores are open); a tree that
     * ends with a support below the pool's minimum has it polished by local search (both join the pool). Results in
     * the order of {@code which}; null for a tree the slice paused.
     */
    private List<Priced> advanceAll(double[][] lambda, List<Integer> which, List<TaskPricing.Search> searches, double treeGap, long sliceEnd) {
        List<java.util.concurrent.Callable<Priced>> jobs = new ArrayList<>();
        // The last open trees (typically the one task whose tree must prove the most) use the cores the others left.
        int perTree = Math.max(1, cores / Math.max(1, which.size()));
        for (int k : which) {
            TaskPricing task = tasks.get(k);
            double[] costs = lambda[k];
            TaskPricing.Search search = searches.get(k);
            jobs.add(() -> {
                double sigma = task.cheapestValue(costs);
                TaskPricing.Priced r = search.advance(sliceEnd, perTree);
                if (r == null) return null;
                boolean found = r.value() < sigma - FOUND_SHARE * treeGap;
                if (found) task.improve(costs);
                return new Priced(r, found);
            });
        }
        return invokeAll(jobs);
    }

    /** The round's task trees with its multipliers; incomplete when a tree's proof outgrew the recorder. */
    private static BnbProof proofOf(List<BnbProof.Log> logs, double[][] lambda) {
        List<TreeProof> trees = new ArrayList<>();
        for (BnbProof.Log log : logs) {
            BnbProof p = log.proof();
            if (!p.complete()) return new BnbProof(List.of(), p.incomplete());
            trees.addAll(p.trees());
        }
        return new BnbProof(trees, "", lambda);
    }

    private <T> List<T> invokeAll(List<java.util.concurrent.Callable<T>> jobs) {
        List<T> out = new ArrayList<>();
        try {
            for (java.util.concurrent.Future<T> f : workers.invokeAll(jobs)) out.add(f.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pricing", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("pricing failed: " + e.getCause(), e.getCause());
        }
        return out;
    }

    /**
     * Improves the multipliers from {@code center} with heuristic pricing (local search: cheap, its dual value only an
     * estimate) until the master predicts no gain; returns the last serious step's multipliers.
     */
    private double[][] ascend(double[][] center, double absoluteTolerance, long deadline, long start) {
        double lc = estimate(center);
        int steps = 0;
        while (!stopped(deadline)) {
            LagrangianMaster.Step step = master.solve(tasks, center, radius, seconds(deadline));
            if (step == null) break;
            double predicted = step.modelValue() - lc;
            if (predicted <= absoluteTolerance * 0.01) break;
            double l = estimate(step.lambda());
            steps++;
            if (l >= lc + SERIOUS_SHARE * predicted) {
                center = step.lambda();
                lc = l;
                radius *= 2;
            } else {
                radius = Math.max(radius * 0.5, 1e-12);
            }
        }
        listener.onLog(String.format(Locale.ROOT, "lagrangian ascent: %d steps, estimate %.8g, UB %.8g, %.1f s", steps, lc, ub,
                (System.nanoTime() - start) / 1e9));
        return center;
    }

    /** L(lambda) with each task's minimum estimated by local search; the supports found join the master. */
    private double estimate(double[][] lambda) {
        double l = 0;
        boolean[][] combined = new boolean[kCount][];
        for (int k = 0; k < kCount; k++) {
            TaskPricing.Priced priced = tasks.get(k).improve(lambda[k]);
            l += priced.value();
            combined[k] = priced.best().mask(p);
        }
        offer(combined);
        return l + columnMinima(lambda, master);
    }

    /** Sum over features of the cheapest column pattern under lambda; the patterns join {@code into} when non-null. */
    private double columnMinima(double[][] lambda, LagrangianMaster into) {
        double l = 0;
        double[] cost = new double[kCount];
        boolean[] pattern = new boolean[kCount];
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < kCount; k++) cost[k] = -lambda[k][j];
            l += columns.min(root, j, cost, pattern);
            if (into != null) into.addPattern(j, pattern);
        }
        return l;
    }

    /**
     * A primal heuristic from reduced costs: F(Z) = L(lambda) + the tasks' and columns' excesses over their minima, so
     * a Z better than the incumbent combines task supports whose excess is below {@code slack} = UB - L. Tries every
     * such combination of pool supports (the closest first, at most {@link #COMBINATIONS} in all).
     */
    private void combine(double[][] lambda, double slack) {
        if (!(slack > 0) || !Double.isFinite(slack)) return;
        List<List<Support>> options = new ArrayList<>();
        long product = 1;
        for (int k = 0; k < kCount; k++) {
            TaskPricing task = tasks.get(k);
            double[] costs = lambda[k];
            double min = task.cheapestValue(costs);
            List<Support> near = new ArrayList<>();
            for (Support sup : task.pool().keySet()) if (task.costed(sup, costs) <= min + slack) near.add(sup);
            near.sort(java.util.Comparator.comparingDouble(x -> task.costed(x, costs)));
            options.add(near);
            product *= Math.max(1, near.size());
        }
        int cap = product <= COMBINATIONS ? Integer.MAX_VALUE : (int) Math.max(1, Math.floor(Math.pow(COMBINATIONS, 1.0 / kCount)));
        for (int k = 0; k < kCount; k++) {
            List<Support> o = options.get(k);
            if (o.size() > cap) options.set(k, o.subList(0, cap));
            if (options.get(k).isEmpty()) return;
        }
        enumerate(options, 0, new Support[kCount], new int[p], 0.0);
    }

    private void enumerate(List<List<Support>> options, int k, Support[] chosen, int[] counts, double raw) {
        if (k == kCount) {
            double v = raw;
            for (int j = 0; j < p; j++) v += columns.penalty(counts[j]);
            if (v < ub) {
                boolean[][] z = new boolean[kCount][];
                for (int t = 0; t < kCount; t++) z[t] = chosen[t].mask(p);
                offer(z);
            }
            return;
        }
        for (Support sup : options.get(k)) {
            chosen[k] = sup;
            for (int j : sup.indices()) counts[j]++;
            enumerate(options, k + 1, chosen, counts, raw + tasks.get(k).rawValue(sup));
            for (int j : sup.indices()) counts[j]--;
        }
    }

    /** A progress event (incumbent, best proven bound) at most every {@link #PROGRESS_SECONDS} unless forced. */
    private void progress(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastProgress < PROGRESS_SECONDS * 1e9) return;
        lastProgress = now;
        double bound = Math.min(Math.max(bestL, knownBound), ub);
        listener.onProgress(new SolveListener.SolveProgress((now - started) / 1e9, ub, bound, nodes));
    }

    /** Whether double swaps found a column for some task at {@code lambda} (the tasks in parallel). */
    private boolean pairSwapColumns(double[][] lambda, double treeGap) {
        List<java.util.concurrent.Callable<Boolean>> jobs = new ArrayList<>();
        for (int k = 0; k < kCount; k++) {
            TaskPricing task = tasks.get(k);
            double[] costs = lambda[k];
            jobs.add(() -> {
                double sigma = task.cheapestValue(costs);
                return task.pairSwaps(costs).value() < sigma - FOUND_SHARE * treeGap;
            });
        }
        boolean found = false;
        for (boolean f : invokeAll(jobs)) found |= f;
        return found;
    }

    /** F of a feasible Z from the pools' exact values and the Zbar count form. */
    private void offer(boolean[][] z) {
        double v = 0;
        for (int k = 0; k < kCount; k++) v += tasks.get(k).rawValue(new Support(certus.smtl.SmtlSolution.indicesOf(z[k])));
        for (int j = 0; j < p; j++) v += columns.penalty(count(z, j));
        if (v < ub) {
            ub = v;
            best = z;
        }
    }

    /**
     * Multipliers under which the incumbent's column patterns cost exactly their Zbar penalty and every column's
     * minimum is 0: each of the m tasks using feature j gets w f(m)/m, each other task -w f(m)/(K - m) (a point of
     * the base polytope of the column's submodular penalty, shared evenly; checked valid for K &lt;= 8 by enumeration).
     */
    private double[][] startingMultipliers(boolean[][] z) {
        double[][] lambda = new double[kCount][p];
        for (int j = 0; j < p; j++) {
            int m = count(z, j);
            if (m == 0 || m == kCount) continue;
            double f = columns.penalty(m);
            for (int k = 0; k < kCount; k++) lambda[k][j] = z[k][j] ? f / m : -f / (kCount - m);
        }
        return lambda;
    }

    private int count(boolean[][] z, int j) {
        int m = 0;
        for (int k = 0; k < kCount; k++) if (z[k][j]) m++;
        return m;
    }

    private boolean[] column(boolean[][] z, int j) {
        boolean[] c = new boolean[kCount];
        for (int k = 0; k < kCount; k++) c[k] = z[k][j];
        return c;
    }

    private boolean stopped(long deadline) {
        return cancel.isCancelled() || System.nanoTime() >= deadline;
    }

    private static double seconds(long deadline) {
        return Math.max(1e-3, (deadline - System.nanoTime()) / 1e9);
    }
}
