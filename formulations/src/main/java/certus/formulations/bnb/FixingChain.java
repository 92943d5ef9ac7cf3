package certus.formulations.bnb;

import java.util.Arrays;

/**
 * The leaves of one node's reduced-cost fixings, stored once: the node (features forced in and out per group), the
 * fixings in the order applied, and the one witness that bounds every leaf. Fixing i sets variable (group[i],
 * feature[i]) to value[i] in the rest of the search; its leaf is the node with fixings 0..i-1 applied and variable i
 * at the opposite value. The leaves together are the node minus the remainder (the node with every fixing applied),
 * which the search goes on to cover.
 *
 * <p>Why a chain: a node at p = 250 can fix a hundred variables at once, and a leaf per fixing repeated the node's
 * whole fixing lists each time; Lagrangian task trees made proofs of millions of such leaves (far beyond what could be
 * kept). A chain costs the node once plus three numbers per fixing.
 *
 * @param in      per group, the node's forced-in features (ascending)
 * @param out     per group, the node's forced-out features (ascending)
 * @param group   per fixing, its group
 * @param feature per fixing, its feature
 * @param value   per fixing, the value the remainder takes (the leaf has the other)
 * @param witness the dual point bounding every leaf of the chain
 */
public record FixingChain(int[][] in, int[][] out, int[] group, int[] feature, boolean[] value, BoundWitness witness) {
    public FixingChain {
        if (group.length != feature.length || group.length != value.length) throw new IllegalArgumentException("fixing arrays differ in length");
        if (in.length != out.length) throw new IllegalArgumentException("in and out groups differ");
    }

    /** Number of fixings, i.e. leaves. */
    public int length() {
        return group.length;
    }

    /** Leaf {@code i} as a plain leaf (p features per group): the node, fixings 0..i-1 applied, fixing i reversed. */
    public ProofLeaf leaf(int i, int p, int s) {
        int groups = in.length;
        boolean[][] li = new boolean[groups][p];
        boolean[][] lo = new boolean[groups][p];
        for (int g = 0; g < groups; g++) {
            for (int j : in[g]) li[g][j] = true;
            for (int j : out[g]) lo[g][j] = true;
        }
        for (int a = 0; a < i; a++) {
            if (value[a]) li[group[a]][feature[a]] = true; else lo[group[a]][feature[a]] = true;
        }
        if (value[i]) lo[group[i]][feature[i]] = true; else li[group[i]][feature[i]] = true;
        return ProofLeaf.of(li, lo, witness, s);
    }

    /** A chain for the node (in, out) and fixings (group, feature, value 0/1) in the order applied. */
    static FixingChain of(boolean[][] in, boolean[][] out, java.util.List<int[]> fixings, BoundWitness witness) {
        int[][] i = new int[in.length][];
        int[][] o = new int[out.length][];
        for (int g = 0; g < in.length; g++) {
            i[g] = certus.smtl.SmtlSolution.indicesOf(in[g]);
            o[g] = certus.smtl.SmtlSolution.indicesOf(out[g]);
        }
        int m = fixings.size();
        int[] group = new int[m];
        int[] feature = new int[m];
        boolean[] value = new boolean[m];
        for (int a = 0; a < m; a++) {
            group[a] = fixings.get(a)[0];
            feature[a] = fixings.get(a)[1];
            value[a] = fixings.get(a)[2] == 1;
        }
        return new FixingChain(i, o, group, feature, value, witness);
    }

    @Override
    public String toString() {
        return "FixingChain[" + length() + " fixings of node in=" + Arrays.deepToString(in) + "]";
    }
}
