package certus.estimators.dualenc;

import certus.tensor.DenseMatrix;

/**
 * The orthogonality penalty of dualencoder.md §2 for one task: P(S, C) = ||S̄ᵀ C̄||_F^2 / n^2, where S (n x q) and
 * C (n x p) are the task-specific and shared latents of the task's n samples and the bar means column-centered and
 * divided by (sd + eps), sd the population standard deviation over the n rows. S̄ᵀC̄ / n is then the matrix of
 * Pearson correlations between latent columns, so P is a sum of squared correlations: scale-free (the encoders cannot
 * lower it by shrinking their outputs) and independent of n. [RECON: sd + eps rather than sqrt(var + eps); 1/n sd.]
 *
 * <p>A constant latent column becomes all zeros after centering; it then contributes nothing to P and, because its
 * row of S̄ᵀC̄ is zero, receives zero gradient (the 1/eps factor never meets a nonzero upstream gradient).
 */
public final class OrthogonalityPenalty {
    /** Spec §2: guard on the column sd, small against the O(1) latent scales of He-initialized encoders. */
    public static final double EPS = 1e-8;

    /** P and its gradients with respect to the raw latents (n x q and n x p). */
    public record Result(double value, DenseMatrix gradS, DenseMatrix gradC) {}

    private OrthogonalityPenalty() {}

    public static double value(DenseMatrix s, DenseMatrix c) {
        return evaluate(s, c, false).value();
    }

    /** Value and gradients. Not modified: s, c. */
    public static Result evaluate(DenseMatrix s, DenseMatrix c) {
        return evaluate(s, c, true);
    }

    private static Result evaluate(DenseMatrix s, DenseMatrix c, boolean wantGradient) {
        int n = s.rows();
        if (c.rows() != n) throw new IllegalArgumentException("S has " + n + " rows, C has " + c.rows());
        int q = s.cols(), p = c.cols();
        double[] sd = new double[q], cd = new double[p];
        double[] sBar = normalize(s, sd), cBar = normalize(c, cd);
        double[] m = new double[q * p]; // M = S̄ᵀC̄, row-major j*p + k
        double value = 0;
        for (int j = 0; j < q; j++) {
            for (int k = 0; k < p; k++) {
                double dot = 0;
                for (int i = 0; i < n; i++) dot += sBar[j * n + i] * cBar[k * n + i];
                m[j * p + k] = dot;
                value += dot * dot;
            }
        }
        double n2 = (double) n * n;
        value /= n2;
        if (!wantGradient) return new Result(value, null, null);
        // dP/dS̄ = 2 C̄ Mᵀ / n^2, dP/dC̄ = 2 S̄ M / n^2
        double[] gS = new double[n * q], gC = new double[n * p];
        for (int j = 0; j < q; j++) {
            for (int k = 0; k < p; k++) {
                double f = 2 * m[j * p + k] / n2;
                if (f == 0) continue;
                for (int i = 0; i < n; i++) {
                    gS[j * n + i] += f * cBar[k * n + i];
                    gC[k * n + i] += f * sBar[j * n + i];
                }
            }
        }
        backThroughNormalization(gS, sBar, sd, n, q);
        backThroughNormalization(gC, cBar, cd, n, p);
        return new Result(value, DenseMatrix.fromColumnMajor(n, q, gS), DenseMatrix.fromColumnMajor(n, p, gC));
    }

    /** Column-centered, divided by (sd + EPS); sd filled with each column's population sd. Column-major result. */
    private static double[] normalize(DenseMatrix a, double[] sd) {
        int n = a.rows();
        double[] out = a.toColumnMajor();
        for (int j = 0; j < a.cols(); j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) mean += out[j * n + i];
            mean /= n;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                out[j * n + i] -= mean;
                ss += out[j * n + i] * out[j * n + i];
            }
            sd[j] = Math.sqrt(ss / n);
            double inv = 1.0 / (sd[j] + EPS);
            for (int i = 0; i < n; i++) out[j * n + i] *= inv;
        }
        return out;
    }

    /**
     * Turns dP/dX̄ (in place, column-major) into dP/dX. With c = x - mean, s = ||c||/sqrt(n), x̄ = c/(s + eps):
     * dP/dc = G/(s + eps) - (Gᵀc) c / ((s + eps)^2 n s), then dP/dx = dP/dc minus its mean. Since c = (s + eps) x̄,
     * Gᵀc c = (s + eps)^2 (Gᵀx̄) x̄, which avoids recomputing c.
     */
    private static void backThroughNormalization(double[] g, double[] bar, double[] sd, int n, int cols) {
        for (int j = 0; j < cols; j++) {
            int o = j * n;
            double inv = 1.0 / (sd[j] + EPS);
            double gDotBar = 0;
            for (int i = 0; i < n; i++) gDotBar += g[o + i] * bar[o + i];
            double corr = sd[j] > 0 ? gDotBar / (n * sd[j]) : 0.0; // sd = 0: bar = 0, the term vanishes
            double mean = 0;
            for (int i = 0; i < n; i++) {
                g[o + i] = g[o + i] * inv - corr * bar[o + i];
                mean += g[o + i];
            }
            mean /= n;
            for (int i = 0; i < n; i++) g[o + i] -= mean;
        }
    }
}
