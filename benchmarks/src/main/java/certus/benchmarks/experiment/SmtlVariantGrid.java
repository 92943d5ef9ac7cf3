package certus.benchmarks.experiment;

import certus.estimators.cv.CvGrid;

import java.util.List;

/**
 * The six sMTL variants of the statistical study and the CV grid each is tuned over (cardinality fixed at the true
 * support size, as in the paper's s = 10 runs; penalty grids below). Shared penalties get the same grids in every
 * variant so that differences come from the structure, not from a richer grid.
 */
public enum SmtlVariantGrid {
    L0L2("L0L2", false, false, false),
    ZBAR_L2("Zbar+L2", true, false, false),
    BBAR("Bbar", false, true, false),
    ZBAR_BBAR("Zbar+Bbar", true, true, false),
    CS_L2("CS+L2", false, false, true),
    CS_BBAR("CS+Bbar", false, true, true);

    static final List<Double> RIDGE = List.of(0.1, 1.0, 10.0);
    static final List<Double> ZBAR = List.of(0.01, 0.1, 1.0);
    static final List<Double> BBAR_GRID = List.of(1.0, 10.0, 100.0);

    private final String label;
    private final boolean zbar, bbar, commonSupport;

    SmtlVariantGrid(String label, boolean zbar, boolean bbar, boolean commonSupport) {
        this.label = label;
        this.zbar = zbar;
        this.bbar = bbar;
        this.commonSupport = commonSupport;
    }

    public String label() { return label; }

    /** The CV grid of this variant at cardinality s. */
    public CvGrid grid(int s) {
        return grid(s, false);
    }

    /** As {@link #grid(int)}; {@code quick}: the middle value of every axis only (a smoke run, not a study). */
    public CvGrid grid(int s, boolean quick) {
        List<Double> ridge = quick ? List.of(RIDGE.get(1)) : RIDGE;
        List<Double> b = quick ? List.of(BBAR_GRID.get(1)) : BBAR_GRID;
        List<Double> z = quick ? List.of(ZBAR.get(1)) : ZBAR;
        return new CvGrid(List.of(s), ridge, bbar ? b : List.of(0.0), zbar ? z : List.of(0.0), commonSupport);
    }
}
