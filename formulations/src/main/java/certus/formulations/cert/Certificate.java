package certus.formulations.cert;

import certus.smtl.ObjectiveValue;
import certus.smtl.SmtlSolution;
import certus.solver.Termination;

import java.util.Objects;

/**
 * A claim about one sMTL problem that anyone holding the data can re-check with {@link CertificateVerifier}:
 * "this point is feasible, its objective is {@code objective}, and no point is better than {@code bound}".
 * Built only by {@link CertificateFactory} (which re-checks before reporting) or read back from JSON.
 *
 * @param problem               parameters, names and standardization mode
 * @param fingerprint           SHA-256 per task of the raw data
 * @param solution              raw-scale intercepts, coefficients and supports; null without a solution
 * @param objectiveParts        F(solution) split into loss, ridge, bbar, zbar, recomputed from the data (of the
 *                              standardized problem when {@code problem.standardize()} is not NONE); null without a solution
 * @param objective             the total of {@code objectiveParts}; NaN without a solution
 * @param bound                 valid lower bound on the optimum (-Infinity when none)
 * @param gap                   (objective - bound) / max(|objective|, 1e-12); +Infinity when either is unknown
 * @param status                what the certificate proves
 * @param termination           why the exact solve stopped (its true reason, e.g. INTERRUPTED after Ctrl-C)
 * @param optimalityConditional the bound holds only among |beta| &lt;= M with a heuristic M
 * @param provenance            method, backend, M, time, counters, tolerance, versions
 */
public record Certificate(CertifiedProblem problem, DataFingerprint fingerprint, SmtlSolution solution, ObjectiveValue objectiveParts,
                          double objective, double bound, double gap, CertificateStatus status, Termination termination,
                          boolean optimalityConditional, SolveProvenance provenance) {
    public Certificate {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(termination, "termination");
        Objects.requireNonNull(provenance, "provenance");
        if ((solution == null) != (objectiveParts == null)) throw new IllegalArgumentException("objective parts exist exactly with a solution");
        if (solution == null && (status == CertificateStatus.OPTIMAL || status == CertificateStatus.FEASIBLE)) {
            throw new IllegalArgumentException("status " + status.jsonName() + " needs a solution");
        }
    }

    /** The same certificate with a note on how its bound was re-checked (provenance only). */
    public Certificate withBoundCheck(String note) {
        return new Certificate(problem, fingerprint, solution, objectiveParts, objective, bound, gap, status, termination,
                optimalityConditional, provenance.withBoundCheck(note));
    }

    public boolean hasSolution() {
        return solution != null;
    }

    /** A copy with other content, for tests that tamper with a certificate and for readers. */
    public Certificate withSolution(SmtlSolution s, ObjectiveValue parts, double newObjective) {
        return new Certificate(problem, fingerprint, s, parts, newObjective, bound, gap, status, termination, optimalityConditional, provenance);
    }

    public Certificate withBound(double newBound, double newGap) {
        return new Certificate(problem, fingerprint, solution, objectiveParts, objective, newBound, newGap, status, termination,
                optimalityConditional, provenance);
    }
}
