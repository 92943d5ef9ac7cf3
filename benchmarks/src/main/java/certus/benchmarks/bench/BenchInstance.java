package certus.benchmarks.bench;

import certus.estimators.SmtlParams;
import certus.estimators.sim.SimulationDesign;

import java.util.Locale;

/**
 * One benchmark instance: a simulated data set (support-pool design) and the sMTL problem fitted on it. The id names
 * every parameter, so it is stable across runs and a resumed run recognizes instances already done.
 */
public record BenchInstance(int tasks, int p, int n, int s, double rho, double snr, int pool, int trueSupport, double betaVar,
                            String variant, double ridge, double zbar, double bbar, int rep, long seed) {

    public String id() {
        return String.format(Locale.ROOT, "K%d_p%d_n%d_s%d_rho%s_snr%s_q%d_%s_l1%s_lz%s_l2%s_rep%d", tasks, p, n, s, num(rho), num(snr), pool,
                variant, num(ridge), num(zbar), num(bbar), rep);
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
    }

    public SimulationDesign design() {
        return new SimulationDesign(p, tasks, n, 0, trueSupport, 0, rho, betaVar, null, snr, seed, pool);
    }

    public SmtlParams params() {
        return variantParams(variant, s, ridge, zbar, bbar);
    }

    static boolean usesZbar(String variant) {
        return variant.equals("zbar") || variant.equals("zbar_bbar");
    }

    static boolean usesBbar(String variant) {
        return variant.equals("bbar") || variant.equals("zbar_bbar") || variant.equals("cs_bbar");
    }

    /** The sMTL parameters of a variant name; the weights a variant does not use are 0. */
    static SmtlParams variantParams(String variant, int s, double ridge, double zbar, double bbar) {
        return switch (variant) {
            case "l0l2" -> new SmtlParams(s, ridge, 0, 0, false);
            case "zbar" -> new SmtlParams(s, ridge, 0, zbar, false);
            case "bbar" -> new SmtlParams(s, ridge, bbar, 0, false);
            case "zbar_bbar" -> new SmtlParams(s, ridge, bbar, zbar, false);
            case "cs" -> new SmtlParams(s, ridge, 0, 0, true);
            case "cs_bbar" -> new SmtlParams(s, ridge, bbar, 0, true);
            default -> throw new IllegalArgumentException("unknown variant '" + variant + "' (l0l2, zbar, bbar, zbar_bbar, cs, cs_bbar)");
        };
    }
}
