package certus.formulations.bnb;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything needed to re-derive a {@code bnb} lower bound without trusting the search: one {@link TreeProof} per
 * tree (several when L0L2 splits by task; their bounds add up). Checked by
 * {@link certus.formulations.cert.BnbProofChecker}.
 */
public record BnbProof(List<TreeProof> trees, String incomplete) {
    public BnbProof {
        trees = List.copyOf(trees);
        incomplete = incomplete == null ? "" : incomplete;
    }

    public BnbProof(List<TreeProof> trees) {
        this(trees, "");
    }

    /** Whether every tree was recorded in full (else {@link #incomplete} says why and the bound cannot be re-derived). */
    public boolean complete() {
        return incomplete.isEmpty();
    }

    public int leafCount() {
        return trees.stream().mapToInt(t -> t.leaves().size()).sum();
    }

    /** Collects the trees of one solve (the search adds each tree when it ends). Thread-safe. */
    public static final class Log {
        private final List<TreeProof> trees = new ArrayList<>();
        private String incomplete = "";

        synchronized void add(TreeProof tree) {
            trees.add(tree);
        }

        synchronized void abandon(String why) {
            if (incomplete.isEmpty()) incomplete = why;
            trees.clear();
        }

        public synchronized BnbProof proof() {
            return incomplete.isEmpty() ? new BnbProof(trees) : new BnbProof(List.of(), incomplete);
        }
    }
}
