package certus.formulations.bnb;

import java.util.List;

/**
 * The proof of one search tree: leaves whose union must contain every feasible support of the tasks it covers, so
 * that the smallest leaf bound is a lower bound on their part of the objective.
 *
 * @param tasks       labels of the tasks this tree searched (one tree per task when L0L2 separates)
 * @param shared      one support vector for all its tasks (K = 1 or common support; leaves have one group), else
 *                    one group per task with the Zbar penalty
 * @param leaves      the pieces
 */
public record TreeProof(List<String> tasks, boolean shared, List<ProofLeaf> leaves) {
    public TreeProof {
        tasks = List.copyOf(tasks);
        leaves = List.copyOf(leaves);
    }
}
