package certus.estimators.exact;

import certus.formulations.ExactMethod;

/**
 * The defaults of an exact fit, in ONE place (the certifier's builder and the CLI's option defaults read them).
 * The issue asks for "the fastest that the benchmarks show" (benchmarks/RESULTS.md, 2026-11-23, 120 s per
 * certify): the perspective MIQP on SCIP certified K=1 p=50 in 3.1 s (Big-M 4.1 s, OA 9.5 s) and K=1 p=200 in
 * 99 s (Big-M: gap 4.2e-2), gave the best bounds on K=3/K=5 p=250 (gaps 0.22/0.44 vs Big-M 0.93/1.0) and on every
 * real-data case, and ran the 204 acceptance instances in 162 s (Big-M 190 s). So perspective on SCIP it is
 * (with ridge = 0 it falls back to indicator/Big-M links, reported as bigm).
 * OA's masters are pure MILPs, which HiGHS solves 10-20x faster than SCIP (same masters, same rounds, measured
 * on the acceptance instances: 0.05-0.1 s against 1.4-1.8 s per master), so OA defaults to HiGHS.
 */
public final class ExactDefaults {
    public static final ExactMethod METHOD = ExactMethod.PERSPECTIVE;
    public static final String BACKEND = "scip";
    /** Default master backend of outer approximation. */
    public static final String OA_BACKEND = "highs";
    /** Relative gap under which a proven solve counts as optimal (the 1e-4). */
    public static final double GAP = 1e-4;
    /** Share of a finite time limit the heuristic warm start may use; the exact solve gets the rest. */
    public static final double HEURISTIC_SHARE = 0.2;
    /** OA round cap; the time limit and gap normally stop OA first. */
    public static final int MAX_ROUNDS = 10_000;

    private ExactDefaults() {}

    /** The default backend for {@code method}: HiGHS for OA's MILP masters, SCIP for the MIQP methods. */
    public static String backendFor(ExactMethod method) {
        return method == ExactMethod.OA ? OA_BACKEND : BACKEND;
    }
}
