package certus.formulations.bnb;

/**
 * A node of the multi-task (Zbar) search: per task, features forced in and out, the budget left, and the relaxation
 * point and prices inherited from the parent.
 *
 * @param in     z_kj = 1 forced
 * @param out    z_kj = 0 forced (never selectable, or the task's budget is used up)
 * @param budget per task: s minus its forced-in features
 * @param bound  a valid lower bound on every support of the node
 * @param depth  branchings above
 * @param z      the relaxation point to start from (K x p in [0,1], respects the fixings)
 * @param mu     the budget prices to start from (K, &gt;= 0)
 * @param witness the dual point that proves {@code bound} (null: the trivial bound 0 of the root)
 * @param shifts  per task, the diagonal shift of its relaxation (valid for that task's features; {@link DiagonalShift})
 */
record TaskNode(boolean[][] in, boolean[][] out, int[] budget, double bound, int depth, double[][] z, double[] mu, BoundWitness witness,
                DiagonalShift[] shifts) {
    TaskNode(boolean[][] in, boolean[][] out, int[] budget, double bound, int depth, double[][] z, double[] mu) {
        this(in, out, budget, bound, depth, z, mu, null, none(in.length));
    }

    static DiagonalShift[] none(int kCount) {
        DiagonalShift[] d = new DiagonalShift[kCount];
        java.util.Arrays.fill(d, DiagonalShift.NONE);
        return d;
    }

    static TaskNode of(boolean[][] in, boolean[][] out, int[] budget, double bound, int depth, double[][] z, double[] mu) {
        return of(in, out, budget, bound, depth, z, mu, null);
    }

    /** A node with the fixings normalized: a task whose budget is used up has all its free features forced out. */
    static TaskNode of(boolean[][] in, boolean[][] out, int[] budget, double bound, int depth, double[][] z, double[] mu, BoundWitness witness) {
        return of(in, out, budget, bound, depth, z, mu, witness, none(in.length));
    }

    static TaskNode of(boolean[][] in, boolean[][] out, int[] budget, double bound, int depth, double[][] z, double[] mu, BoundWitness witness,
                       DiagonalShift[] shifts) {
        int kCount = in.length;
        int p = kCount == 0 ? 0 : in[0].length;
        boolean[][] o = new boolean[kCount][];
        double[][] zz = new double[kCount][];
        for (int k = 0; k < kCount; k++) {
            o[k] = out[k].clone();
            zz[k] = z[k].clone();
            for (int j = 0; j < p; j++) {
                if (budget[k] == 0 && !in[k][j]) o[k][j] = true;
                if (in[k][j]) zz[k][j] = 1;
                if (o[k][j]) zz[k][j] = 0;
            }
        }
        return new TaskNode(in, o, budget, bound, depth, zz, mu.clone(), witness, shifts);
    }

    boolean free(int k, int j) {
        return !in[k][j] && !out[k][j];
    }

    /** No free (k, j) left: the forced-in supports are the node's only point. */
    boolean leaf() {
        for (int k = 0; k < in.length; k++) for (int j = 0; j < in[k].length; j++) if (free(k, j)) return false;
        return true;
    }

    TaskNode withBound(double b, BoundWitness w) {
        return new TaskNode(in, out, budget, b, depth, z, mu, w, shifts);
    }

    /** The node with each task's shift refreshed for its current features (see {@link DiagonalShift#refreshed}). */
    TaskNode withShiftsFor(java.util.List<TaskGram> grams) {
        DiagonalShift[] next = null;
        for (int k = 0; k < shifts.length; k++) {
            DiagonalShift d = shifts[k].refreshed(java.util.List.of(grams.get(k)), out[k]);
            if (d == shifts[k]) continue;
            if (next == null) next = shifts.clone();
            next[k] = d;
        }
        return next == null ? this : new TaskNode(in, out, budget, bound, depth, z, mu, witness, next);
    }
}
