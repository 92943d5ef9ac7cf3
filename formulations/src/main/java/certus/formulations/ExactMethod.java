package certus.formulations;

/** The exact formulations Certus offers (spec exact.md §1, §2, §4). */
public enum ExactMethod {
    /** Big-M MIQP (or indicator constraints where the backend has them and no M can be proven). */
    BIGM,
    /** Perspective MISOCP for the ridge term (rotated cones t_kj z_kj >= beta_kj^2); needs ridge > 0. */
    PERSPECTIVE,
    /** Outer approximation: MILP master over z with cuts from the exact inner problem. */
    OA;

    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
