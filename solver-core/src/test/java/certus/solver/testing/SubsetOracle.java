package certus.solver.testing;

import certus.solver.LeastSquaresTerm;
import certus.solver.LinearExpression;
import certus.solver.Model;

/**
 * Brute-force optimum of a {@link TestModels#bestSubset} model: enumerate every support of size <= s, solve its
 * least-squares problem by normal equations (Gaussian elimination with partial pivoting), keep the best. Assumes
 * the unconstrained coefficients stay inside the big-M box (checked: returns NaN otherwise).
 */
public final class SubsetOracle {
    private SubsetOracle() {}

    public static double optimum(Model bestSubset, int p, int s) {
        LeastSquaresTerm t = bestSubset.objective().leastSquares().get(0);
        double bigM = bestSubset.variable(0).upper();
        int n = t.rows().size();
        double[][] x = new double[n][p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            LinearExpression r = t.rows().get(i);
            y[i] = r.constant();
            for (int k = 0; k < r.size(); k++) x[i][r.variable(k)] = -r.coefficient(k);
        }
        double best = Double.POSITIVE_INFINITY;
        for (int mask = 0; mask < (1 << p); mask++) {
            int k = Integer.bitCount(mask);
            if (k > s) continue;
            int[] cols = new int[k];
            for (int j = 0, c = 0; j < p; j++) if ((mask >> j & 1) == 1) cols[c++] = j;
            double[] beta = leastSquares(x, y, cols);
            double[] full = new double[2 * p];
            for (int c = 0; c < k; c++) {
                if (Math.abs(beta[c]) > bigM) return Double.NaN;
                full[cols[c]] = beta[c];
            }
            best = Math.min(best, t.evaluate(full));
        }
        return best;
    }

    private static double[] leastSquares(double[][] x, double[] y, int[] cols) {
        int k = cols.length;
        double[][] a = new double[k][k + 1];
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) for (double[] row : x) a[r][c] += row[cols[r]] * row[cols[c]];
            for (int i = 0; i < y.length; i++) a[r][k] += x[i][cols[r]] * y[i];
        }
        for (int c = 0; c < k; c++) {
            int piv = c;
            for (int r = c + 1; r < k; r++) if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) piv = r;
            double[] tmp = a[c]; a[c] = a[piv]; a[piv] = tmp;
            for (int r = c + 1; r < k; r++) {
                double f = a[r][c] / a[c][c];
                for (int j = c; j <= k; j++) a[r][j] -= f * a[c][j];
            }
        }
        double[] b = new double[k];
        for (int r = k - 1; r >= 0; r--) {
            double v = a[r][k];
            for (int j = r + 1; j < k; j++) v -= a[r][j] * b[j];
            b[r] = v / a[r][r];
        }
        return b;
    }
}
