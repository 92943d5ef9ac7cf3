package certus.formulations.cert;

import java.util.Locale;

/**
 * What a certificate holds, spelled like the {@code status} of the fit JSON (so a certificate is a valid model
 * file). {@link #OPTIMAL} only through {@link CertificateFactory}'s checks: proven by the solver, gap within the
 * tolerance after recomputing the objective, bound consistent, and not conditional on a heuristic M.
 */
public enum CertificateStatus {
    OPTIMAL, FEASIBLE, INFEASIBLE, NO_SOLUTION, ERROR;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Inverse of {@link #jsonName()}; null when the text names no status. */
    public static CertificateStatus fromJson(String text) {
        for (CertificateStatus s : values()) if (s.jsonName().equals(text)) return s;
        return null;
    }
}
