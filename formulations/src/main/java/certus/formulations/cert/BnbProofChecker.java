package certus.formulations.cert;

import certus.data.TaskData;
import certus.formulations.bnb.BnbProof;
import certus.formulations.bnb.FixingChain;
import certus.formulations.bnb.ProofLeaf;
import certus.formulations.bnb.TreeProof;
import certus.smtl.SmtlProblem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Re-derives the lower bound of a {@code bnb} solve from its {@link BnbProof}, trusting only the problem data:
 * the trees must match the problem's structure (one shared tree for K = 1 or common support, one tree per task for
 * L0L2, one Zbar tree otherwise), each tree's leaves must cover all its feasible supports ({@link ProofCoverage}),
 * and each leaf's bound is recomputed from its witness ({@link LeafBounds}). The derived bound is the sum over trees
 * of the smallest leaf bound; the reported bound must not exceed it (beyond round-off).
 */
public final class BnbProofChecker {
    /** Relative slack between the search's bound and the re-derived one (different summation order and solver). */
    public static final double TOLERANCE = 1e-8;

    /**
     * @param valid   coverage holds everywhere and the reported bound is at most the derived one
     * @param derived the re-derived lower bound (-Infinity when the proof is unusable)
     * @param leaves  number of leaves checked
     * @param problems what failed, empty when valid
     * @param finished false when {@code stop} ended the check early (then nothing is claimed either way)
     */
    public record Report(boolean valid, double derived, int leaves, List<String> problems, boolean finished) {
        public Report {
            problems = List.copyOf(problems);
        }

        Report(boolean valid, double derived, int leaves, List<String> problems) {
            this(valid, derived, leaves, problems, true);
        }
    }

    private BnbProofChecker() {}

    private static Report unfinished(BnbProof proof) {
        return new Report(false, Double.NEGATIVE_INFINITY, proof.leafCount(), List.of("check stopped before it finished"), false);
    }

    public static Report check(SmtlProblem problem, BnbProof proof, double reportedBound) {
        return check(problem, proof, reportedBound, () -> false);
    }

    /** As {@link #check(SmtlProblem, BnbProof, double)}, giving up (unfinished) when {@code stop} says so. */
    public static Report check(SmtlProblem problem, BnbProof proof, double reportedBound, java.util.function.BooleanSupplier stop) {
        List<String> problems = new ArrayList<>();
        if (!proof.complete()) return new Report(false, Double.NEGATIVE_INFINITY, 0, List.of(proof.incomplete()), false);
        if (stop.getAsBoolean()) return unfinished(proof);
        if (problem.bbar() != 0 || !(problem.ridge() > 0)) {
            return new Report(false, Double.NEGATIVE_INFINITY, 0, List.of("a bnb proof needs ridge > 0 and bbar = 0"));
        }
        if (proof.lagrangian()) return checkLagrangian(problem, proof, reportedBound, stop);
        List<String> labels = problem.data().taskLabels();
        boolean sharedProblem = problem.taskCount() == 1 || problem.commonSupport();
        boolean separable = !sharedProblem && problem.zbar() == 0;
        Set<String> seen = new HashSet<>();
        for (TreeProof t : proof.trees()) {
            for (String task : t.tasks()) {
                if (!labels.contains(task)) problems.add("tree over unknown task '" + task + "'");
                if (!seen.add(task)) problems.add("task '" + task + "' is covered by two trees");
            }
            if (sharedProblem && (!t.shared() || t.tasks().size() != labels.size())) problems.add("expected one shared tree over all tasks");
            if (separable && (!t.shared() || t.tasks().size() != 1)) problems.add("expected one tree per task (L0L2 separates)");
            if (!sharedProblem && !separable && (t.shared() || t.tasks().size() != labels.size())) {
                problems.add("expected one Zbar tree over all tasks");
            }
        }
        if (!seen.containsAll(labels)) problems.add("tasks without a tree: " + labels.stream().filter(l -> !seen.contains(l)).toList());
        if (!problems.isEmpty()) return new Report(false, Double.NEGATIVE_INFINITY, proof.leafCount(), problems);

        double derived = 0;
        for (TreeProof t : proof.trees()) {
            double b = treeBound(problem, t, null, problem.zbar(), stop, problems);
            if (Double.isNaN(b) && stop.getAsBoolean()) return unfinished(proof);
            if (!Double.isNaN(b)) derived += b;
        }
        if (!problems.isEmpty()) return new Report(false, Double.NEGATIVE_INFINITY, proof.leafCount(), problems);
        return verdict(derived, reportedBound, proof, problems);
    }

    /**
     * The smallest leaf bound of one tree after checking that its leaves cover every feasible support of its tasks;
     * NaN with the reason in {@code problems} (or with {@code stop} set) otherwise.
     *
     * @param costs per task of the tree, linear feature costs (a Lagrangian task tree), or null
     * @param zbar  the Zbar weight of the tree's objective (0 for a Lagrangian task tree)
     */
    private static double treeBound(SmtlProblem problem, TreeProof t, double[][] costs, double zbar, java.util.function.BooleanSupplier stop,
                                    List<String> problems) {
        List<String> labels = problem.data().taskLabels();
        List<Integer> idx = t.tasks().stream().map(labels::indexOf).toList();
        List<TaskData> data = idx.stream().map(k -> problem.data().task(k)).toList();
        int p = problem.featureCount();
        int groups = t.shared() ? 1 : idx.size();
        boolean[][] rootOut = new boolean[groups][p];
        for (int g = 0; g < groups; g++) {
            for (int j = 0; j < p; j++) {
                if (t.shared()) {
                    for (int k : idx) rootOut[g][j] |= !problem.selectable(k, j);
                } else {
                    rootOut[g][j] = !problem.selectable(idx.get(g), j);
                }
            }
        }
        String hole;
        try {
            hole = ProofCoverage.holes(groups, p, problem.s(), rootOut, t.leaves(), t.chains(), stop);
        } catch (IllegalArgumentException e) {
            hole = e.getMessage();
        }
        if (stop.getAsBoolean()) return Double.NaN;
        if (hole != null) {
            problems.add("tree " + t.tasks() + ": " + hole);
            return Double.NaN;
        }
        LeafBounds bounds = new LeafBounds(data, problem.s(), problem.ridge(), zbar, t.shared(), costs, rootOut);
        double min = Double.POSITIVE_INFINITY;
        try {
            int n = 0;
            for (ProofLeaf leaf : t.leaves()) {
                if ((++n & 255) == 0 && stop.getAsBoolean()) return Double.NaN;
                min = Math.min(min, bounds.bound(leaf));
            }
            for (FixingChain chain : t.chains()) {
                if ((++n & 255) == 0 && stop.getAsBoolean()) return Double.NaN;
                min = Math.min(min, bounds.minOverChain(chain));
            }
        } catch (IllegalArgumentException e) {
            problems.add("tree " + t.tasks() + ": " + e.getMessage());
            return Double.NaN;
        }
        return min;
    }

    /**
     * A Lagrangian proof (exact.md has none; see {@link BnbProof}): one tree per task over {@code c_k(S) + lambda_k(S)},
     * plus per feature the cheapest pattern of {@code (zbar/2) f(|P|) - sum_{k in P} lambda_kj}, recomputed here by
     * enumerating the pattern sizes (the penalty depends on |P| only, so each size takes the largest multipliers).
     */
    private static Report checkLagrangian(SmtlProblem problem, BnbProof proof, double reportedBound, java.util.function.BooleanSupplier stop) {
        List<String> problems = new ArrayList<>();
        List<String> labels = problem.data().taskLabels();
        int kCount = problem.taskCount();
        int p = problem.featureCount();
        double[][] lambda = proof.multipliers();
        if (problem.zbar() <= 0 || problem.commonSupport() || kCount < 2) problems.add("a Lagrangian proof needs Zbar with heterogeneous supports");
        if (lambda.length != kCount) problems.add("multipliers for " + lambda.length + " tasks, expected " + kCount);
        for (double[] row : lambda) {
            if (row.length != p) problems.add("multipliers for " + row.length + " features, expected " + p);
            for (double v : row) if (!Double.isFinite(v)) problems.add("a multiplier is not finite: " + v);
        }
        Set<String> seen = new HashSet<>();
        for (TreeProof t : proof.trees()) {
            if (t.tasks().size() != 1) problems.add("expected one tree per task in a Lagrangian proof");
            for (String task : t.tasks()) {
                if (!labels.contains(task)) problems.add("tree over unknown task '" + task + "'");
                if (!seen.add(task)) problems.add("task '" + task + "' is covered by two trees");
            }
        }
        if (!seen.containsAll(labels)) problems.add("tasks without a tree: " + labels.stream().filter(l -> !seen.contains(l)).toList());
        if (!problems.isEmpty()) return new Report(false, Double.NEGATIVE_INFINITY, proof.leafCount(), problems);
        double derived = 0;
        for (TreeProof t : proof.trees()) {
            int k = labels.indexOf(t.tasks().get(0));
            double b = treeBound(problem, t, new double[][]{lambda[k]}, 0.0, stop, problems);
            if (Double.isNaN(b) && stop.getAsBoolean()) return unfinished(proof);
            if (!Double.isNaN(b)) derived += b;
        }
        if (!problems.isEmpty()) return new Report(false, Double.NEGATIVE_INFINITY, proof.leafCount(), problems);
        double[] gains = new double[kCount];
        for (int j = 0; j < p; j++) {
            int free = 0;
            for (int k = 0; k < kCount; k++) if (problem.selectable(k, j)) gains[free++] = lambda[k][j];
            java.util.Arrays.sort(gains, 0, free);
            double best = 0; // the empty pattern
            double taken = 0;
            for (int m = 1; m <= free; m++) {
                taken += gains[free - m];
                best = Math.min(best, 0.5 * problem.zbar() * m * (double) (kCount - m) / kCount - taken);
            }
            derived += best;
        }
        return verdict(derived, reportedBound, proof, problems);
    }

    private static Report verdict(double derived, double reportedBound, BnbProof proof, List<String> problems) {
        double slack = TOLERANCE * Math.max(1, Math.abs(derived));
        if (reportedBound > derived + slack) {
            problems.add("reported bound " + reportedBound + " exceeds the bound the proof supports, " + derived);
        }
        return new Report(problems.isEmpty(), derived, proof.leafCount(), problems);
    }
}
