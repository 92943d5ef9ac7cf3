package certus.formulations.bnb;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exact values c(S) of binary supports (the ridge refit on S, without linear costs), cached: branch and bound and the
 * Lagrangian pricing evaluate the same supports again and again, and searches with different linear costs on the same
 * data can share one cache because costs are added outside it. The cache is cleared when it passes its cap (memory).
 * Thread-safe: the workers of one tree share it (two may value the same support at once; both get the same value).
 */
final class SupportValues {
    private final WeightedRidge ridge;
    private final int cap;
    private final Map<Support, Double> cache = new ConcurrentHashMap<>();

    /** @param ridge the value function (its linear costs, if any, are not included) */
    SupportValues(WeightedRidge ridge, int cap) {
        this.ridge = ridge;
        this.cap = cap;
    }

    /** c(S), cached. */
    double of(Support support) {
        if (cache.size() > cap) cache.clear();
        Double known = cache.get(support);
        if (known != null) return known;
        double v = ridge.valueAt(support.indices()); // outside the map's lock: a ridge solve is not a short mapping
        cache.putIfAbsent(support, v);
        return v;
    }
}
