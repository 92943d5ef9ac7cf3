package certus.formulations.cert;

import certus.formulations.ExactMethod;
import certus.formulations.ExactOptions;
import certus.formulations.ExactResult;
import certus.formulations.bnb.BnbProof;
import certus.formulations.bnb.FixingChain;
import certus.formulations.bnb.ProofLeaf;
import certus.formulations.bnb.SupportBranchAndBound;
import certus.formulations.bnb.TreeProof;
import certus.smtl.BruteForceEnumerator;
import certus.smtl.RandomInstances;
import certus.smtl.SmtlProblem;
import certus.smtl.Variant;
import certus.solver.Backends;
import certus.solver.CancellationToken;
import certus.solver.SolveListener;
import certus.solver.SolveParameters;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proofs of the Java branch and bound, re-checked from the data: on every supported small instance the leaves cover
 * all supports and the re-derived bound reaches the reported one and stays below the enumerated optimum; a proof
 * with a leaf removed, or a reported bound pushed up, is rejected.
 */
class BnbProofCheckerTest {
    private static final Backends NONE = Backends.discover();

    private record Solved(ExactResult result, BnbProof proof) {}

    private static Solved solve(SmtlProblem p, double gap, double seconds) {
        ExactOptions o = ExactOptions.of(ExactMethod.BNB, "none")
                .withParameters(SolveParameters.defaults().withRelativeGap(gap).withTimeLimitSeconds(seconds));
        BnbProof.Log log = new BnbProof.Log();
        ExactResult r = new SupportBranchAndBound(log).solve(p, null, o, NONE, SolveListener.NONE, CancellationToken.none());
        return new Solved(r, log.proof());
    }

    @Test
    void everySupportedSmallInstanceHasAProofThatReachesTheReportedBound() {
        int checked = 0;
        int leaves = 0;
        for (Variant v : Variant.values()) {
            for (long seed = 1; seed <= 20; seed++) {
                SmtlProblem p = RandomInstances.small(v, 2000 + seed);
                if (!SupportBranchAndBound.supports(p)) continue;
                Solved s = solve(p, 1e-7, 60);
                BnbProofChecker.Report report = BnbProofChecker.check(p, s.proof(), s.result().bound());
                String where = p + ": " + report.problems();
                assertTrue(report.valid(), where);
                double optimum = BruteForceEnumerator.solve(p).objective();
                assertTrue(report.derived() <= optimum * (1 + 1e-9) + 1e-12, where + ": derived " + report.derived() + " above the optimum " + optimum);
                assertTrue(report.derived() >= s.result().bound() - 1e-8 * Math.max(1, Math.abs(optimum)), where);
                checked++;
                leaves += report.leaves();
            }
        }
        System.out.printf("bnb proofs: %d instances, %d leaves, all re-derived%n", checked, leaves);
        assertTrue(checked >= 40, "checked " + checked);
    }

    @Test
    void aTimeLimitedSearchHasAProofOfItsWeakerBound() {
        SmtlProblem p = RandomInstances.problem(1, 60, 60, 5, 0.003, 0, 0, false, 7); // thousands of nodes to finish
        Solved s = solve(p, 1e-9, 0.2);
        BnbProofChecker.Report report = BnbProofChecker.check(p, s.proof(), s.result().bound());
        assertTrue(report.valid(), report.problems().toString());
        assertTrue(s.result().gap() > 0, "the limit leaves a gap");
    }

    @Test
    void aMissingLeafOrAnInflatedBoundIsRejected() {
        SmtlProblem p = RandomInstances.problem(3, 12, 30, 3, 0.05, 0, 0.05, false, 21); // Zbar: one tree over 3 tasks
        Solved s = solve(p, 1e-7, 60);
        BnbProofChecker.Report ok = BnbProofChecker.check(p, s.proof(), s.result().bound());
        assertTrue(ok.valid(), ok.problems().toString());

        TreeProof tree = s.proof().trees().get(0);
        assertTrue(tree.leaves().size() > 1, "a search tree with more than one leaf");
        int rejected = 0;
        for (int drop = 0; drop < tree.leaves().size(); drop++) {
            List<ProofLeaf> fewer = new ArrayList<>(tree.leaves());
            fewer.remove(drop);
            BnbProof holed = new BnbProof(List.of(new TreeProof(tree.tasks(), tree.shared(), fewer, tree.chains())));
            BnbProofChecker.Report r = BnbProofChecker.check(p, holed, s.result().bound());
            if (r.valid()) {
                // dropping a leaf is harmless only when another leaf covers its region (overlap), never silently
                assertTrue(r.derived() >= s.result().bound() - 1e-8, "leaf " + drop);
            } else {
                assertTrue(r.problems().get(0).contains("no leaf covers"), r.problems().toString());
                rejected++;
            }
        }
        System.out.printf("bnb proof tamper test: %d of %d single-leaf removals leave a hole%n", rejected, tree.leaves().size());
        assertTrue(rejected >= tree.leaves().size() / 2, rejected + " of " + tree.leaves().size());
        BnbProofChecker.Report inflated = BnbProofChecker.check(p, s.proof(), ok.derived() + 1e-3 * Math.abs(ok.derived()) + 1e-6);
        assertFalse(inflated.valid());
        assertTrue(inflated.problems().get(0).contains("exceeds"), inflated.problems().toString());

        BnbProof empty = new BnbProof(List.of(new TreeProof(tree.tasks(), tree.shared(), List.of(), List.of())));
        BnbProofChecker.Report none = BnbProofChecker.check(p, empty, s.result().bound());
        assertFalse(none.valid());
        assertTrue(none.problems().get(0).contains("no leaf covers"), none.problems().toString());
    }

    /**
     * With more rows than features the search shifts the Gram's smallest eigenvalue into the perspective term (one
     * shared support, and per task in the joint Zbar tree): the checker re-derives those bounds, and rejects a shift
     * above the eigenvalue or one whose features miss a feature a leaf admits.
     */
    @Test
    void diagonalShiftsAreConfirmedFromTheData() {
        for (SmtlProblem p : List.of(RandomInstances.problem(1, 10, 40, 3, 0.02, 0, 0, false, 77),
                RandomInstances.problem(3, 10, 40, 3, 0.02, 0, 0.05, false, 78))) {
            Solved s = solve(p, 1e-7, 60);
            TreeProof tree = s.proof().trees().get(0);
            long shifted = tree.leaves().stream().filter(l -> l.witness() != null && l.witness().shifted()).count()
                    + tree.chains().stream().filter(c -> c.witness() != null && c.witness().shifted()).count();
            assertTrue(shifted > 0, p + ": n > p, the search uses shifted bounds");
            BnbProofChecker.Report ok = BnbProofChecker.check(p, s.proof(), s.result().bound());
            assertTrue(ok.valid(), ok.problems().toString());
            assertSound(ok, BruteForceEnumerator.solve(p).objective(), "shifted proof");

            java.util.function.UnaryOperator<certus.formulations.bnb.BoundWitness> inflate = w -> w == null || !w.shifted() ? w
                    : new certus.formulations.bnb.BoundWitness(w.index(), w.weight(), w.mu(),
                    java.util.Arrays.stream(w.shift()).map(d -> 1e3 * d).toArray(), w.shiftFeatures());
            BnbProofChecker.Report big = BnbProofChecker.check(p, withWitnesses(tree, inflate), s.result().bound());
            assertFalse(big.valid(), p.toString());
            assertTrue(big.problems().get(0).contains("exceeds the smallest eigenvalue"), big.problems().toString());

            BnbProofChecker.Report outside = BnbProofChecker.check(p, withWitnesses(tree, BnbProofCheckerTest::narrowed), s.result().bound());
            assertFalse(outside.valid(), p.toString());
            assertTrue(outside.problems().get(0).contains("outside"), outside.problems().toString());
        }
    }

    /** The witness with one feature its point does not use removed from the first shifted group's features. */
    private static certus.formulations.bnb.BoundWitness narrowed(certus.formulations.bnb.BoundWitness w) {
        if (w == null || !w.shifted()) return w;
        int[][] features = w.shiftFeatures().clone();
        for (int g = 0; g < features.length; g++) {
            if (w.shift()[features.length == 1 ? 0 : g] == 0 && features.length > 1) continue;
            int[] point = w.index()[g];
            int[] a = features[g];
            for (int i = a.length - 1; i >= 0; i--) {
                int j = a[i];
                if (java.util.Arrays.stream(point).noneMatch(u -> u == j)) {
                    features[g] = java.util.Arrays.stream(a).filter(x -> x != j).toArray();
                    return new certus.formulations.bnb.BoundWitness(w.index(), w.weight(), w.mu(), w.shift(), features);
                }
            }
        }
        return w;
    }

    private static BnbProof withWitnesses(TreeProof tree, java.util.function.UnaryOperator<certus.formulations.bnb.BoundWitness> f) {
        List<ProofLeaf> leaves = tree.leaves().stream().map(l -> new ProofLeaf(l.in(), l.out(), f.apply(l.witness()))).toList();
        List<FixingChain> chains = tree.chains().stream()
                .map(c -> new FixingChain(c.in(), c.out(), c.group(), c.feature(), c.value(), f.apply(c.witness()))).toList();
        return new BnbProof(List.of(new TreeProof(tree.tasks(), tree.shared(), leaves, chains)));
    }

    private static BnbProof expanded(BnbProof proof, int p, int s) {
        return ExpandedProofs.expanded(proof, p, s);
    }

    @Test
    void fixingChainsAreCheckedLikeTheirExpandedLeaves() {
        int withChains = 0;
        for (Variant v : Variant.values()) {
            for (long seed = 1; seed <= 20; seed++) {
                SmtlProblem p = RandomInstances.small(v, 3000 + seed);
                if (!SupportBranchAndBound.supports(p)) continue;
                Solved s = solve(p, 1e-7, 60);
                if (s.proof().trees().stream().allMatch(t -> t.chains().isEmpty())) continue;
                withChains++;
                BnbProofChecker.Report compact = BnbProofChecker.check(p, s.proof(), s.result().bound());
                BnbProofChecker.Report plain = BnbProofChecker.check(p, expanded(s.proof(), p.featureCount(), p.s()), s.result().bound());
                assertTrue(compact.valid(), p + ": " + compact.problems());
                assertTrue(plain.valid(), p + ": " + plain.problems());
                assertEquals(plain.leaves(), compact.leaves(), "a chain counts one leaf per fixing");
                assertEquals(plain.derived(), compact.derived(), 1e-12 * (1 + Math.abs(plain.derived())), p.toString());
            }
        }
        assertTrue(withChains >= 10, "instances whose proofs have fixing chains: " + withChains);
    }

    /**
     * Tampered chains (one dropped, its last fixing dropped, or its last fixing reversed) get the same verdict as their
     * expanded leaves, never let the checker certify a bound above the enumerated optimum, and a dropped chain is seen as
     * a hole unless another piece covers it.
     */
    @Test
    void aTamperedFixingChainNeverCertifiesTooMuch() {
        int chains = 0;
        int droppedDetected = 0;
        for (long seed = 1; seed <= 12; seed++) {
            SmtlProblem p = RandomInstances.problem(seed % 2 == 0 ? 1 : 2, 10, 30, 3, 0.02, 0, seed % 2 == 0 ? 0 : 0.05, false, 500 + seed);
            Solved s = solve(p, 1e-7, 60);
            double optimum = BruteForceEnumerator.solve(p).objective();
            TreeProof tree = s.proof().trees().get(0);
            for (int c = 0; c < tree.chains().size() && c < 15; c++) {
                FixingChain chain = tree.chains().get(c);
                chains++;
                List<FixingChain> without = new ArrayList<>(tree.chains());
                without.remove(c);
                BnbProofChecker.Report dropped = check(p, tree, without, s.result().bound());
                if (!dropped.valid()) droppedDetected++;
                assertSound(dropped, optimum, "chain " + c + " dropped");
                int m = chain.length();
                List<FixingChain> variants = new ArrayList<>();
                variants.add(new FixingChain(chain.in(), chain.out(), java.util.Arrays.copyOf(chain.group(), m - 1),
                        java.util.Arrays.copyOf(chain.feature(), m - 1), java.util.Arrays.copyOf(chain.value(), m - 1), chain.witness()));
                boolean[] flipped = chain.value().clone();
                flipped[m - 1] = !flipped[m - 1];
                variants.add(new FixingChain(chain.in(), chain.out(), chain.group(), chain.feature(), flipped, chain.witness()));
                for (FixingChain bad : variants) {
                    List<FixingChain> replaced = new ArrayList<>(tree.chains());
                    replaced.set(c, bad);
                    assertSound(check(p, tree, replaced, s.result().bound()), optimum, "chain " + c + " altered");
                }
            }
        }
        System.out.printf("fixing-chain tamper test: %d of %d dropped chains leave a hole%n", droppedDetected, chains);
        assertTrue(chains >= 10, "chains tampered: " + chains);
        assertTrue(droppedDetected >= chains / 2, droppedDetected + " of " + chains);
    }

    /** Checks the tree with {@code chains}, and asserts that the expanded leaves get the same verdict and bound. */
    private static BnbProofChecker.Report check(SmtlProblem p, TreeProof tree, List<FixingChain> chains, double bound) {
        BnbProof proof = new BnbProof(List.of(new TreeProof(tree.tasks(), tree.shared(), tree.leaves(), chains)));
        BnbProofChecker.Report compact = BnbProofChecker.check(p, proof, bound);
        BnbProofChecker.Report plain = BnbProofChecker.check(p, expanded(proof, p.featureCount(), p.s()), bound);
        assertEquals(plain.valid(), compact.valid(), "chain and expanded verdicts differ: " + compact.problems() + " vs " + plain.problems());
        if (compact.valid()) assertEquals(plain.derived(), compact.derived(), 1e-12 * (1 + Math.abs(plain.derived())));
        return compact;
    }

    private static void assertSound(BnbProofChecker.Report r, double optimum, String what) {
        if (r.valid()) assertTrue(r.derived() <= optimum * (1 + 1e-9) + 1e-12, what + ": derived " + r.derived() + " above the optimum " + optimum);
    }
}
