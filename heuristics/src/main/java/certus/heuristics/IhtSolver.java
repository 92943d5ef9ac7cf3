package certus.heuristics;

/**
 * Block proximal-gradient (IHT) on the current {@link Workspace}, with active sets.
 *
 * <p>Blocks: one block per task (Gauss-Seidel over tasks) for heterogeneous supports, or a single block of
 * all tasks (Jacobi, joint row selection by {@code sum_k T_kj^2}) under common support. A block step is an
 * exact prox-gradient step on F restricted to that block with step 1/L, where L bounds the block Hessian on the
 * active columns: {@code max_k lambda_max(Xc_kA^T Xc_kA)/n_k + ridge + bbar*(1 - 1/K)} (one task) or
 * {@code + bbar} (all tasks, K &gt; 1). Hence every step is monotone in F. The Zbar term enters the selection
 * exactly with the other tasks' counts fixed (see {@link ZbarSelection}); it vanishes under common support.
 *
 * <p>Active sets: for large p, inner passes only touch the active columns (support plus the best candidates);
 * an outer pass computes the full gradient with the whole-design step and adds every feature that the full
 * prox would select; IHT stops when no new feature enters. Small problems (p &lt;= {@link #FULL_ACTIVE_LIMIT})
 * keep every feature active.
 */
final class IhtSolver {
    static final int FULL_ACTIVE_LIMIT = 64;
    /** Stop a start when the support has been stable this many passes and F changed less than REL_TOL. */
    private static final int STABLE_PASSES = 2;
    private static final double REL_TOL = 1e-6;

    record Outcome(int iterations, boolean converged, boolean timedOut) {}

    private final Workspace ws;
    private final boolean common;
    private final int blocks;
    private final int[][] active;
    private final int[] activeSize;
    private final boolean[][] inActive;
    private final double[] blockStep;
    private final double[][] t;
    private final double[] score;
    private final boolean[] keep;
    private final int[] out;
    private final int[] all;

    private IhtSolver(Workspace ws) {
        this.ws = ws;
        this.common = ws.common();
        this.blocks = common ? 1 : ws.kCount;
        this.active = new int[blocks][ws.p];
        this.activeSize = new int[blocks];
        this.inActive = new boolean[blocks][ws.p];
        this.blockStep = new double[blocks];
        this.t = new double[ws.kCount][ws.p];
        this.score = new double[ws.p];
        this.keep = new boolean[ws.p];
        this.out = new int[Math.min(ws.p, 2 * ws.s)];
        this.all = new int[ws.p];
    }

    static Outcome run(Workspace ws, int maxIterations, Deadline deadline, Progress progress) {
        return new IhtSolver(ws).solve(maxIterations, deadline, progress);
    }

    private Outcome solve(int maxIterations, Deadline deadline, Progress progress) {
        boolean full = ws.p <= FULL_ACTIVE_LIMIT;
        for (int b = 0; b < blocks; b++) {
            int first = common ? 0 : b;
            for (int j = 0; j < ws.p; j++) if (ws.z[first][j] || (full && ws.selectable(first, j))) addActive(b, j);
            if (!full) growActive(b, true);
            blockStep[b] = activeStep(b);
        }
        int iterations = 0;
        double previous = ws.objective();
        while (true) {
            int stable = 0;
            while (true) {
                if (deadline.expired()) return new Outcome(iterations, false, true);
                if (iterations >= maxIterations) return new Outcome(iterations, false, false);
                boolean changed = false;
                for (int b = 0; b < blocks; b++) changed |= blockStepOn(b);
                iterations++;
                double f = ws.objective();
                progress.report("iht", iterations, f);
                stable = changed ? 0 : stable + 1;
                boolean small = Math.abs(previous - f) <= REL_TOL * Math.max(Math.abs(f), 1e-300);
                previous = f;
                if (stable >= STABLE_PASSES && small) break;
            }
            if (full) return new Outcome(iterations, true, false);
            if (deadline.expired()) return new Outcome(iterations, false, true);
            boolean grown = false;
            for (int b = 0; b < blocks; b++) {
                if (growActive(b, false)) {
                    grown = true;
                    blockStep[b] = activeStep(b);
                }
            }
            if (!grown) return new Outcome(iterations, true, false);
        }
    }


    private int firstTask(int b) {
        return common ? 0 : b;
    }

    private int lastTask(int b) {
        return common ? ws.kCount - 1 : b;
    }

    private double bbarCurvature() {
        double bbar = ws.problem.bbar();
        return common ? bbar : bbar * (1.0 - 1.0 / ws.kCount);
    }

    /** 1/L on the active columns of block b. */
    private double activeStep(int b) {
        int m = activeSize[b];
        double[] g = new double[m * m];
        double[] v = new double[m];
        double[] w = new double[m];
        double lmax = 0;
        for (int k = firstTask(b); k <= lastTask(b); k++) {
            for (int a = 0; a < m; a++) {
                for (int c = a; c < m; c++) {
                    double val = ws.gram(k, active[b][a], active[b][c]);
                    g[a * m + c] = val;
                    g[c * m + a] = val;
                }
            }
            lmax = Math.max(lmax, Lipschitz.maxEigen(g, m, v, w) / ws.n[k]);
        }
        return 1.0 / (lmax + ws.problem.ridge() + bbarCurvature() + 1e-300);
    }

    private double fullStep(int b) {
        double lmax = 0;
        for (int k = firstTask(b); k <= lastTask(b); k++) lmax = Math.max(lmax, Lipschitz.fullCentered(ws.x[k], ws.means[k]) / ws.n[k]);
        return 1.0 / (lmax + ws.problem.ridge() + bbarCurvature() + 1e-300);
    }

    /** Gradient step T and selection score of feature j in block b; returns the score. */
    private double stepAndScore(int b, int j, double step) {
        double ridge = ws.problem.ridge();
        double bbar = ws.problem.bbar();
        double sum = 0;
        for (int k = firstTask(b); k <= lastTask(b); k++) {
            double bkj = ws.beta[k][j];
            double g = -ws.xcDotR(k, j) / ws.n[k] + ridge * bkj + bbar * (bkj - ws.betaSum[j] / ws.kCount);
            double tkj = bkj - step * g;
            t[k][j] = tkj;
            sum += tkj * tkj;
        }
        if (common) return ws.anyConstant[j] ? Double.NEGATIVE_INFINITY : sum;
        if (ws.constant[b][j]) return Double.NEGATIVE_INFINITY;
        return sum + step * ws.problem.zbar() * ws.zbarFlipOn(b, j);
    }

    /** One prox-gradient step on block b over its active set; true when a support changed. */
    private boolean blockStepOn(int b) {
        int m = activeSize[b];
        int[] idx = active[b];
        double step = blockStep[b];
        for (int a = 0; a < m; a++) score[idx[a]] = stepAndScore(b, idx[a], step);
        int chosen = ZbarSelection.select(score, idx, m, ws.s, out);
        for (int c = 0; c < chosen; c++) keep[out[c]] = true;
        boolean changed = false;
        for (int a = 0; a < m; a++) {
            int j = idx[a];
            boolean in = keep[j];
            for (int k = firstTask(b); k <= lastTask(b); k++) {
                if (ws.z[k][j] != in) changed = true;
                ws.setCoefficient(k, j, in ? t[k][j] : 0.0);
                ws.setSupport(k, j, in);
            }
        }
        for (int c = 0; c < chosen; c++) keep[out[c]] = false;
        return changed;
    }

    /**
     * Full-gradient pass for block b with the whole-design step: adds the features the full prox would select
     * (and, to save outer rounds, the next best up to 2s). Returns whether a feature of the top-s entered.
     * On the initial call every top-2s candidate is added.
     */
    private boolean growActive(int b, boolean initial) {
        int chosen = fullPass(b);
        boolean entered = false;
        for (int c = 0; c < chosen; c++) entered |= !inActive[b][out[c]];
        if (!entered && !initial) return false;
        chosen = ZbarSelection.select(score, all, ws.p, out.length, out);
        for (int c = 0; c < chosen; c++) addActive(b, out[c]);
        return entered;
    }

    /**
     * One prox-gradient step of block b over ALL p features with the whole-design step, without changing the
     * workspace: scores every feature (one {@code x_j^T r} per task) and selects the prox's support into
     * {@code out}. Returns how many were selected. This is the O(n p) unit of work of an outer pass.
     */
    int fullPass(int b) {
        double step = fullStep(b);
        for (int j = 0; j < ws.p; j++) {
            score[j] = stepAndScore(b, j, step);
            all[j] = j;
        }
        return ZbarSelection.select(score, all, ws.p, ws.s, out);
    }

    int blockCount() {
        return blocks;
    }

    /** A solver over {@code ws} for callers that run single passes (benchmarks) rather than {@link #run}. */
    static IhtSolver on(Workspace ws) {
        return new IhtSolver(ws);
    }

    private void addActive(int b, int j) {
        if (inActive[b][j]) return;
        inActive[b][j] = true;
        active[b][activeSize[b]++] = j;
    }
}
