package certus.formulations.bnb;

import java.util.HashMap;
import java.util.Map;

/**
 * Exact values c(S) of binary supports (the ridge refit on S, without linear costs), cached: branch and bound and the
 * Lagrangian pricing evaluate the same supports again and again, and searches with different linear costs on the same
 * data can share one cache because costs are added outside it. The cache is cleared when it passes its cap (memory).
 * Not thread-safe: one task's searches run on one thread at a time.
 */
final class SupportValues {
    private final WeightedRidge ridge;
    private final int cap;
    private final Map<Support, Double> cache = new HashMap<>();

    /** @param ridge the value function (its linear costs, if any, are not included) */
    SupportValues(WeightedRidge ridge, int cap) {
        this.ridge = ridge;
        this.cap = cap;
    }

    /** c(S), cached. */
    double of(Support support) {
        if (cache.size() > cap) cache.clear();
        return cache.computeIfAbsent(support, x -> ridge.valueAt(x.indices()));
    }
}
