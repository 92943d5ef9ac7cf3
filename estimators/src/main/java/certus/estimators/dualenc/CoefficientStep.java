package certus.estimators.dualenc;

import certus.tensor.DenseMatrix;

/**
 * The coefficient step of dualencoder.md §3b for one task with frozen latents H (n x q) and Z (n x p): proximal
 * gradient on (1/n)||y - c - H alpha - Z beta||^2 + λ_α pen(alpha - alphabar) + λ_β pen(beta - betabar), pen = ||·||
 * or ||·||^2 ({@link GroupProx}). Step 1/L with L = 2 σ_max([1, H, Z])^2 / n, the Lipschitz constant of the loss
 * gradient; power iteration may underestimate σ_max slightly, which is harmless because the objective still
 * decreases for any step below 2/L.
 */
final class CoefficientStep {
    private static final int POWER_ITERATIONS = 300;
    /** Power iteration stops when the Rayleigh quotient changes by less than this relative amount. */
    private static final double POWER_TOLERANCE = 1e-12;

    private CoefficientStep() {}

    /** Task r's penalty weights and penalty form. */
    record Penalty(double alphaWeight, double betaWeight, boolean squared) {}

    /** Runs {@code steps} iterations on task r. Modified: coef's intercept, alpha and beta of task r. */
    static void run(DenseMatrix h, DenseMatrix z, double[] y, Coefficients coef, int r, Penalty pen, int steps) {
        if (steps == 0) return;
        int n = y.length, q = coef.q(), p = coef.p();
        double lipschitz = 2 * largestGramEigenvalue(h, z) / n;
        double eta = 1.0 / lipschitz;
        double[] hg = new double[q], zg = new double[p];
        double[] ua = new double[q], ub = new double[p];
        for (int it = 0; it < steps; it++) {
            double[] e = coef.predict(r, h, z);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                e[i] = y[i] - e[i];
                sum += e[i];
            }
            h.transposeTimesInto(e, hg);
            z.transposeTimesInto(e, zg);
            double g = -2.0 / n;
            coef.intercept[r] -= eta * g * sum;
            for (int k = 0; k < q; k++) ua[k] = coef.alpha[r][k] - eta * g * hg[k] - coef.alphaBar[k];
            for (int k = 0; k < p; k++) ub[k] = coef.beta[r][k] - eta * g * zg[k] - coef.betaBar[k];
            double[] da = GroupProx.prox(ua, eta * pen.alphaWeight(), pen.squared());
            double[] db = GroupProx.prox(ub, eta * pen.betaWeight(), pen.squared());
            for (int k = 0; k < q; k++) coef.alpha[r][k] = coef.alphaBar[k] + da[k];
            for (int k = 0; k < p; k++) coef.beta[r][k] = coef.betaBar[k] + db[k];
        }
    }

    /** Task r's objective of this step (loss plus both penalties). */
    static double objective(DenseMatrix h, DenseMatrix z, double[] y, Coefficients coef, int r, Penalty pen) {
        double[] f = coef.predict(r, h, z);
        double sse = 0;
        for (int i = 0; i < y.length; i++) sse += (y[i] - f[i]) * (y[i] - f[i]);
        double[] da = new double[coef.q()], db = new double[coef.p()];
        for (int k = 0; k < da.length; k++) da[k] = coef.alpha[r][k] - coef.alphaBar[k];
        for (int k = 0; k < db.length; k++) db[k] = coef.beta[r][k] - coef.betaBar[k];
        return sse / y.length + pen.alphaWeight() * GroupProx.penalty(da, pen.squared())
                + pen.betaWeight() * GroupProx.penalty(db, pen.squared());
    }

    /** σ_max([1, H, Z])^2 as the top eigenvalue of the (1+q+p)^2 Gram matrix, by power iteration. */
    static double largestGramEigenvalue(DenseMatrix h, DenseMatrix z) {
        double[] gram = gram(h, z);
        int m = 1 + h.cols() + z.cols();
        double[] v = new double[m];
        java.util.Arrays.fill(v, 1.0 / Math.sqrt(m));
        double[] w = new double[m];
        double rayleigh = 0;
        for (int it = 0; it < POWER_ITERATIONS; it++) {
            java.util.Arrays.fill(w, 0.0);
            for (int j = 0; j < m; j++) for (int i = 0; i < m; i++) w[i] += gram[j * m + i] * v[j];
            double next = 0, norm = 0;
            for (int i = 0; i < m; i++) {
                next += v[i] * w[i];
                norm += w[i] * w[i];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < m; i++) v[i] = w[i] / norm;
            boolean done = Math.abs(next - rayleigh) <= POWER_TOLERANCE * next;
            rayleigh = next;
            if (done) break;
        }
        return rayleigh;
    }

    /** [1, H, Z]ᵀ[1, H, Z], column-major (symmetric). */
    static double[] gram(DenseMatrix h, DenseMatrix z) {
        int n = h.rows(), q = h.cols(), p = z.cols(), m = 1 + q + p;
        double[][] cols = new double[m][];
        cols[0] = new double[n];
        java.util.Arrays.fill(cols[0], 1.0);
        for (int k = 0; k < q; k++) cols[1 + k] = h.column(k);
        for (int k = 0; k < p; k++) cols[1 + q + k] = z.column(k);
        double[] g = new double[m * m];
        for (int a = 0; a < m; a++) {
            for (int b = a; b < m; b++) {
                double s = 0;
                for (int i = 0; i < n; i++) s += cols[a][i] * cols[b][i];
                g[a * m + b] = s;
                g[b * m + a] = s;
            }
        }
        return g;
    }
}
