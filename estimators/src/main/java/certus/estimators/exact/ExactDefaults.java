package certus.estimators.exact;

import certus.formulations.bnb.SupportBranchAndBound;
import certus.smtl.SmtlProblem;

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
    /** The default where {@link #methodFor} finds the Java branch and bound does not apply. */
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

    /**
     * The default method for {@code problem}: the Java branch and bound wherever it applies (ridge &gt; 0, no Bbar) —
     * it certified K=1 n=500 p=50/200/1000 in 0.6/0.9/1.0 s where the perspective MIQP took 3.1 s, 99 s and found no
     * bound at all, and the demo's Zbar+L2 problem in 0.35 s instead of 5.2 s (RESULTS.md) — else the perspective MIQP.
     */
    public static ExactMethod methodFor(SmtlProblem problem) {
        return SupportBranchAndBound.supports(problem) ? ExactMethod.BNB : METHOD;
    }

    /** The default backend for {@code method}: HiGHS for OA's MILP masters, SCIP for the MIQP methods, none for bnb. */
    public static String backendFor(ExactMethod method) {
        return switch (method) {
            case OA -> OA_BACKEND;
            case BNB -> SupportBranchAndBound.ENGINE;
            case BIGM, PERSPECTIVE -> BACKEND;
        };
    }
}
