package certus.formulations.cert;

import certus.formulations.bnb.ProofLeaf;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks that the leaves of a branch-and-bound proof cover every feasible support: every 0/1 assignment of the
 * groups' variables with at most s ones per group that respects the root's exclusions lies in some leaf. Works by
 * splitting the root on variables the leaves fix (the variable fixed in most leaves first, which retraces the
 * search's own branching) until each region is contained in a leaf or is empty. A region no leaf reaches is a hole:
 * supports there were never bounded.
 *
 * <p>Set semantics: a region or leaf with s forced-in variables in a group admits no other variable of that group, so
 * a leaf may list such variables as forced out or not (the search normalizes, the check does not need it to).
 */
final class ProofCoverage {
    private final int groups;
    private final int p;
    private final int s;
    private final List<int[]> leafIn = new ArrayList<>();
    private final List<int[]> leafOut = new ArrayList<>();
    private final long budget;
    private long regions;
    private String hole;

    /** @param rootOut per group, the features no support may select (constant columns) */
    private ProofCoverage(int groups, int p, int s, List<ProofLeaf> leaves) {
        this.groups = groups;
        this.p = p;
        this.s = s;
        for (ProofLeaf l : leaves) {
            leafIn.add(flatten(l.in()));
            leafOut.add(flatten(l.out()));
        }
        this.budget = 64L * leaves.size() + 10_000;
    }

    /** Null when the leaves cover the root; otherwise what is uncovered (or why the check gave up). */
    static String holes(int groups, int p, int s, boolean[][] rootOut, List<ProofLeaf> leaves) {
        ProofCoverage c = new ProofCoverage(groups, p, s, leaves);
        byte[] state = new byte[groups * p];
        for (int g = 0; g < groups; g++) for (int j = 0; j < p; j++) if (rootOut[g][j]) state[g * p + j] = OUT;
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < leaves.size(); i++) all.add(i);
        c.cover(state, new int[groups], all);
        return c.hole;
    }

    private static final byte FREE = 0;
    private static final byte IN = 1;
    private static final byte OUT = 2;

    private boolean cover(byte[] state, int[] inCount, List<Integer> candidates) {
        if (hole != null) return false;
        if (++regions > budget) {
            hole = "coverage check gave up after " + (regions - 1) + " regions (leaves overlap too much to be a search tree)";
            return false;
        }
        for (int c : inCount) if (c > s) return true; // no feasible support here
        List<Integer> consistent = new ArrayList<>();
        for (int i : candidates) if (consistent(i, state, inCount)) consistent.add(i);
        if (consistent.isEmpty()) {
            hole = "no leaf covers the supports with " + describe(state);
            return false;
        }
        for (int i : consistent) if (contains(i, state, inCount)) return true;
        int v = splitVariable(consistent, state, inCount);
        int g = v / p;
        state[v] = IN;
        inCount[g]++;
        boolean ok = cover(state, inCount, consistent);
        inCount[g]--;
        state[v] = OUT;
        ok = ok && cover(state, inCount, consistent);
        state[v] = FREE;
        return ok;
    }

    private boolean impliedOut(byte[] state, int[] inCount, int v) {
        return state[v] == OUT || (state[v] != IN && inCount[v / p] >= s);
    }

    /** The leaf and the region share at least one support's worth of fixings (no contradiction). */
    private boolean consistent(int leaf, byte[] state, int[] inCount) {
        for (int v : leafIn.get(leaf)) if (impliedOut(state, inCount, v)) return false;
        for (int v : leafOut.get(leaf)) if (state[v] == IN) return false;
        return true;
    }

    /** The region lies inside the leaf: each of the leaf's fixings holds throughout the region. */
    private boolean contains(int leaf, byte[] state, int[] inCount) {
        for (int v : leafIn.get(leaf)) if (state[v] != IN) return false;
        for (int v : leafOut.get(leaf)) if (!impliedOut(state, inCount, v)) return false;
        return true;
    }

    private int splitVariable(List<Integer> leaves, byte[] state, int[] inCount) {
        int[] count = new int[groups * p];
        int best = -1;
        for (int i : leaves) {
            for (int v : leafIn.get(i)) if (state[v] == FREE && !impliedOut(state, inCount, v) && ++count[v] > (best < 0 ? 0 : count[best])) best = v;
            for (int v : leafOut.get(i)) if (state[v] == FREE && !impliedOut(state, inCount, v) && ++count[v] > (best < 0 ? 0 : count[best])) best = v;
        }
        if (best < 0) throw new IllegalStateException("a consistent leaf that does not contain the region fixes no free variable");
        return best;
    }

    private int[] flatten(int[][] perGroup) {
        if (perGroup.length != groups) throw new IllegalArgumentException("a leaf has " + perGroup.length + " groups, expected " + groups);
        int n = 0;
        for (int[] a : perGroup) n += a.length;
        int[] flat = new int[n];
        int i = 0;
        for (int g = 0; g < groups; g++) {
            for (int j : perGroup[g]) {
                if (j < 0 || j >= p) throw new IllegalArgumentException("a leaf fixes feature " + j + " outside 0.." + (p - 1));
                flat[i++] = g * p + j;
            }
        }
        return flat;
    }

    private String describe(byte[] state) {
        StringBuilder sb = new StringBuilder();
        for (int v = 0; v < state.length; v++) {
            if (state[v] == FREE) continue;
            if (sb.length() > 0) sb.append(", ");
            sb.append(groups > 1 ? "z[" + v / p + "][" + v % p + "]" : "z[" + v % p + "]").append(state[v] == IN ? "=1" : "=0");
            if (sb.length() > 400) {
                sb.append(", ...");
                break;
            }
        }
        return sb.length() == 0 ? "no fixings" : "fixings " + sb;
    }
}
