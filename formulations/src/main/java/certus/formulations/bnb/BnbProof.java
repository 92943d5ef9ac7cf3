package certus.formulations.bnb;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything needed to re-derive a {@code bnb} lower bound without trusting the search: one {@link TreeProof} per
 * tree (several when L0L2 splits by task; their bounds add up). Checked by
 * {@link certus.formulations.cert.BnbProofChecker}.
 *
 * <p>A bound from the Lagrangian split of a Zbar problem ({@code LagrangianZbar}) carries its multipliers lambda
 * (K x p): then there is one tree per task, each over {@code c_k(S) + sum_{j in S} lambda_kj}, and the bound is the sum
 * of the trees' bounds plus, per feature, the smallest {@code (zbar/2) f(|P|) - sum_{k in P} lambda_kj} over task
 * patterns P, which the checker recomputes.
 *
 * @param multipliers the Lagrangian multipliers, or null for a plain tree proof
 */
public record BnbProof(List<TreeProof> trees, String incomplete, double[][] multipliers) {
    public BnbProof {
        trees = List.copyOf(trees);
        incomplete = incomplete == null ? "" : incomplete;
        if (multipliers != null) {
            double[][] copy = new double[multipliers.length][];
            for (int k = 0; k < copy.length; k++) copy[k] = multipliers[k].clone();
            multipliers = copy;
        }
    }

    public BnbProof(List<TreeProof> trees) {
        this(trees, "", null);
    }

    public BnbProof(List<TreeProof> trees, String incomplete) {
        this(trees, incomplete, null);
    }

    /** Whether the bound is a Lagrangian one (per-task trees with linear costs plus column minima). */
    public boolean lagrangian() {
        return multipliers != null;
    }

    /** Whether every tree was recorded in full (else {@link #incomplete} says why and the bound cannot be re-derived). */
    public boolean complete() {
        return incomplete.isEmpty();
    }

    public int leafCount() {
        return trees.stream().mapToInt(TreeProof::leafCount).sum();
    }

    /** Collects the trees of one solve (the search adds each tree when it ends). Thread-safe. */
    public static final class Log {
        private final List<TreeProof> trees = new ArrayList<>();
        private String incomplete = "";
        private double[][] multipliers;

        synchronized void add(TreeProof tree) {
            trees.add(tree);
        }

        /** Replaces whatever was recorded by {@code proof} (the proof of the bound a solve reports). */
        synchronized void install(BnbProof proof) {
            trees.clear();
            trees.addAll(proof.trees());
            multipliers = proof.multipliers();
            incomplete = proof.incomplete();
        }

        synchronized void abandon(String why) {
            if (incomplete.isEmpty()) incomplete = why;
            trees.clear();
        }

        public synchronized BnbProof proof() {
            return incomplete.isEmpty() ? new BnbProof(trees, "", multipliers) : new BnbProof(List.of(), incomplete);
        }
    }
}
