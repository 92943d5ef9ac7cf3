package certus.heuristics;

import certus.smtl.SmtlSolution;
import certus.smtl.SupportRefitter;

/**
 * Best-improvement local search over supports (spec §4 with the [DESIGN] exact acceptance).
 *
 * <p>Per block (one task, or all tasks jointly under common support) the moves are swap (i out, j in),
 * add (j in, when |S| &lt; s) and drop (i out; only useful with zbar &gt; 0 and heterogeneous supports). Every
 * candidate that survives screening is evaluated exactly by {@link BlockRefit} (other tasks fixed) plus the
 * exact Zbar change; when the neighbourhood is small ({@link #EXACT_ALL} moves) all of it is evaluated
 * exactly, otherwise moves are screened with the reference "inexact" univariate cost (coefficients of the
 * other features frozen, new coefficient optimal in one dimension) and the best {@link #SHORTLIST} are
 * evaluated exactly. The best move is accepted if it lowers F by more than 1e-10 |F|, then all tasks are
 * refitted jointly (which can only lower F further). Hence F decreases strictly at every accepted move.
 */
final class LocalSearch {
    static final int EXACT_ALL = 400;
    static final int SHORTLIST = 16;
    private static final double ACCEPT_REL = 1e-10;

    record Outcome(int sweeps, int swaps, boolean converged, boolean timedOut) {}

    private final Workspace ws;
    private final boolean common;
    private final double[] listCost;
    private final int[] listOut;
    private final int[] listIn;
    private final int[] candidate;
    private int listSize;
    private boolean jointExact;
    private double currentValue;
    private double[] scratch;

    private LocalSearch(Workspace ws) {
        this.ws = ws;
        this.common = ws.common();
        this.listCost = new double[SHORTLIST];
        this.listOut = new int[SHORTLIST];
        this.listIn = new int[SHORTLIST];
        this.candidate = new int[ws.s + 2];
    }

    /** Runs on a workspace holding a joint refit; leaves it at the local optimum (jointly refitted). */
    static Outcome run(Workspace ws, int maxSweeps, Deadline deadline, Progress progress) {
        return new LocalSearch(ws).search(maxSweeps, deadline, progress);
    }

    private Outcome search(int maxSweeps, Deadline deadline, Progress progress) {
        int blocks = common ? 1 : ws.kCount;
        boolean coupled = !common && ws.kCount > 1 && (ws.problem.zbar() > 0 || ws.problem.bbar() > 0);
        int swaps = 0;
        for (int sweep = 0; sweep < maxSweeps; sweep++) {
            boolean accepted = false;
            for (int b = 0; b < blocks; b++) {
                if (deadline.expired()) return new Outcome(sweep, swaps, false, true);
                double f = ws.objective();
                if (improve(b, f)) {
                    accepted = true;
                    swaps++;
                    progress.report("local-search", swaps, ws.objective());
                }
            }
            if (coupled && !deadline.expired() && jointImprove(ws.objective())) {
                accepted = true;
                swaps++;
                progress.report("local-search", swaps, ws.objective());
            }
            if (!accepted) return new Outcome(sweep + 1, swaps, true, false);
        }
        return new Outcome(maxSweeps, swaps, false, false);
    }

    private int first(int b) {
        return common ? 0 : b;
    }

    private int last(int b) {
        return common ? ws.kCount - 1 : b;
    }

    /** Finds and applies the best improving move of block b; false when there is none. */
    private boolean improve(int b, double f) {
        int lead = first(b);
        int[] support = ws.support(lead);
        int m = support.length;
        for (int k = first(b); k <= last(b); k++) for (int i : support) ws.gramRow(k, i);
        int outsiders = 0;
        for (int j = 0; j < ws.p; j++) if (!ws.z[lead][j] && ws.selectable(lead, j)) outsiders++;
        boolean drops = !common && ws.problem.zbar() > 0;
        long moves = (long) m * outsiders + (m < ws.s ? outsiders : 0) + (drops ? m : 0);
        double base = BlockRefit.current(ws, first(b), last(b));
        // Small coupled (Bbar) neighbourhoods: judge single-task moves by the joint refit, not the upper bound.
        jointExact = moves <= EXACT_ALL && !common && ws.problem.bbar() > 0 && ws.kCount > 1;
        currentValue = f;
        double threshold = -ACCEPT_REL * Math.abs(f);
        double bestDelta = threshold;
        int bestOut = -2;
        int bestIn = -2;
        if (moves <= EXACT_ALL) {
            for (int j = 0; j < ws.p; j++) {
                if (ws.z[lead][j] || !ws.selectable(lead, j)) continue;
                for (int a = -1; a < m; a++) {
                    if (a < 0 && m >= ws.s) continue;
                    int out = a < 0 ? -1 : support[a];
                    double d = exactDelta(b, support, out, j, base);
                    if (d < bestDelta) { bestDelta = d; bestOut = out; bestIn = j; }
                }
            }
        } else {
            shortlist(b, support);
            for (int e = 0; e < listSize; e++) {
                double d = exactDelta(b, support, listOut[e], listIn[e], base);
                if (d < bestDelta) { bestDelta = d; bestOut = listOut[e]; bestIn = listIn[e]; }
            }
        }
        if (drops) {
            for (int i : support) {
                double d = exactDelta(b, support, i, -1, base);
                if (d < bestDelta) { bestDelta = d; bestOut = i; bestIn = -1; }
            }
        }
        if (bestOut == -2) return pairSwap(b, support, base, threshold);
        for (int k = first(b); k <= last(b); k++) {
            if (bestOut >= 0) {
                ws.setCoefficient(k, bestOut, 0.0);
                ws.setSupport(k, bestOut, false);
            }
            if (bestIn >= 0) ws.setSupport(k, bestIn, true);
        }
        ws.refit();
        return true;
    }

    /**
     * Joint row move for coupled heterogeneous variants: replace feature i by j in every task that holds i and
     * not j (or add j to every task with room, or drop i everywhere when zbar &gt; 0). Single-task moves cannot
     * leave a point where all tasks agree on a feature because the Zbar/Bbar penalty punishes the first task
     * that leaves; moving the row jointly can. Evaluated by a joint refit; only when the neighbourhood is
     * small ({@link #EXACT_ALL} moves), since each evaluation is a full refit.
     */
    private boolean jointImprove(double f) {
        int kCount = ws.kCount;
        boolean[] rowUsed = new boolean[ws.p];
        int used = 0;
        for (int k = 0; k < kCount; k++) for (int j = 0; j < ws.p; j++) if (ws.z[k][j] && !rowUsed[j]) { rowUsed[j] = true; used++; }
        boolean drops = ws.problem.zbar() > 0;
        long moves = (long) (used + 1) * ws.p + (drops ? used : 0);
        if (moves > EXACT_ALL) return false;
        double[] scratch = new double[ws.maxRows()];
        boolean[][] trial = new boolean[kCount][];
        double bestValue = f - ACCEPT_REL * Math.abs(f);
        SmtlSolution bestSol = null;
        for (int i = -1; i < ws.p; i++) {
            if (i >= 0 && !rowUsed[i]) continue;
            for (int j = -1; j < ws.p; j++) {
                if (j == i || (j < 0 && (i < 0 || !drops))) continue;
                boolean changed = false;
                for (int k = 0; k < kCount; k++) {
                    trial[k] = ws.z[k].clone();
                    boolean room = i >= 0 ? ws.z[k][i] : sizeOf(ws.z[k]) < ws.s;
                    if (!room || (j >= 0 && (ws.z[k][j] || ws.constant[k][j]))) continue;
                    if (i >= 0) trial[k][i] = false;
                    if (j >= 0) trial[k][j] = true;
                    changed = true;
                }
                if (!changed) continue;
                SmtlSolution sol = SupportRefitter.refit(ws.problem, trial);
                double v = ws.valueOf(sol, scratch);
                if (v < bestValue) { bestValue = v; bestSol = sol; }
            }
        }
        if (bestSol == null) return false;
        ws.load(bestSol);
        return true;
    }

    /**
     * Double swap (two out, two in) of block b, tried only when no single move improves and the pair
     * neighbourhood is small ({@link #EXACT_ALL}): on small problems it escapes the typical 2-swap local
     * optimum of two correlated neighbours, at no cost on large ones.
     */
    private boolean pairSwap(int b, int[] support, double base, double threshold) {
        int lead = first(b);
        int m = support.length;
        int[] outs = new int[ws.p];
        int o = 0;
        for (int j = 0; j < ws.p; j++) if (!ws.z[lead][j] && ws.selectable(lead, j)) outs[o++] = j;
        if (m < 2 || o < 2 || (long) m * (m - 1) / 2 * ((long) o * (o - 1) / 2) > EXACT_ALL) return false;
        double bestDelta = threshold;
        int[] best = null;
        for (int a1 = 0; a1 < m; a1++) for (int a2 = a1 + 1; a2 < m; a2++) {
            for (int c1 = 0; c1 < o; c1++) for (int c2 = c1 + 1; c2 < o; c2++) {
                int[] move = {support[a1], support[a2], outs[c1], outs[c2]};
                double d = pairDelta(b, support, move, base);
                if (d < bestDelta) { bestDelta = d; best = move; }
            }
        }
        if (best == null) return false;
        for (int k = first(b); k <= last(b); k++) {
            for (int t = 0; t < 2; t++) {
                ws.setCoefficient(k, best[t], 0.0);
                ws.setSupport(k, best[t], false);
                ws.setSupport(k, best[2 + t], true);
            }
        }
        ws.refit();
        return true;
    }

    private double pairDelta(int b, int[] support, int[] move, double base) {
        if (jointExact) {
            boolean[][] trial = new boolean[ws.kCount][];
            for (int t = 0; t < ws.kCount; t++) trial[t] = ws.z[t].clone();
            trial[b][move[0]] = trial[b][move[1]] = false;
            trial[b][move[2]] = trial[b][move[3]] = true;
            if (scratch == null) scratch = new double[ws.maxRows()];
            return ws.valueOf(SupportRefitter.refit(ws.problem, trial), scratch) - currentValue;
        }
        int m = 0;
        for (int i : support) if (i != move[0] && i != move[1]) candidate[m++] = i;
        candidate[m++] = move[2];
        candidate[m++] = move[3];
        double delta = BlockRefit.optimal(ws, first(b), last(b), candidate, m) - base;
        if (!common && ws.problem.zbar() > 0) {
            double half = 0.5 * ws.problem.zbar();
            delta += half * (ws.zbarFlipOn(b, move[2]) + ws.zbarFlipOn(b, move[3]) - ws.zbarFlipOn(b, move[0]) - ws.zbarFlipOn(b, move[1]));
        }
        return delta;
    }

    /** Exact change of F for a single-task move, with all tasks refitted jointly. */
    private double jointDelta(int k, int out, int in) {
        boolean[][] trial = new boolean[ws.kCount][];
        for (int t = 0; t < ws.kCount; t++) trial[t] = ws.z[t].clone();
        if (out >= 0) trial[k][out] = false;
        if (in >= 0) trial[k][in] = true;
        if (scratch == null) scratch = new double[ws.maxRows()];
        return ws.valueOf(SupportRefitter.refit(ws.problem, trial), scratch) - currentValue;
    }

    private static int sizeOf(boolean[] z) {
        int c = 0;
        for (boolean b : z) if (b) c++;
        return c;
    }

    /** Exact change of F for replacing {@code out} (or -1) by {@code in} (or -1) in block b. */
    private double exactDelta(int b, int[] support, int out, int in, double base) {
        if (jointExact) return jointDelta(b, out, in);
        int m = 0;
        for (int i : support) if (i != out) candidate[m++] = i;
        if (in >= 0) candidate[m++] = in;
        double delta = BlockRefit.optimal(ws, first(b), last(b), candidate, m) - base;
        if (!common && ws.problem.zbar() > 0) {
            double half = 0.5 * ws.problem.zbar();
            if (out >= 0) delta -= half * ws.zbarFlipOn(b, out);
            if (in >= 0) delta += half * ws.zbarFlipOn(b, in);
        }
        return delta;
    }

    /**
     * Screens all swaps/adds of block b with the univariate cost and keeps the SHORTLIST cheapest. Uses one
     * X^T r pass per task and the cached Gram rows of the support; allocation-free.
     */
    private void shortlist(int b, int[] support) {
        listSize = 0;
        int lead = first(b);
        int m = support.length;
        double ridge = ws.problem.ridge();
        double bbar = ws.problem.bbar();
        double zbar = common ? 0 : ws.problem.zbar();
        int kCount = ws.kCount;
        for (int k = first(b); k <= last(b); k++) ws.refreshXtR(k);
        for (int a = -1; a < m; a++) {
            if (a < 0 && m >= ws.s) continue;
            int out = a < 0 ? -1 : support[a];
            for (int j = 0; j < ws.p; j++) {
                if (ws.z[lead][j] || !ws.selectable(lead, j)) continue;
                double cost = 0;
                for (int k = first(b); k <= last(b); k++) {
                    double rj = ws.xcDotRCached(k, j);
                    double nk = ws.n[k];
                    if (out >= 0) {
                        double bi = ws.beta[k][out];
                        double ui = ws.betaSum[out] - bi;
                        double ri = ws.xcDotRCached(k, out);
                        cost += (2 * bi * ri + bi * bi * ws.diag[k][out]) / (2 * nk) - 0.5 * ridge * bi * bi
                                - 0.5 * bbar * ((1 - 1.0 / kCount) * bi * bi - 2 * bi * ui / kCount);
                        rj += bi * ws.gramRow(k, out)[j];
                    }
                    double uj = ws.betaSum[j] - ws.beta[k][j];
                    double aa = ws.diag[k][j] / nk + ridge + bbar * (1 - 1.0 / kCount);
                    double bb = rj / nk + bbar * uj / kCount;
                    if (aa > 0) cost -= bb * bb / (2 * aa);
                    if (zbar > 0) {
                        cost += 0.5 * zbar * ws.zbarFlipOn(k, j);
                        if (out >= 0) cost -= 0.5 * zbar * ws.zbarFlipOn(k, out);
                    }
                }
                offer(cost, out, j);
            }
        }
    }

    private void offer(double cost, int out, int in) {
        if (listSize == SHORTLIST && !(cost < listCost[SHORTLIST - 1])) return;
        int pos = listSize == SHORTLIST ? SHORTLIST - 1 : listSize++;
        while (pos > 0 && cost < listCost[pos - 1]) {
            listCost[pos] = listCost[pos - 1];
            listOut[pos] = listOut[pos - 1];
            listIn[pos] = listIn[pos - 1];
            pos--;
        }
        listCost[pos] = cost;
        listOut[pos] = out;
        listIn[pos] = in;
    }
}
