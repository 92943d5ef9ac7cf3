package certus.estimators.io;

import certus.estimators.SmtlParams;
import certus.smtl.InvalidProblemException;

/**
 * Partial problem parameters (null = not given), from a params file or the CLI. Layers are merged with
 * {@link #overriddenBy}: the CLI's flags override the file's values, which override the defaults.
 */
public record ParamOverrides(Integer s, Double ridge, Double bbar, Double zbar, Boolean commonSupport) {
    public static final ParamOverrides EMPTY = new ParamOverrides(null, null, null, null, null);

    /** This layer with every value that {@code higher} gives replaced by it. */
    public ParamOverrides overriddenBy(ParamOverrides higher) {
        return new ParamOverrides(pick(higher.s, s), pick(higher.ridge, ridge), pick(higher.bbar, bbar),
                pick(higher.zbar, zbar), pick(higher.commonSupport, commonSupport));
    }

    private static <T> T pick(T high, T low) {
        return high != null ? high : low;
    }

    /** Final parameters; s has no default (the sparsity level is the user's decision), the weights default to 0. */
    public SmtlParams resolve() {
        if (s == null) throw new InvalidProblemException("s is required: pass --s or put \"s\" in the params file");
        return new SmtlParams(s, orZero(ridge), orZero(bbar), orZero(zbar), commonSupport != null && commonSupport);
    }

    private static double orZero(Double v) {
        return v == null ? 0.0 : v;
    }
}
