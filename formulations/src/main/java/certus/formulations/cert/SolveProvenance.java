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
 */
public record SolveProvenance(ExactMethod method, String backend, String backendVersion, MKind mKind, double mValue, int mDoublings,
                              double seconds, long nodes, int rounds, int cuts, double gapTolerance, String certusVersion) {
    public SolveProvenance {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(mKind, "mKind");
        backendVersion = backendVersion == null ? "" : backendVersion;
        certusVersion = certusVersion == null ? "" : certusVersion;
    }
}
