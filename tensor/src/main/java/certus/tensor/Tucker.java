package certus.tensor;

import java.util.List;

/**
 * A Tucker decomposition [[G; U_0, ..., U_{N-1}]]: core G (R_0 x ... x R_{N-1}) and factors U_n (I_n x R_n), so that
 * X = G x_0 U_0 x_1 U_1 ... x_{N-1} U_{N-1}.
 */
public record Tucker(DenseTensor core, List<DenseMatrix> factors) {
    public Tucker {
        factors = List.copyOf(factors);
        if (factors.size() != core.order()) {
            throw new IllegalArgumentException("a core of order " + core.order() + " needs " + core.order() + " factors, got " + factors.size());
        }
        for (int n = 0; n < factors.size(); n++) {
            if (factors.get(n).cols() != core.dimension(n)) {
                throw new IllegalArgumentException("factor " + n + " has " + factors.get(n).cols() + " columns but the core's mode " + n
                        + " has dimension " + core.dimension(n));
            }
        }
    }

    /** The full tensor G x_0 U_0 ... x_{N-1} U_{N-1}. */
    public DenseTensor reconstruct() {
        DenseTensor t = core;
        for (int n = 0; n < factors.size(); n++) t = t.modeProduct(n, factors.get(n));
        return t;
    }

    public int[] ranks() {
        return core.shape();
    }
}
