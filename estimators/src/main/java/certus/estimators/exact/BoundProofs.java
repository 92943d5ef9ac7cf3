package certus.estimators.exact;

import certus.formulations.ExactResult;
import certus.formulations.bnb.BnbProof;
import certus.formulations.cert.BnbProofChecker;
import certus.smtl.SmtlProblem;
import certus.solver.SolveListener;
import certus.solver.Termination;

import java.util.Locale;

/**
 * Re-derives a {@code bnb} bound from its proof before the certificate reports it (the brief: "a certificate is
 * re-checked independently before it is reported"). A proof that does not support the bound demotes the result: no
 * bound, status feasible, the checker's reason in the termination detail, so an unproven bound is never shown.
 */
final class BoundProofs {
    /** What the check did, for the certificate's provenance, and the result to certify. */
    record Checked(ExactResult result, String note) {}

    private BoundProofs() {}

    /**
     * The check may take this share of the search's own time, but no more than the time limit leaves, and at least
     * {@link #MIN_CHECK_SECONDS} (a grace beyond the limit, so a search that used its whole limit is still checked when
     * its proof is small).
     */
    static final double CHECK_SHARE = 0.5;
    static final double MIN_CHECK_SECONDS = 10;

    static Checked check(SmtlProblem problem, ExactResult result, BnbProof proof, SolveListener listener) {
        return check(problem, result, proof, listener, () -> false, Double.POSITIVE_INFINITY);
    }

    static Checked check(SmtlProblem problem, ExactResult result, BnbProof proof, SolveListener listener, java.util.function.BooleanSupplier cancelled) {
        return check(problem, result, proof, listener, cancelled, Double.POSITIVE_INFINITY);
    }

    /**
     * Re-derives the bound unless the proof was not kept (too large), {@code cancelled} says stop, or the check runs
     * past its time budget: then the bound stays as the search reported it and the note says it was not re-checked.
     *
     * @param secondsLeft what the user's time limit leaves (+Infinity without one)
     */
    static Checked check(SmtlProblem problem, ExactResult result, BnbProof proof, SolveListener listener, java.util.function.BooleanSupplier cancelled,
                         double secondsLeft) {
        if (!Double.isFinite(result.bound())) return new Checked(result, "");
        long start = System.nanoTime();
        long budget = (long) (budgetSeconds(result.seconds(), secondsLeft) * 1e9);
        BnbProofChecker.Report r = BnbProofChecker.check(problem, proof, result.bound(),
                () -> cancelled.getAsBoolean() || System.nanoTime() - start > budget);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!r.finished()) {
            String note = String.format(Locale.ROOT, "bound not re-checked (%s); reported as the search found it", String.join("; ", r.problems()));
            listener.onLog(note);
            return new Checked(result, note);
        }
        if (r.valid()) {
            String note = String.format(Locale.ROOT, "bnb proof re-checked: %d leaves cover every support; re-derived bound %.10g >= search's %.10g (%.2f s)",
                    r.leaves(), r.derived(), result.bound(), seconds);
            listener.onLog(note);
            // The search reports cut-off regions at its pruning cutoff; the proof's own minimum is the sharper bound.
            double proven = Math.min(result.objective(), r.derived() - 1e-12 * (1 + Math.abs(r.derived())));
            if (!(proven > result.bound()) || result.solution() == null) return new Checked(result, note);
            return new Checked(result.withBound(proven, result.termination()), note);
        }
        String why = "bnb proof rejected, bound withdrawn: " + String.join("; ", r.problems());
        listener.onLog(why);
        Termination t = Termination.limit(Termination.Limit.OTHER, result.solution() != null, why);
        return new Checked(result.withBound(Double.NEGATIVE_INFINITY, t), why);
    }

    /** The check's time budget: {@link #CHECK_SHARE} of the search time, within the time left, at least the grace. */
    static double budgetSeconds(double searchSeconds, double secondsLeft) {
        return Math.max(MIN_CHECK_SECONDS, Math.min(CHECK_SHARE * searchSeconds, secondsLeft));
    }
}
