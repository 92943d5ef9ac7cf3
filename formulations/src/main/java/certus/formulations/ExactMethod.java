package certus.formulations;

/** The exact formulations Certus offers (spec exact.md §1, §2, §4). */
public enum ExactMethod {
    /** Big-M MIQP (or indicator constraints where the backend has them and no M can be proven). */
    BIGM,
    /** Perspective MISOCP for the ridge term (rotated cones t_kj z_kj >= beta_kj^2); needs ridge > 0. */
    PERSPECTIVE,
    /** Outer approximation: MILP master over z with cuts from the exact inner problem. */
    OA,
    /**
     * Branch and bound over supports in Java with perspective-relaxation bounds solved by Frank–Wolfe; no backend.
     * Needs ridge &gt; 0 and bbar = 0 with one task, common support, or L0L2.
     */
    BNB;

    /** Whether the method runs on a MIP backend (false for the self-contained Java branch and bound). */
    public boolean usesBackend() {
        return this != BNB;
    }

    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
