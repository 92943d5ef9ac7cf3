package certus.formulations.bnb;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the leaves of one search when a proof was asked for; a no-op otherwise, so the search code records
 * unconditionally. Leaves are every node closed by bound, every leaf valued exactly, and every node still open
 * when a limit stopped the search; the sides cut off by a node's reduced-cost fixings are one {@link FixingChain}.
 * Thread-safe: the workers of one tree record into it concurrently.
 */
final class ProofRecorder {
    /**
     * Leaves and fixing chains kept at most (about 0.5 KB each): a proof beyond this is abandoned rather than risk the memory the
     * search itself needs (a 120 s PDX s=8 search ended with more open nodes than the heap could also hold as leaves).
     */
    static final int MAX_LEAVES = Integer.getInteger("certus.proof.maxLeaves", 250_000);
    static final ProofRecorder OFF = new ProofRecorder(null, 0);

    private final BnbProof.Log log;
    private final int s;
    private final List<ProofLeaf> leaves = new ArrayList<>();
    private final List<FixingChain> chains = new ArrayList<>();
    private volatile boolean abandoned;

    private ProofRecorder(BnbProof.Log log, int s) {
        this.log = log;
        this.s = s;
    }

    /** @param s the per-task support size of the problem searched */
    static ProofRecorder to(BnbProof.Log log, int s) {
        return log == null ? OFF : new ProofRecorder(log, s);
    }

    boolean on() {
        return log != null && !abandoned;
    }

    /** {@code witness.get()} when a proof is recorded, else null: witnesses cost a copy of the point, built only if needed. */
    BoundWitness witness(java.util.function.Supplier<BoundWitness> witness) {
        return on() ? witness.get() : null;
    }

    synchronized void leaf(boolean[][] in, boolean[][] out, BoundWitness witness) {
        if (on() && hasRoom()) leaves.add(ProofLeaf.of(in, out, witness, s));
    }

    /** Whether one more piece fits; if not, the proof is abandoned (and nothing more is recorded). */
    private boolean hasRoom() {
        if (leaves.size() + chains.size() < MAX_LEAVES) return true;
        abandoned = true;
        leaves.clear();
        chains.clear();
        log.abandon("the proof grew beyond " + MAX_LEAVES + " leaves and fixing chains and was not kept");
        return false;
    }

    /**
     * Reduced-cost fixings applied one after another to a node: each fixing's opposite side (with the fixings before
     * it) is a leaf bounded by {@code witness}, kept as one {@link FixingChain}. The caller continues with all fixings
     * applied.
     *
     * @param fixings (group, feature, value) in the order they are applied
     */
    synchronized void fixingLeaves(boolean[][] in, boolean[][] out, List<int[]> fixings, BoundWitness witness) {
        if (on() && hasRoom()) chains.add(FixingChain.of(in, out, fixings, witness));
    }

    synchronized void finish(List<String> tasks, boolean shared) {
        if (on()) log.add(new TreeProof(tasks, shared, leaves, chains));
    }
}
