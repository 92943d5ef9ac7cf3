package certus.formulations.bnb;

import java.util.Map;

/**
 * A branch-and-bound node: features forced in, features forced out (including those no support may select),
 * and what it inherited from its parent.
 *
 * @param in        z_j = 1 forced
 * @param out       z_j = 0 forced (or never selectable)
 * @param budget    s minus the number of forced-in features
 * @param bound     a valid lower bound on every support of the node (the parent's, until evaluated)
 * @param depth     number of branchings above
 * @param warmStart relaxation iterate to start from: supports of the node with convex weights summing to 1
 * @param witness   the dual point that proves {@code bound} (null: the trivial bound 0 of the root)
 * @param shift     the diagonal shift that strengthens its relaxation (valid for its features; see {@link DiagonalShift})
 */
record Node(boolean[] in, boolean[] out, int budget, double bound, int depth, Map<Support, Double> warmStart, BoundWitness witness,
            DiagonalShift shift) {
    Node(boolean[] in, boolean[] out, int budget, double bound, int depth, Map<Support, Double> warmStart) {
        this(in, out, budget, bound, depth, warmStart, null, DiagonalShift.NONE);
    }

    /** Free features: neither forced in nor out. */
    int freeCount() {
        int c = 0;
        for (int j = 0; j < in.length; j++) if (!in[j] && !out[j]) c++;
        return c;
    }

    boolean free(int j) {
        return !in[j] && !out[j];
    }

    Node withBound(double b, BoundWitness w) {
        return new Node(in, out, budget, b, depth, warmStart, w, shift);
    }

    Node withShift(DiagonalShift d) {
        return d == shift ? this : new Node(in, out, budget, bound, depth, warmStart, witness, d);
    }

    /** Whether {@code s} respects the node's fixings and budget. */
    boolean admits(Support s) {
        int extra = 0;
        for (int j = 0; j < in.length; j++) if (in[j] && !s.contains(j)) return false;
        for (int j : s.indices()) {
            if (out[j]) return false;
            if (!in[j]) extra++;
        }
        return extra <= budget;
    }
}
