package certus.formulations.cert;

import certus.formulations.ExactMethod;
import certus.formulations.MKind;

import java.util.Objects;

/**
 * How a certificate was produced: who computed the bound and under which settings (exact.md §6 "M", "solver",
 * "time"). Kept apart from the mathematical content so the verifier can ignore it; it explains, it proves nothing.
 *
 * @param method         formulation
 * @param backend        MIP backend name (OA: the master's)
 * @param backendVersion its version
 * @param mKind          how big-M entered (CHECKED makes optimality conditional)
 * @param mValue         final M, NaN without one
 * @param mDoublings     doublings of a binding heuristic M
 * @param seconds        wall-clock seconds of the whole certify run (heuristic + exact)
 * @param nodes          branch-and-bound nodes
 * @param rounds         OA rounds (1 for MIQP methods)
 * @param cuts           OA cuts
 * @param gapTolerance   relative gap under which a proven solve counts as optimal
 * @param certusVersion  version of Certus that wrote the certificate
 * @param boundCheck     how certify re-checked the bound before reporting it ("" when it could not: MIP backends
 *                       and OA give no proof object), e.g. the bnb proof's leaf count and re-derived bound
 */
public record SolveProvenance(ExactMethod method, String backend, String backendVersion, MKind mKind, double mValue, int mDoublings,
                              double seconds, long nodes, int rounds, int cuts, double gapTolerance, String certusVersion,
                              String boundCheck) {
    public SolveProvenance(ExactMethod method, String backend, String backendVersion, MKind mKind, double mValue, int mDoublings,
                           double seconds, long nodes, int rounds, int cuts, double gapTolerance, String certusVersion) {
        this(method, backend, backendVersion, mKind, mValue, mDoublings, seconds, nodes, rounds, cuts, gapTolerance, certusVersion, "");
    }

    public SolveProvenance withBoundCheck(String note) {
        return new SolveProvenance(method, backend, backendVersion, mKind, mValue, mDoublings, seconds, nodes, rounds, cuts, gapTolerance,
                certusVersion, note);
    }

    public SolveProvenance {
        boundCheck = boundCheck == null ? "" : boundCheck;
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(mKind, "mKind");
        backendVersion = backendVersion == null ? "" : backendVersion;
        certusVersion = certusVersion == null ? "" : certusVersion;
    }
}
