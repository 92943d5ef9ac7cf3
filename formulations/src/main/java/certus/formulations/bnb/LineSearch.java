package certus.formulations.bnb;

import java.util.function.DoubleUnaryOperator;

/**
 * Exact-enough line search for the conditional-gradient methods: the root of a non-decreasing slope phi'(t) on
 * [0, maxStep] by regula falsi with the Illinois modification (superlinear, always bracketed), falling back to
 * bisection when the secant keeps approaching a root near 0 from above. Returns the left end of the final bracket,
 * where the slope is still &lt;= 0, so the step never overshoots the minimum of the convex phi.
 */
final class LineSearch {
    private LineSearch() {}

    static double minimize(DoubleUnaryOperator slope, double maxStep, int steps, double resolution) {
        return minimize(slope, slope.applyAsDouble(0), maxStep, steps, resolution);
    }

    /** As above, with the slope at 0 already known (the caller's gradient at the start point gives it). */
    static double minimize(DoubleUnaryOperator slope, double slopeAtZero, double maxStep, int steps, double resolution) {
        double lo = 0;
        double hi = maxStep;
        double fLo = slopeAtZero;
        double fHi = slope.applyAsDouble(maxStep);
        if (fHi <= 0) return maxStep;
        if (fLo >= 0) return 0;
        int side = 0;
        for (int i = 0; i < steps && hi - lo > resolution * maxStep; i++) {
            double t = (lo * fHi - hi * fLo) / (fHi - fLo);
            if (!(t > lo && t < hi)) t = 0.5 * (lo + hi);
            double f = slope.applyAsDouble(t);
            if (f <= 0) {
                lo = t;
                fLo = f;
                if (side == -1) fHi *= 0.5;
                side = -1;
            } else {
                hi = t;
                fHi = f;
                if (side == 1) fLo *= 0.5;
                side = 1;
            }
        }
        for (int i = 0; i < 40 && lo == 0; i++) {
            double mid = 0.5 * hi;
            if (slope.applyAsDouble(mid) <= 0) lo = mid;
            else hi = mid;
        }
        return lo;
    }
}
