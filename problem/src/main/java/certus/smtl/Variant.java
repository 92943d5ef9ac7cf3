package certus.smtl;

/**
 * The six sMTL variants of spec smtl.md §2.1. A variant is derived from the penalty weights and the
 * common-support flag; it chooses algorithmic details (e.g. joint row selection) but never changes the
 * objective, which is always {@link ObjectiveEvaluator}'s F.
 */
public enum Variant {
    /** Independent best-subset ridge per task (bbar = zbar = 0). */
    L0L2,
    /** Common support, bbar = 0. */
    CS_L2,
    /** Common support with coefficient sharing. */
    CS_BBAR,
    /** Heterogeneous supports pulled together by the Zbar penalty, bbar = 0. */
    ZBAR_L2,
    /** Heterogeneous supports, coefficients pulled toward their mean, zbar = 0. */
    BBAR,
    /** Heterogeneous supports with both penalties. */
    ZBAR_BBAR;

    public static Variant of(double bbar, double zbar, boolean commonSupport) {
        if (commonSupport) return bbar > 0 ? CS_BBAR : CS_L2;
        if (bbar > 0 && zbar > 0) return ZBAR_BBAR;
        if (bbar > 0) return BBAR;
        if (zbar > 0) return ZBAR_L2;
        return L0L2;
    }

    public boolean commonSupport() {
        return this == CS_L2 || this == CS_BBAR;
    }

    /** Display name as used in the papers and the README ("Zbar+L2", ...). */
    public String displayName() {
        return switch (this) {
            case L0L2 -> "L0L2";
            case CS_L2 -> "CS+L2";
            case CS_BBAR -> "CS+Bbar";
            case ZBAR_L2 -> "Zbar+L2";
            case BBAR -> "Bbar";
            case ZBAR_BBAR -> "Zbar+Bbar";
        };
    }
}
