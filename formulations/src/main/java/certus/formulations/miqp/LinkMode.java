package certus.formulations.miqp;

/** How "z_kj = 0 implies beta_kj = 0" enters the model. */
enum LinkMode {
    /** -M z &lt;= beta &lt;= M z. */
    BIG_M,
    /** Indicator constraints z = 0 =&gt; beta = 0: no M at all (backends with INDICATORS, used when ridge = 0). */
    INDICATORS,
    /** Rotated cones beta^2 &lt;= t z with the ridge term priced on t (the perspective relaxation), plus big-M rows. */
    PERSPECTIVE
}
