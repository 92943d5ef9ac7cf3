package certus.formulations.bnb;

import java.util.List;

/**
 * The proof of one search tree: leaves (plain, and the leaves of the fixing chains) whose union must contain every feasible support of the tasks it covers, so
 * that the smallest leaf bound is a lower bound on their part of the objective.
 *
 * @param tasks       labels of the tasks this tree searched (one tree per task when L0L2 separates)
 * @param shared      one support vector for all its tasks (K = 1 or common support; leaves have one group), else
 *                    one group per task with the Zbar penalty
 * @param leaves      the plain pieces
 * @param chains      the sides cut off by reduced-cost fixing, one chain per node that fixed variables
 */
public record TreeProof(List<String> tasks, boolean shared, List<ProofLeaf> leaves, List<FixingChain> chains) {
    public TreeProof {
        tasks = List.copyOf(tasks);
        leaves = List.copyOf(leaves);
        chains = List.copyOf(chains);
    }

    /** A proof of plain leaves only. */
    public TreeProof(List<String> tasks, boolean shared, List<ProofLeaf> leaves) {
        this(tasks, shared, leaves, List.of());
    }

    /** Leaves in all: the plain ones plus one per fixing of each chain. */
    public int leafCount() {
        int n = leaves.size();
        for (FixingChain c : chains) n += c.length();
        return n;
    }
}
