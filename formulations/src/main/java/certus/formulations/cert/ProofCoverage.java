package certus.formulations.cert;

import certus.formulations.bnb.FixingChain;
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
 * <p>A fixing chain (a node's reduced-cost fixings, {@link FixingChain}) is one piece: it contains a region inside its
 * node that misses the node's remainder, and its variables are split on like a leaf's, so the check never expands it.
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
    /** Per leaf and group: its forced-in features fill the budget, so it fixes the whole group. */
    private final List<boolean[]> leafFull = new ArrayList<>();
    /**
     * Per piece: the fixing chain's variables (empty for a plain leaf) and the values the chain's remainder takes. A
     * chain without fixings has no leaves: it is not a piece.
     */
    private final List<int[]> chainVar = new ArrayList<>();
    private final List<boolean[]> chainValue = new ArrayList<>();
    /** Per piece: the chain's remainder admits no support at all (it fixes a variable both ways). */
    private final List<Boolean> chainEmpty = new ArrayList<>();
    private final long budget;
    private long regions;
    private final java.util.function.BooleanSupplier stop;
    private String hole;

    /**
     * @param rootOut per group, the features no support may select (constant columns)
     * @param stop    polled every 1024 regions: true ends the check unfinished
     */
    private ProofCoverage(int groups, int p, int s, boolean[][] rootOut, List<ProofLeaf> leaves, List<FixingChain> chains,
                          java.util.function.BooleanSupplier stop) {
        this.stop = stop;
        this.groups = groups;
        this.p = p;
        this.s = s;
        long count = leaves.size();
        for (ProofLeaf l : leaves) {
            addBase(l.in(), l.out(), rootOut);
            chainVar.add(new int[0]);
            chainValue.add(new boolean[0]);
            chainEmpty.add(false);
        }
        for (FixingChain c : chains) {
            int m = c.length();
            if (m == 0) continue; // no leaves: covers nothing
            addBase(c.in(), c.out(), rootOut);
            int[] vars = new int[m];
            boolean empty = false;
            java.util.Map<Integer, Boolean> seen = new java.util.HashMap<>();
            for (int a = 0; a < m; a++) {
                if (c.group()[a] < 0 || c.group()[a] >= groups || c.feature()[a] < 0 || c.feature()[a] >= p) {
                    throw new IllegalArgumentException("a fixing chain fixes z[" + c.group()[a] + "][" + c.feature()[a] + "], outside the problem");
                }
                vars[a] = c.group()[a] * p + c.feature()[a];
                Boolean before = seen.put(vars[a], c.value()[a]);
                empty |= before != null && before != c.value()[a];
            }
            chainVar.add(vars);
            chainValue.add(c.value().clone());
            chainEmpty.add(empty);
            count += m;
        }
        this.budget = 64L * count + 10_000;
    }

    private void addBase(int[][] in, int[][] out, boolean[][] rootOut) {
        leafIn.add(flatten(in));
        boolean[] full = new boolean[groups];
        for (int g = 0; g < groups && g < in.length; g++) full[g] = in[g].length >= s;
        leafFull.add(full);
        leafOut.add(flatten(essentialOuts(in, out, rootOut)));
    }

    /**
     * Null when the leaves and fixing chains (each covers its node minus the node with all its fixings) cover the root;
     * otherwise what is uncovered (or why the check gave up).
     */
    static String holes(int groups, int p, int s, boolean[][] rootOut, List<ProofLeaf> leaves, List<FixingChain> chains,
                        java.util.function.BooleanSupplier stop) {
        ProofCoverage c = new ProofCoverage(groups, p, s, rootOut, leaves, chains, stop);
        byte[] state = new byte[groups * p];
        for (int g = 0; g < groups; g++) for (int j = 0; j < p; j++) if (rootOut[g][j]) state[g * p + j] = OUT;
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < c.leafIn.size(); i++) all.add(i);
        c.cover(state, new int[groups], 0, all);
        return c.hole;
    }

    private static final int SAMPLE = 64;
    private static final byte FREE = 0;
    private static final byte IN = 1;
    private static final byte OUT = 2;

    private boolean cover(byte[] state, int[] inCount, int fixedCount, List<Integer> candidates) {
        if (hole != null) return false;
        if ((regions & 1023) == 0 && stop.getAsBoolean()) {
            hole = "stopped";
            return false;
        }
        if (++regions > budget) {
            hole = "coverage check gave up after " + (regions - 1) + " regions (leaves overlap too much to be a search tree)";
            return false;
        }
        for (int c : inCount) if (c > s) return true; // no feasible support here
        if (candidates.isEmpty()) {
            hole = "no leaf covers the supports with " + describe(state);
            return false;
        }
        // Cheap necessary conditions first: the leaf's forced-in features are among the region's, and its forced-out ones
        // among the region's explicit outs or its full groups.
        int ins = 0;
        int fullGroups = 0;
        for (int c : inCount) {
            ins += c;
            if (c >= s) fullGroups++;
        }
        int outRoom = fixedCount - ins + fullGroups * p;
        // A chain whose node holds the region but whose remainder may meet it names the next variable to split on: its
        // first free fixing (the search fixed these before it branched below the node, so splitting on them first
        // retraces it; a sampled count could pick a descendant's variable first and split the chain on both sides).
        int chainSplit = -1;
        for (int i : candidates) {
            if (leafIn.get(i).length > ins || leafOut.get(i).length > outRoom || !nodeContains(i, state, inCount)) continue;
            if (chainVar.get(i).length == 0 || chainEmpty.get(i)) return true; // a plain leaf, or a chain whose remainder is empty
            int free = chainRemainder(i, state, inCount);
            if (free == MISSES_REMAINDER) return true;
            if (chainSplit < 0 && free >= 0) chainSplit = free;
        }
        int v = chainSplit >= 0 ? chainSplit : splitVariable(candidates, state, inCount);
        if (v < 0) {
            hole = "no leaf covers the supports with " + describe(state);
            return false;
        }
        int g = v / p;
        List<Integer> one = new ArrayList<>();
        List<Integer> zero = new ArrayList<>();
        for (int i : candidates) {
            int value = valueOf(i, v);
            if (value != 0) one.add(i);
            if (value != 1) zero.add(i);
        }
        state[v] = IN;
        inCount[g]++;
        boolean ok = cover(state, inCount, fixedCount + 1, one);
        inCount[g]--;
        state[v] = OUT;
        ok = ok && cover(state, inCount, fixedCount + 1, zero);
        state[v] = FREE;
        return ok;
    }

    /** 1 when the leaf forces v in, 0 when it forces v out (explicitly or by a full group), -1 when v is free in it. */
    private int valueOf(int leaf, int v) {
        if (java.util.Arrays.binarySearch(leafIn.get(leaf), v) >= 0) return 1;
        if (leafFull.get(leaf)[v / p] || java.util.Arrays.binarySearch(leafOut.get(leaf), v) >= 0) return 0;
        return -1;
    }

    private boolean impliedOut(byte[] state, int[] inCount, int v) {
        return state[v] == OUT || (state[v] != IN && inCount[v / p] >= s);
    }

    /** The region lies inside the piece's node (a leaf's own region): each of its fixings holds throughout the region. */
    private boolean nodeContains(int leaf, byte[] state, int[] inCount) {
        for (int v : leafIn.get(leaf)) if (state[v] != IN) return false;
        for (int v : leafOut.get(leaf)) if (!impliedOut(state, inCount, v)) return false;
        return true;
    }

    private static final int MISSES_REMAINDER = -2;

    /**
     * For a region inside a chain's node: {@link #MISSES_REMAINDER} when the region misses the chain's remainder (it
     * fixes some chain variable the other way, or the remainder's forced-in features would overfill a group's budget
     * there), so every support of the region is in one of the chain's leaves; otherwise the chain's first variable still
     * free in the region, or -1 when none is (the region lies in the remainder, which other pieces must cover).
     */
    private int chainRemainder(int chain, byte[] state, int[] inCount) {
        int[] vars = chainVar.get(chain);
        boolean[] values = chainValue.get(chain);
        int[] extra = new int[groups];
        int free = -1;
        for (int a = 0; a < vars.length; a++) {
            int v = vars[a];
            if (values[a] ? impliedOut(state, inCount, v) : state[v] == IN) return MISSES_REMAINDER;
            if (values[a] && state[v] != IN) extra[v / p]++;
            if (free < 0 && state[v] == FREE && !impliedOut(state, inCount, v)) free = v;
        }
        for (int g = 0; g < groups; g++) if (inCount[g] + extra[g] > s) return MISSES_REMAINDER;
        return free;
    }

    /** As {@link #splitVariable} over every candidate: -1 when none fixes a free variable (none can meet the region). */
    private int splitVariableOfAll(List<Integer> candidates, byte[] state, int[] inCount) {
        for (int i : candidates) {
            for (int v : leafIn.get(i)) if (state[v] == FREE && !impliedOut(state, inCount, v)) return v;
            for (int v : leafOut.get(i)) if (state[v] == FREE && !impliedOut(state, inCount, v)) return v;
            for (int v : chainVar.get(i)) if (state[v] == FREE && !impliedOut(state, inCount, v)) return v;
        }
        return -1;
    }

    /**
     * The free variable fixed in most leaves, counting a leaf whose group is full (s forced-in features) as fixing
     * every variable of that group: a search-tree region always has a variable fixed in all its leaves (its
     * branching variable), and choosing it keeps every leaf on one side. A chain's own fixings do not count: the chain
     * spans both values, so splitting on them above its node would split the chain on both sides (on Lagrangian task
     * trees that multiplied the regions beyond the check's budget); they are split on once the region is inside the
     * node. -1 when no candidate fixes a free variable: then none of them meets the region.
     */
    private int splitVariable(List<Integer> candidates, byte[] state, int[] inCount) {
        int[] count = new int[groups * p];
        int[] fullLeaves = new int[groups];
        // An evenly spread sample suffices to find the region's branching variable; a poor choice only duplicates work.
        int step = Math.max(1, candidates.size() / SAMPLE);
        for (int a = 0; a < candidates.size(); a += step) {
            int i = candidates.get(a);
            boolean[] full = leafFull.get(i);
            for (int g = 0; g < groups; g++) if (full[g]) fullLeaves[g]++;
            for (int v : leafIn.get(i)) if (!full[v / p]) count[v]++;
            for (int v : leafOut.get(i)) if (!full[v / p]) count[v]++;
        }
        int best = -1;
        int bestCount = 0;
        for (int v = 0; v < groups * p; v++) {
            if (state[v] != FREE || impliedOut(state, inCount, v)) continue;
            int c = count[v] + fullLeaves[v / p];
            if (c > bestCount) {
                bestCount = c;
                best = v;
            }
        }
        if (best < 0 && step > 1) return splitVariableOfAll(candidates, state, inCount);
        return best;
    }

    /**
     * The leaf's forced-out features that say something: not those of a group whose forced-in features already fill
     * the budget (nothing else fits there anyway), nor the root's exclusions. Same set of supports, far shorter lists
     * (the search lists every excluded feature of a full group), which keeps the check near linear in the leaves.
     */
    private int[][] essentialOuts(int[][] in, int[][] leafOut, boolean[][] rootOut) {
        int[][] out = new int[leafOut.length][];
        for (int g = 0; g < out.length; g++) {
            if (in.length == out.length && in[g].length >= s) {
                out[g] = new int[0];
                continue;
            }
            final int group = g;
            out[g] = java.util.Arrays.stream(leafOut[g]).filter(j -> j < 0 || j >= p || group >= rootOut.length || !rootOut[group][j]).toArray();
        }
        return out;
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
