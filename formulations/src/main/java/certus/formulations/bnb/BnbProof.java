package certus.formulations.bnb;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything needed to re-derive a {@code bnb} lower bound without trusting the search: one {@link TreeProof} per
 * tree (several when L0L2 splits by task; their bounds add up). Checked by
 * {@link certus.formulations.cert.BnbProofChecker}.
 */
public record BnbProof(List<TreeProof> trees) {
    public BnbProof {
        trees = List.copyOf(trees);
    }

    public int leafCount() {
        return trees.stream().mapToInt(t -> t.leaves().size()).sum();
    }

    /** Collects the trees of one solve (the search adds each tree when it ends). Thread-safe. */
    public static final class Log {
        private final List<TreeProof> trees = new ArrayList<>();

        synchronized void add(TreeProof tree) {
            trees.add(tree);
        }

        public synchronized BnbProof proof() {
            return new BnbProof(trees);
        }
    }
}
