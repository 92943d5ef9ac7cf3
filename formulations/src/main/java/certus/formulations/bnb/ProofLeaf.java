package certus.formulations.bnb;

/**
 * One piece of a branch-and-bound proof: the supports admitted by some fixings (per group: features forced in and
 * forced out; every support has at most s features per task) and the witness that bounds them all from below.
 * A null witness claims only the trivial bound 0 (F is a sum of squares and non-negative penalties).
 *
 * @param in      per group, features forced in (ascending)
 * @param out     per group, features forced out (ascending)
 * @param witness the dual point of the bound, or null
 */
public record ProofLeaf(int[][] in, int[][] out, BoundWitness witness) {
    /** Groups whose forced-in features fill the budget s list no forced-out ones: nothing else fits there anyway. */
    static ProofLeaf of(boolean[][] in, boolean[][] out, BoundWitness witness, int s) {
        int[][] i = new int[in.length][];
        int[][] o = new int[out.length][];
        for (int g = 0; g < in.length; g++) {
            i[g] = certus.smtl.SmtlSolution.indicesOf(in[g]);
            o[g] = i[g].length >= s ? new int[0] : certus.smtl.SmtlSolution.indicesOf(out[g]);
        }
        return new ProofLeaf(i, o, witness);
    }
}
