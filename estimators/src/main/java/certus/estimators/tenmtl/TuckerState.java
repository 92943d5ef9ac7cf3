package certus.estimators.tenmtl;

import certus.tensor.TensorKernels;

/**
 * The mutable factors of one TenMTL fit and each block's explicit design row (tenmtl.md §1, §3), for predictors of any
 * order M (a vector is M = 1). Task i's coefficient tensor is
 * <pre>
 *   B_i = M_i x_1 U_1 ... x_M U_M,   M_i = G x_0 u0_i^T = sum_a u0_i[a] G[a, ...]   (R_1 x ... x R_M)
 * </pre>
 * and the linear predictor b_i + &lt;X, B_i&gt; is linear in each block, so every block update is a GLM whose design row
 * is built here:
 * <ul>
 *   <li>U_m: vec(Z_(m) M_i(m)^T) with Z = X x_{n != m} U_n^T (for M = 1: kron(G^T u0_i, x));</li>
 *   <li>G: u0_i (outer) H with H = X x_1 U_1^T ... x_M U_M^T;</li>
 *   <li>u0_i[a]: &lt;H, G[a, ...]&gt;.</li>
 * </ul>
 * Layouts: U_m is P_m x R_m (rows), vectorized column-major (index r P_m + j), as the Lasso's coefficient vector; the
 * core is kept as R0 rows, row a = G[a, ...] in row-major order, vectorized row after row. Observations and B_i are
 * row-major flattenings of P_1 x ... x P_M.
 */
final class TuckerState {
    final int[] featureDims;
    final int[] featureRanks;
    double[][][] factors;
    double[][] core;
    double[][] u0;
    double[] b;

    TuckerState(int[] featureDims, int[] featureRanks, double[][][] factors, double[][] core, double[][] u0, double[] b) {
        this.featureDims = featureDims;
        this.featureRanks = featureRanks;
        this.factors = factors;
        this.core = core;
        this.u0 = u0;
        this.b = b;
    }

    TuckerState copy() {
        double[][][] f = new double[factors.length][][];
        for (int m = 0; m < f.length; m++) f[m] = deep(factors[m]);
        return new TuckerState(featureDims, featureRanks, f, deep(core), deep(u0), b.clone());
    }

    /** Takes over every block of {@code other}. */
    void set(TuckerState other) {
        factors = other.factors;
        core = other.core;
        u0 = other.u0;
        b = other.b;
    }

    int order() {
        return featureDims.length;
    }

    int taskRank() {
        return core.length;
    }

    /** M_i = sum_a u0_i[a] G[a, ...], row-major R_1 x ... x R_M. */
    double[] loading(int i) {
        double[] m = new double[core[0].length];
        for (int a = 0; a < core.length; a++) {
            double w = u0[i][a];
            if (w == 0) continue;
            for (int q = 0; q < m.length; q++) m[q] += w * core[a][q];
        }
        return m;
    }

    /** H = X x_1 U_1^T ... x_M U_M^T (R_1 x ... x R_M). */
    double[] project(double[] x) {
        return projectExcept(x, -1);
    }

    /** X x_n U_n^T over every feature mode n except {@code skip}; returns the row-major result. */
    private double[] projectExcept(double[] x, int skip) {
        int[] shape = featureDims.clone();
        double[] y = x;
        for (int m = 0; m < order(); m++) {
            if (m == skip) continue;
            y = TensorKernels.modeMultiplyTransposed(y, shape, m, factors[m]);
            shape[m] = featureRanks[m];
        }
        return y;
    }

    /** B_i (row-major P_1 x ... x P_M, i.e. the coefficients of the data row's features). */
    double[] beta(int i) {
        int[] shape = featureRanks.clone();
        double[] y = loading(i);
        for (int m = 0; m < order(); m++) {
            y = TensorKernels.modeMultiply(y, shape, m, factors[m]);
            shape[m] = featureDims[m];
        }
        return y;
    }

    /** Design row of the U_m block (length P_m R_m, matching {@link #vecFactor}). */
    void factorRow(int m, int i, double[] x, double[] row) {
        int[] zShape = featureRanks.clone();
        zShape[m] = featureDims[m];
        double[][] c = TensorKernels.modeGram(projectExcept(x, m), zShape, loading(i), featureRanks, m);
        int p = featureDims[m];
        for (int r = 0; r < featureRanks[m]; r++) for (int j = 0; j < p; j++) row[r * p + j] = c[j][r];
    }

    double[] vecFactor(int m) {
        int p = featureDims[m];
        double[] v = new double[p * featureRanks[m]];
        for (int r = 0; r < featureRanks[m]; r++) for (int j = 0; j < p; j++) v[r * p + j] = factors[m][j][r];
        return v;
    }

    /** The inverse of {@link #vecFactor}. */
    void unvecFactor(int m, double[] v) {
        int p = featureDims[m];
        for (int r = 0; r < featureRanks[m]; r++) for (int j = 0; j < p; j++) factors[m][j][r] = v[r * p + j];
    }

    /** Design row of the core block: u0_i (outer) H, matching {@link #vecCore}. */
    void coreRow(int i, double[] x, double[] row) {
        double[] h = project(x);
        for (int a = 0; a < core.length; a++) {
            double w = u0[i][a];
            for (int q = 0; q < h.length; q++) row[a * h.length + q] = w * h[q];
        }
    }

    double[] vecCore() {
        int w = core[0].length;
        double[] v = new double[core.length * w];
        for (int a = 0; a < core.length; a++) System.arraycopy(core[a], 0, v, a * w, w);
        return v;
    }

    /** The inverse of {@link #vecCore}. */
    void unvecCore(double[] v) {
        int w = core[0].length;
        for (int a = 0; a < core.length; a++) System.arraycopy(v, a * w, core[a], 0, w);
    }

    /** &lt;H, G[a, ...]&gt; for every a: the task block's design row (all R0 columns) given H = {@link #project}(x). */
    double[] taskRow(double[] h) {
        double[] row = new double[core.length];
        for (int a = 0; a < core.length; a++) {
            double s = 0;
            for (int q = 0; q < h.length; q++) s += core[a][q] * h[q];
            row[a] = s;
        }
        return row;
    }

    static double[][] deep(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }
}
