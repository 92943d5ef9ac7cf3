package certus.estimators.dualenc;

import certus.tensor.DenseMatrix;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** dualencoder.md §2 and §7.4: value = sum of squared correlations, exact gradient, scale invariance, zero when orthogonal. */
class OrthogonalityPenaltyTest {

    private static double[] gaussian(SplittableRandom r, int len, double offset) {
        double[] v = new double[len];
        for (int i = 0; i < len; i++) v[i] = offset + r.nextGaussian();
        return v;
    }

    private static DenseMatrix randomMatrix(SplittableRandom r, int n, int cols) {
        return DenseMatrix.fromColumnMajor(n, cols, gaussian(r, n * cols, 0.5));
    }

    private static double pearson(double[] a, double[] b) {
        int n = a.length;
        double ma = 0, mb = 0;
        for (int i = 0; i < n; i++) { ma += a[i]; mb += b[i]; }
        ma /= n; mb /= n;
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < n; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    @Property(tries = 100)
    void valueIsTheSumOfSquaredPearsonCorrelations(@ForAll @IntRange(min = 3, max = 30) int n, @ForAll @IntRange(min = 1, max = 5) int q,
                                                   @ForAll @IntRange(min = 1, max = 6) int p, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        DenseMatrix s = randomMatrix(r, n, q), c = randomMatrix(r, n, p);
        double expected = 0;
        for (int j = 0; j < q; j++) for (int k = 0; k < p; k++) expected += Math.pow(pearson(s.column(j), c.column(k)), 2);
        // eps = 1e-8 against sds of order 1 perturbs the value by ~1e-8 relative
        assertEquals(expected, OrthogonalityPenalty.value(s, c), 1e-6 * (1 + expected));
    }

    /**
     * n >= 3: with two rows every correlation is +-1, the penalty is constant but for the eps smoothing, and its
     * gradient is then the smoothing's, whose curvature defeats central differences (seed 347, n = 2: 6e-5 relative).
     */
    @Property(tries = 100)
    void gradientMatchesCentralDifferences(@ForAll @IntRange(min = 3, max = 10) int n, @ForAll @IntRange(min = 1, max = 4) int q,
                                           @ForAll @IntRange(min = 1, max = 5) int p, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] s = gaussian(r, n * q, 0.5), c = gaussian(r, n * p, -0.3);
        OrthogonalityPenalty.Result res = OrthogonalityPenalty.evaluate(DenseMatrix.fromColumnMajor(n, q, s), DenseMatrix.fromColumnMajor(n, p, c));
        double h = 1e-6;
        double[] gs = res.gradS().toColumnMajor(), gc = res.gradC().toColumnMajor();
        for (int which = 0; which < 2; which++) {
            double[] x = which == 0 ? s : c;
            double[] g = which == 0 ? gs : gc;
            for (int i = 0; i < x.length; i++) {
                double keep = x[i];
                x[i] = keep + h;
                double up = OrthogonalityPenalty.value(DenseMatrix.fromColumnMajor(n, q, s), DenseMatrix.fromColumnMajor(n, p, c));
                x[i] = keep - h;
                double down = OrthogonalityPenalty.value(DenseMatrix.fromColumnMajor(n, q, s), DenseMatrix.fromColumnMajor(n, p, c));
                x[i] = keep;
                double fd = (up - down) / (2 * h);
                // central differences: truncation O(h^2 * third derivative) plus rounding ~1e-16/h = 1e-10
                assertEquals(fd, g[i], 1e-5 * (1 + Math.abs(fd)), (which == 0 ? "S" : "C") + " entry " + i);
            }
        }
    }

    @Property(tries = 100)
    void invariantToRescalingAndShiftingLatentColumns(@ForAll @IntRange(min = 3, max = 30) int n, @ForAll @IntRange(min = 1, max = 5) int q,
                                                      @ForAll @IntRange(min = 1, max = 6) int p, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        DenseMatrix s = randomMatrix(r, n, q), c = randomMatrix(r, n, p);
        double[] fs = new double[q], fc = new double[p];
        for (int j = 0; j < q; j++) fs[j] = (r.nextBoolean() ? 1 : -1) * Math.exp(2 * Math.max(-3, Math.min(3, r.nextGaussian())));
        for (int k = 0; k < p; k++) fc[k] = (r.nextBoolean() ? 1 : -1) * Math.exp(2 * Math.max(-3, Math.min(3, r.nextGaussian())));
        double[] shifted = c.scaleColumns(fc).toColumnMajor();
        for (int i = 0; i < shifted.length; i++) shifted[i] += 3.0 * (i / n); // a different constant per column
        double before = OrthogonalityPenalty.value(s, c);
        double after = OrthogonalityPenalty.value(s.scaleColumns(fs), DenseMatrix.fromColumnMajor(n, p, shifted));
        // only eps breaks the invariance: scales in [e^-6, e^6] keep eps/sd below ~1e-5 relative
        assertEquals(before, after, 1e-3 * (1 + before));
    }

    @Property(tries = 100)
    void zeroWhenCenteredColumnsAreOrthogonal(@ForAll @IntRange(min = 3, max = 20) int extra, @ForAll @IntRange(min = 1, max = 4) int q,
                                              @ForAll @IntRange(min = 1, max = 5) int p, @ForAll long seed) {
        int n = q + p + extra;
        SplittableRandom r = new SplittableRandom(seed);
        // Gram-Schmidt on [1, random columns]: the random columns become centered and mutually orthogonal
        double[][] cols = new double[q + p + 1][];
        cols[0] = new double[n];
        java.util.Arrays.fill(cols[0], 1.0);
        for (int j = 1; j < cols.length; j++) {
            double[] v = gaussian(r, n, 0);
            for (int l = 0; l < j; l++) {
                double dot = 0, nn = 0;
                for (int i = 0; i < n; i++) { dot += v[i] * cols[l][i]; nn += cols[l][i] * cols[l][i]; }
                for (int i = 0; i < n; i++) v[i] -= dot / nn * cols[l][i];
            }
            cols[j] = v;
        }
        double[][] sc = new double[q][], cc = new double[p][];
        for (int j = 0; j < q; j++) { sc[j] = cols[1 + j].clone(); for (int i = 0; i < n; i++) sc[j][i] = 5 * sc[j][i] + j; }
        for (int k = 0; k < p; k++) { cc[k] = cols[1 + q + k].clone(); for (int i = 0; i < n; i++) cc[k][i] = 0.2 * cc[k][i] - k; }
        OrthogonalityPenalty.Result res = OrthogonalityPenalty.evaluate(DenseMatrix.fromColumns(n, sc), DenseMatrix.fromColumns(n, cc));
        assertTrue(res.value() < 1e-20, "value " + res.value());
        for (double g : res.gradS().toColumnMajor()) assertEquals(0.0, g, 1e-9);
        for (double g : res.gradC().toColumnMajor()) assertEquals(0.0, g, 1e-9);
    }

    @Property(tries = 50)
    void constantColumnContributesNothingAndGetsZeroGradient(@ForAll @IntRange(min = 3, max = 20) int n, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] sc = {gaussian(r, n, 0), new double[n]};
        java.util.Arrays.fill(sc[1], 2.5);
        DenseMatrix c = randomMatrix(r, n, 3);
        OrthogonalityPenalty.Result res = OrthogonalityPenalty.evaluate(DenseMatrix.fromColumns(n, sc), c);
        assertEquals(OrthogonalityPenalty.value(DenseMatrix.fromColumns(n, new double[][]{sc[0]}), c), res.value(), 1e-15);
        for (int i = 0; i < n; i++) assertEquals(0.0, res.gradS().get(i, 1), 0.0);
    }
}
