package certus.formulations.bnb;

import java.util.ArrayList;
import java.util.List;

/**
 * The dual point that proves one node's bound, in a form a checker can re-evaluate from the raw data alone: per
 * support group, the relaxation point z (sparse: features and weights in (0, 1]), from which the residual duals
 * alpha_k = (yc_k - Xc_k beta_k(z)) / n_k follow by one weighted ridge solve per task; and, for the Zbar search, the
 * budget prices mu_k &gt;= 0. Weak duality makes the bound valid for any such point, so a checker that recomputes
 * alpha slightly differently still gets a valid (and nearly equal) bound.
 *
 * <p>A witness may carry diagonal shifts ({@link DiagonalShift}): per task delta_k, valid for supports within its
 * group's {@code shiftFeatures} A (one group for a shared support, one per task for Zbar); a checker must confirm
 * {@code Gc_AA / n_k - delta_k I} is positive definite and that the leaf admits no feature outside A.
 *
 * @param index         per group, the features with z_j &gt; 0 (ascending)
 * @param weight        per group, their z_j
 * @param mu            per task budget prices (Zbar search), empty for a shared-support tree
 * @param shift         per task delta_k &gt;= 0 (0: none for that task), empty: no shift at all
 * @param shiftFeatures per group, the features A its shifts are valid for (ascending); empty without shift
 */
public record BoundWitness(int[][] index, double[][] weight, double[] mu, double[] shift, int[][] shiftFeatures) {
    /** Weights below this are dropped; the solver's own supports never carry smaller weights. */
    private static final double ZERO = 1e-15;

    public BoundWitness {
        if (index.length != weight.length) throw new IllegalArgumentException("index and weight groups differ");
        for (int g = 0; g < index.length; g++) {
            if (index[g].length != weight[g].length) throw new IllegalArgumentException("group " + g + ": index and weight lengths differ");
        }
        if (shift.length == 0 && shiftFeatures.length > 0) throw new IllegalArgumentException("shift features without a shift");
        if (shift.length > 0 && shiftFeatures.length != index.length) {
            throw new IllegalArgumentException("shift features for " + shiftFeatures.length + " groups, expected " + index.length);
        }
    }

    /** Without a shift. */
    public BoundWitness(int[][] index, double[][] weight, double[] mu) {
        this(index, weight, mu, new double[0], new int[0][]);
    }

    /** One shared support vector (K = 1 or common support). */
    static BoundWitness shared(double[] z) {
        return perTask(new double[][]{z}, new double[0]);
    }

    /** One shared support vector evaluated with a diagonal shift (kept by reference: shifts are immutable and shared). */
    static BoundWitness shared(double[] z, DiagonalShift shift) {
        BoundWitness w = shared(z);
        return shift.isNone() ? w : new BoundWitness(w.index, w.weight, w.mu, shift.perTask(), new int[][]{shift.features()});
    }

    /** Per-task points and prices evaluated with per-task shifts (each a one-task {@link DiagonalShift}). */
    static BoundWitness perTask(double[][] z, double[] mu, DiagonalShift[] shifts) {
        BoundWitness w = perTask(z, mu);
        double[] delta = new double[shifts.length];
        int[][] features = new int[shifts.length][];
        boolean any = false;
        for (int k = 0; k < shifts.length; k++) {
            delta[k] = shifts[k].of(0); // 0 for NONE
            features[k] = delta[k] > 0 ? shifts[k].features() : new int[0];
            any |= delta[k] > 0;
        }
        return any ? new BoundWitness(w.index, w.weight, w.mu, delta, features) : w;
    }

    /** Whether the witness's bound uses a diagonal shift. */
    public boolean shifted() {
        return shift.length > 0;
    }

    /** Per-task points and budget prices (the Zbar search). */
    static BoundWitness perTask(double[][] z, double[] mu) {
        int[][] idx = new int[z.length][];
        double[][] w = new double[z.length][];
        for (int k = 0; k < z.length; k++) {
            idx[k] = indices(z[k]);
            w[k] = new double[idx[k].length];
            for (int a = 0; a < idx[k].length; a++) w[k][a] = z[k][idx[k][a]];
        }
        return new BoundWitness(idx, w, mu.clone());
    }

    /** The binary point of a support (weights 1), for leaves whose bound is the support's exact value. */
    static BoundWitness binary(boolean[][] supports, double[] mu) {
        double[][] z = new double[supports.length][];
        for (int k = 0; k < supports.length; k++) {
            z[k] = new double[supports[k].length];
            for (int j = 0; j < z[k].length; j++) if (supports[k][j]) z[k][j] = 1;
        }
        return mu == null ? shared(z[0]) : perTask(z, mu);
    }

    private static int[] indices(double[] z) {
        List<Integer> idx = new ArrayList<>();
        for (int j = 0; j < z.length; j++) if (z[j] > ZERO) idx.add(j);
        return idx.stream().mapToInt(Integer::intValue).toArray();
    }
}
