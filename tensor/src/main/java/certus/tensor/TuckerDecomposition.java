package certus.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Truncated HOSVD and HOOI (higher-order orthogonal iteration), Kolda &amp; Bader (2009) §4.2, with orthonormal
 * factors. With orthonormal factors the core is X x_n U_n^T over all modes and the fit error satisfies
 * ||X - [[G; U]]||^2 = ||X||^2 - ||G||^2, so HOOI, which maximizes ||G|| one factor at a time, never increases it.
 */
public final class TuckerDecomposition {
    private TuckerDecomposition() {}

    /** Leading R_n left singular vectors of each unfolding, core by projection. */
    public static Tucker hosvd(DenseTensor x, int... ranks) {
        checkRanks(x, ranks);
        List<DenseMatrix> factors = new ArrayList<>();
        for (int n = 0; n < x.order(); n++) factors.add(MatrixOps.leadingLeftSingularVectors(x.unfold(n), ranks[n]));
        return new Tucker(project(x, factors, -1), factors);
    }

    /**
     * HOOI from the truncated HOSVD: each sweep replaces U_n by the leading R_n left singular vectors of
     * X x_{m != n} U_m^T. Stops when the relative decrease of the fit error is below {@code tolerance} or after
     * {@code maxSweeps}.
     */
    public static Result hooi(DenseTensor x, int maxSweeps, double tolerance, int... ranks) {
        Tucker t = hosvd(x, ranks);
        List<Double> errors = new ArrayList<>();
        errors.add(error(x, t));
        List<DenseMatrix> factors = new ArrayList<>(t.factors());
        for (int sweep = 0; sweep < maxSweeps; sweep++) {
            for (int n = 0; n < x.order(); n++) {
                DenseTensor y = project(x, factors, n);
                factors.set(n, MatrixOps.leadingLeftSingularVectors(y.unfold(n), ranks[n]));
            }
            t = new Tucker(project(x, factors, -1), factors);
            double e = error(x, t);
            double previous = errors.get(errors.size() - 1);
            errors.add(e);
            if (previous - e <= tolerance * Math.max(previous, 1e-300)) break;
        }
        return new Result(t, List.copyOf(errors));
    }

    /** ||X - [[G; U]]||, the Frobenius fit error. */
    public static double error(DenseTensor x, Tucker t) {
        return x.minus(t.reconstruct()).norm();
    }

    /** X x_m U_m^T over every mode m except {@code skip} (-1: all modes). */
    private static DenseTensor project(DenseTensor x, List<DenseMatrix> factors, int skip) {
        DenseTensor y = x;
        for (int m = 0; m < x.order(); m++) {
            if (m != skip) y = y.modeProduct(m, MatrixOps.transpose(factors.get(m)));
        }
        return y;
    }

    private static void checkRanks(DenseTensor x, int[] ranks) {
        if (ranks.length != x.order()) {
            throw new IllegalArgumentException("need " + x.order() + " ranks, got " + Arrays.toString(ranks));
        }
        for (int n = 0; n < ranks.length; n++) {
            if (ranks[n] < 1 || ranks[n] > x.dimension(n)) {
                throw new IllegalArgumentException("rank " + ranks[n] + " for mode " + n + " of dimension " + x.dimension(n));
            }
        }
    }

    /**
     * @param tucker the final decomposition
     * @param errors fit error after the HOSVD start and after each sweep (non-increasing up to rounding)
     */
    public record Result(Tucker tucker, List<Double> errors) {}
}
