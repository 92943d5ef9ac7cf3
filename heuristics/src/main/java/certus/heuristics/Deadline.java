package certus.heuristics;

/**
 * Wall-clock budget shared by every loop of one fit or path. Checked with System.nanoTime, which is monotonic,
 * so a clock change cannot stop or extend a fit.
 */
final class Deadline {
    private final long start = System.nanoTime();
    private final long end;

    Deadline(double seconds) {
        long budget = Double.isInfinite(seconds) || seconds > 1e9 ? Long.MAX_VALUE / 4 : (long) (seconds * 1e9);
        this.end = start + budget;
    }

    boolean expired() {
        return System.nanoTime() - end >= 0;
    }

    double elapsedSeconds() {
        return (System.nanoTime() - start) * 1e-9;
    }
}
