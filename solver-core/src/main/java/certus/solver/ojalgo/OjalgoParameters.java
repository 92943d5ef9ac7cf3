package certus.solver.ojalgo;

import certus.solver.SolveParameters;
import java.util.Set;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.integer.IntegerStrategy;
import org.ojalgo.type.context.NumberContext;

/**
 * Applies {@link SolveParameters} to ojAlgo's (public, mutable) {@link Optimisation.Options} of one fresh model,
 * so the mutable fields never escape the adapter.
 *
 * <p>ojAlgo expresses the MIP gap as a {@link NumberContext}: relative error {@code 10^(1 - precision)} and
 * absolute error {@code 0.5 * 10^-scale}, so only powers of ten are possible. We round to the next TIGHTER power
 * (requested 3e-4 becomes 1e-4), never looser, so OPTIMAL still means "within the requested gap". ojAlgo
 * measures its gap on its own objective, which has no constant term (see {@link OjalgoBackend}).
 *
 * <p>No backend options are accepted (any key is rejected, naming this). ojAlgo's {@code iterations_abort} was
 * tried and left out on purpose: the node solvers share it, and with values 0..20 ojAlgo 57.1.0 reported the
 * feasible best-subset model INFEASIBLE, a false claim we could not tell apart from a real one.
 */
final class OjalgoParameters {
    static final Set<String> KNOWN_OPTIONS = Set.of();
    /** ojAlgo never takes more than 16 significant digits; also stands in for a requested gap of 0. */
    private static final int MAX_PRECISION = 15;
    private static final int MAX_SCALE = 14;

    private OjalgoParameters() {}

    static void apply(SolveParameters p, Optimisation.Options options) {
        for (String key : p.backendOptions().keySet()) {
            if (!KNOWN_OPTIONS.contains(key)) {
                throw new IllegalArgumentException("unknown ojalgo backend option '" + key + "'; the ojalgo backend takes none"
                        + " (known: " + KNOWN_OPTIONS + "). Maybe use the typed SolveParameters fields.");
            }
        }
        // ojAlgo's defaults stop a feasible search after 1 hour (time_suffice) and any search after 1 day.
        long ms = Double.isInfinite(p.timeLimitSeconds()) ? Long.MAX_VALUE : Math.max(1L, (long) Math.ceil(p.timeLimitSeconds() * 1000));
        options.time_abort = ms;
        options.time_suffice = ms;
        int threads = p.threads();
        IntegerStrategy.ConfigurableStrategy strategy = IntegerStrategy.DEFAULT
                .withGapTolerance(gapContext(p.relativeGap(), p.absoluteGap()))
                .withParallelism(() -> threads);
        options.integer(strategy);
    }

    /** The tightest-not-looser ojAlgo context for a relative and an absolute gap. */
    static NumberContext gapContext(double relativeGap, double absoluteGap) {
        int precision = relativeGap <= 0 ? MAX_PRECISION : (int) Math.min(MAX_PRECISION, Math.max(1, Math.ceil(1 - Math.log10(relativeGap) - 1e-9)));
        int scale = absoluteGap <= 0 ? MAX_SCALE : (int) Math.min(MAX_SCALE, Math.ceil(-Math.log10(2 * absoluteGap) - 1e-9));
        return NumberContext.of(precision, scale);
    }

    /**
     * The most ojAlgo may leave between incumbent and true optimum after it declares OPTIMAL, for incumbent
     * value {@code internal} (its own objective, without constant). It prunes a node when
     * {@code |relaxed - incumbent| <= rel * max(|relaxed|, |incumbent|)} (or the absolute error near 0), and the
     * {@code max} can be the relaxed value, hence the {@code 1 / (1 - rel)} factor.
     */
    static double allowedGap(NumberContext gap, double internal) {
        double rel = Math.pow(10, 1 - gap.getPrecision());
        double abs = gap.error(0.0);
        return Math.max(rel * Math.abs(internal) / (1 - rel), abs);
    }
}
