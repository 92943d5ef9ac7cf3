package certus.formulations.cert;

import certus.formulations.bnb.BnbProof;
import certus.formulations.bnb.FixingChain;
import certus.formulations.bnb.ProofLeaf;
import certus.formulations.bnb.TreeProof;

import java.util.ArrayList;
import java.util.List;

/** Test helper: a proof with every fixing chain expanded into its plain leaves (the format before chains). */
public final class ExpandedProofs {
    private ExpandedProofs() {}

    public static BnbProof expanded(BnbProof proof, int p, int s) {
        List<TreeProof> trees = new ArrayList<>();
        for (TreeProof t : proof.trees()) {
            List<ProofLeaf> leaves = new ArrayList<>(t.leaves());
            for (FixingChain c : t.chains()) for (int i = 0; i < c.length(); i++) leaves.add(c.leaf(i, p, s));
            trees.add(new TreeProof(t.tasks(), t.shared(), leaves));
        }
        return new BnbProof(trees, proof.incomplete(), proof.multipliers());
    }
}
