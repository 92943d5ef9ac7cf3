package certus.formulations.cert;

import certus.data.MultiTaskData;
import certus.data.StandardizedData;
import certus.data.Standardizer;
import certus.formulations.cert.VerificationReport.Check;
import certus.smtl.ObjectiveValue;
import certus.smtl.SmtlProblem;
import certus.smtl.SmtlSolution;
import certus.smtl.SupportRefitter;
import certus.solver.SolveResult;
import certus.solver.Termination;

import java.util.ArrayList;
import java.util.List;

/**
 * Re-checks a {@link Certificate} against the raw data, trusting nothing in it but the data (exact.md §6.1 steps
 * 1-4 plus the bound and status arithmetic): fingerprint, shapes and names, feasibility, the objective recomputed
 * by an independent implementation ({@link IndependentObjective}), inner optimality of the coefficients for the
 * stated supports, bound &lt;= objective, the gap, and the status. It does not re-solve the MIP: the bound itself
 * is taken on the solver's word (steps 5-7 of the spec need cut lists or a second solver; see the report's notes).
 */
public final class CertificateVerifier {
    /** Objective agreement between two implementations that only differ in summation order. */
    public static final double OBJECTIVE_TOLERANCE = 1e-9;
    /** Coefficients vs. the exact refit: a Cholesky solve of a well-posed ridge system agrees far below this. */
    public static final double COEFFICIENT_TOLERANCE = 1e-7;
    /** bound &lt;= objective up to this relative slack (the factory already clamps larger backend slack). */
    public static final double BOUND_TOLERANCE = 1e-9;

    private CertificateVerifier() {}

    public static VerificationReport verify(Certificate c, MultiTaskData raw) {
        List<Check> out = new ArrayList<>();
        DataFingerprint fp = DataFingerprint.of(raw);
        out.add(fingerprint(c.fingerprint(), fp, raw));
        CertifiedProblem p = c.problem();
        List<String> shape = new ArrayList<>();
        if (!raw.taskLabels().equals(p.tasks())) shape.add("tasks " + p.tasks() + " vs data " + raw.taskLabels());
        if (!raw.featureNames().equals(p.features())) shape.add("features " + p.features() + " vs data " + raw.featureNames());
        List<Integer> rows = raw.tasks().stream().map(t -> t.rows()).toList();
        if (!rows.equals(p.rows())) shape.add("rows " + p.rows() + " vs data " + rows);
        if (c.hasSolution() && (c.solution().taskCount() != raw.taskCount() || c.solution().featureCount() != raw.featureCount())) {
            shape.add("solution is " + c.solution().taskCount() + "x" + c.solution().featureCount());
        }
        if (p.s() < 1 || p.s() > raw.featureCount()) shape.add("s=" + p.s() + " outside 1.." + raw.featureCount());
        out.add(new Check("shape", shape.isEmpty(), shape.isEmpty()
                ? raw.taskCount() + " tasks, " + raw.featureCount() + " features, names and row counts match" : String.join("; ", shape)));
        if (!shape.isEmpty()) return new VerificationReport(out);
        if (c.hasSolution()) solutionChecks(c, raw, out);
        else out.add(new Check("solution", true, "no solution (status " + c.status().jsonName() + "); nothing to re-check"));
        out.add(status(c));
        return new VerificationReport(out);
    }

    /**
     * Re-derives the certificate's bound from a {@code bnb} proof ({@link BnbProofChecker}) on the certified problem
     * rebuilt from the raw data (standardized as the certificate says). The caller has matched the proof to the
     * certificate (problem and fingerprint); this check trusts nothing in the proof but its structure.
     */
    public static Check boundProof(Certificate c, MultiTaskData raw, certus.formulations.bnb.BnbProof proof) {
        if (!Double.isFinite(c.bound())) return new Check("bound-proof", true, "the certificate states no bound; nothing to re-derive");
        CertifiedProblem p = c.problem();
        MultiTaskData data = p.standardize() == Standardizer.NONE ? raw : p.standardize().standardize(raw).data();
        long start = System.nanoTime();
        BnbProofChecker.Report r = BnbProofChecker.check(problemOn(data, p), proof, c.bound());
        double seconds = (System.nanoTime() - start) / 1e9;
        return r.valid()
                ? new Check("bound-proof", true, String.format(java.util.Locale.ROOT,
                "%d leaves cover every support; re-derived bound %.10g >= stated %.10g (%.2f s)", r.leaves(), r.derived(), c.bound(), seconds))
                : new Check("bound-proof", false, "the proof does not support the bound: " + String.join("; ", r.problems()));
    }

    /** The certified problem on {@code data} (already standardized as the certificate says). */
    private static SmtlProblem problemOn(MultiTaskData data, CertifiedProblem p) {
        return new SmtlProblem(data, p.s(), p.ridge(), p.bbar(), p.zbar(), p.commonSupport());
    }

    private static Check fingerprint(DataFingerprint stated, DataFingerprint actual, MultiTaskData raw) {
        if (stated.equals(actual)) return new Check("fingerprint", true, "SHA-256 of all " + actual.sha256().size() + " tasks match");
        List<String> bad = new ArrayList<>();
        for (int k = 0; k < actual.sha256().size(); k++) {
            if (k >= stated.sha256().size() || !stated.sha256().get(k).equals(actual.sha256().get(k))) bad.add(raw.task(k).label());
        }
        if (stated.sha256().size() != actual.sha256().size()) bad.add("(certificate has " + stated.sha256().size() + " digests)");
        return new Check("fingerprint", false, "data differ from the certified data in task(s) " + bad);
    }

    private static void solutionChecks(Certificate c, MultiTaskData raw, List<Check> out) {
        CertifiedProblem p = c.problem();
        SmtlSolution sol = c.solution();
        int kCount = raw.taskCount();
        int pCount = raw.featureCount();
        List<String> nonFinite = new ArrayList<>();
        List<String> size = new ArrayList<>();
        List<String> offSupport = new ArrayList<>();
        List<String> constant = new ArrayList<>();
        List<String> common = new ArrayList<>();
        for (int k = 0; k < kCount; k++) {
            String task = p.tasks().get(k);
            if (!Double.isFinite(sol.intercept(k))) nonFinite.add(task + ": intercept");
            int count = 0;
            for (int j = 0; j < pCount; j++) {
                String f = p.features().get(j);
                double b = sol.coefficient(k, j);
                if (!Double.isFinite(b)) nonFinite.add(task + "/" + f);
                if (sol.inSupport(k, j)) count++;
                if (!sol.inSupport(k, j) && b != 0.0) offSupport.add(task + "/" + f + " = " + b);
                if (sol.inSupport(k, j) && raw.isConstant(k, j)) constant.add(task + "/" + f);
                if (p.commonSupport() && sol.inSupport(k, j) != sol.inSupport(0, j)) common.add(f + " in " + p.tasks().get(0) + " vs " + task);
            }
            if (count > p.s()) size.add(task + " has " + count);
        }
        out.add(listCheck("finite", nonFinite, "all intercepts and coefficients are finite", "not finite: "));
        out.add(listCheck("support-size", size, "every support has at most s=" + p.s() + " features", "s=" + p.s() + " exceeded: "));
        out.add(listCheck("zero-off-support", offSupport, "coefficients are zero off the support", "nonzero off the support: "));
        out.add(p.commonSupport() ? listCheck("common-support", common, "all tasks share one support", "supports differ: ")
                : new Check("common-support", true, "not required"));
        out.add(listCheck("constant-columns", constant, "no constant column is selected", "constant column selected: "));
        if (!nonFinite.isEmpty()) return;
        // The certified problem lives on the standardized data; map the raw-scale point onto it.
        MultiTaskData data = raw;
        SmtlSolution point = sol;
        if (p.standardize() != Standardizer.NONE) {
            StandardizedData scaled = p.standardize().standardize(raw);
            data = scaled.data();
            point = scaled.toScaled(sol);
        }
        ObjectiveValue parts = IndependentObjective.of(data, point, p.ridge(), p.bbar(), p.zbar());
        out.add(objective(c, parts));
        out.add(innerOptimality(problemOn(data, p), point, parts, p));
        double tolB = BOUND_TOLERANCE * Math.max(Math.abs(c.objective()), SolveResult.GAP_DENOMINATOR_FLOOR);
        boolean boundOk = !Double.isNaN(c.bound()) && c.bound() <= c.objective() + tolB;
        out.add(new Check("bound", boundOk, "bound " + c.bound() + (boundOk ? " <= " : " > ") + "objective " + c.objective()));
        double gap = SolveResult.relativeGap(c.objective(), c.bound());
        boolean gapOk = gap == c.gap() || Math.abs(gap - c.gap()) <= 1e-12 + 1e-9 * Math.abs(gap);
        out.add(new Check("gap", gapOk, "recomputed gap " + gap + (gapOk ? " equals" : " differs from") + " stated " + c.gap()));
    }

    private static Check objective(Certificate c, ObjectiveValue parts) {
        double total = parts.total();
        double tol = OBJECTIVE_TOLERANCE * Math.max(Math.abs(total), Math.abs(c.objective())) + 1e-300;
        List<String> bad = new ArrayList<>();
        if (!(Math.abs(total - c.objective()) <= tol)) bad.add("total " + c.objective() + " vs recomputed " + total);
        ObjectiveValue s = c.objectiveParts();
        double[][] pairs = {{s.loss(), parts.loss()}, {s.ridge(), parts.ridge()}, {s.bbar(), parts.bbar()}, {s.zbar(), parts.zbar()}};
        String[] names = {"loss", "ridge", "bbar", "zbar"};
        for (int i = 0; i < pairs.length; i++) {
            if (!(Math.abs(pairs[i][0] - pairs[i][1]) <= tol)) bad.add(names[i] + " " + pairs[i][0] + " vs recomputed " + pairs[i][1]);
        }
        return bad.isEmpty() ? new Check("objective", true, "recomputed " + total + " equals the stated objective within 1e-9 relative")
                : new Check("objective", false, String.join("; ", bad));
    }

    /**
     * The coefficients must minimize F for the stated supports: they match the exact refit, or (when the refit is
     * not unique, e.g. ridge = 0 with collinear columns) they reach the refit's objective value.
     */
    private static Check innerOptimality(SmtlProblem problem, SmtlSolution point, ObjectiveValue parts, CertifiedProblem p) {
        SmtlSolution refit = SupportRefitter.refit(problem, point.supports());
        double worst = 0;
        for (int k = 0; k < point.taskCount(); k++) {
            worst = Math.max(worst, Math.abs(point.intercept(k) - refit.intercept(k)) / Math.max(1.0, Math.abs(refit.intercept(k))));
            for (int j = 0; j < point.featureCount(); j++) {
                double r = refit.coefficient(k, j);
                worst = Math.max(worst, Math.abs(point.coefficient(k, j) - r) / Math.max(1.0, Math.abs(r)));
            }
        }
        if (worst <= COEFFICIENT_TOLERANCE) {
            return new Check("inner-optimality", true, "coefficients equal the exact refit on the supports (max relative difference " + worst + ")");
        }
        double best = IndependentObjective.of(problem.data(), refit, p.ridge(), p.bbar(), p.zbar()).total();
        boolean sameValue = parts.total() <= best + OBJECTIVE_TOLERANCE * Math.max(Math.abs(best), 1e-300);
        return new Check("inner-optimality", sameValue, sameValue
                ? "coefficients differ from the refit by " + worst + " but reach its objective " + best + " (non-unique minimizer)"
                : "coefficients are not the minimizer for their supports: refit differs by " + worst + " and reaches " + best
                        + " < " + parts.total());
    }

    private static Check status(Certificate c) {
        return switch (c.status()) {
            case OPTIMAL -> {
                List<String> why = new ArrayList<>();
                if (!(c.gap() <= c.provenance().gapTolerance())) why.add("gap " + c.gap() + " > tolerance " + c.provenance().gapTolerance());
                if (c.optimalityConditional()) why.add("optimality is conditional on a heuristic M");
                if (c.termination().reason() != Termination.Reason.OPTIMAL) why.add("the solver stopped with " + c.termination().reason());
                yield new Check("status", why.isEmpty(), why.isEmpty() ? "optimal: gap " + c.gap() + " <= " + c.provenance().gapTolerance()
                        : "status optimal is not justified: " + String.join("; ", why));
            }
            case ERROR -> new Check("status", false, "the certificate reports an error: " + c.termination().detail());
            default -> new Check("status", true, c.status().jsonName() + " (" + c.termination().reason().name().toLowerCase() + ")");
        };
    }

    private static Check listCheck(String name, List<String> problems, String ok, String failPrefix) {
        if (problems.isEmpty()) return new Check(name, true, ok);
        List<String> shown = problems.size() > 5 ? problems.subList(0, 5) : problems;
        return new Check(name, false, failPrefix + String.join(", ", shown) + (problems.size() > 5 ? " and " + (problems.size() - 5) + " more" : ""));
    }
}
