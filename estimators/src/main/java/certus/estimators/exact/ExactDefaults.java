package certus.estimators.exact;

import certus.formulations.ExactMethod;

/**
 * The defaults of an exact fit, in ONE place (the certifier's builder and the CLI's option defaults read them).
 * The issue asks for "the fastest that the benchmarks show": on the first measurements (benchmarks/RESULTS.md,
 * 2026-11-23, Zbar+L2 with K=3) Big-M on SCIP proved optimality in 5 s (p=20) and 23 s (p=30) where outer
 * approximation was still at a 12-19% gap after 30 s, so Big-M on SCIP it is; revisit when OA improves.
 * OA's masters are pure MILPs, which HiGHS solves 10-20x faster than SCIP (same masters, same rounds, measured
 * on the acceptance instances 2026-11-23: 0.05-0.1 s against 1.4-1.8 s per master), so OA defaults to HiGHS.
 */
public final class ExactDefaults {
    public static final ExactMethod METHOD = ExactMethod.BIGM;
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
