package certus.smtl;

import certus.data.TaskData;
import certus.tensor.DenseMatrix;
import certus.tensor.SymmetricSolver;

/**
 * Exact minimizer of F over (b, B) for fixed supports z: a convex quadratic, solved in closed form.
 *
 * <p>The unpenalized intercept is eliminated by centering each task (b_k = ybar_k - xbar_k^T beta_k), leaving
 * per-task ridge systems {@code (G_k/n_k + ridge I) beta_k = c_k/n_k} on the support, with G_k = Xc^T Xc and
 * c_k = Xc^T yc. The Bbar term couples tasks only on shared features:
 * {@code bbar/2 sum_k ||beta_k - betabar||^2 = bbar/2 (sum_k ||beta_k||^2 - (1/K)||sum_k beta_k||^2)},
 * so the joint Hessian is block-diagonal plus {@code bbar (I - 11^T/K)} on coordinates that share a feature.
 * Systems are at most K*s in size. The Zbar term does not depend on (b, B) and is left to the caller.
 *
 * <p>Used by the heuristics (final refits), the brute-force enumerator (as the inner oracle) and the exact
 * engine's outer approximation (inner problems), so all three agree on the continuous part.
 */
public final class SupportRefitter {
    private SupportRefitter() {}

    /** Optimal (b, B) for the given supports; the returned solution carries exactly these supports. */
    public static SmtlSolution refit(SmtlProblem problem, boolean[][] supports) {
        int kCount = problem.taskCount();
        int p = problem.featureCount();
        int[][] idx = new int[kCount][];
        CenteredSystem[] systems = new CenteredSystem[kCount];
        for (int k = 0; k < kCount; k++) {
            idx[k] = SmtlSolution.indicesOf(supports[k]);
            systems[k] = CenteredSystem.of(problem.data().task(k), idx[k]);
        }
        double[][] betaOnSupport = problem.bbar() > 0 && kCount > 1
                ? solveCoupled(problem, idx, systems)
                : solveSeparate(problem, idx, systems);
        double[] intercepts = new double[kCount];
        double[][] beta = new double[kCount][p];
        for (int k = 0; k < kCount; k++) {
            double b = systems[k].yMean;
            for (int a = 0; a < idx[k].length; a++) {
                beta[k][idx[k][a]] = betaOnSupport[k][a];
                b -= systems[k].xMeans[a] * betaOnSupport[k][a];
            }
            intercepts[k] = b;
        }
        return new SmtlSolution(intercepts, beta, supports);
    }

    private static double[][] solveSeparate(SmtlProblem problem, int[][] idx, CenteredSystem[] systems) {
        double[][] out = new double[idx.length][];
        for (int k = 0; k < idx.length; k++) {
            int m = idx[k].length;
            double n = systems[k].rows;
            double[] h = new double[m * m];
            double[] rhs = new double[m];
            for (int a = 0; a < m; a++) {
                for (int c = 0; c < m; c++) h[a * m + c] = systems[k].gram[a * m + c] / n;
                h[a * m + a] += problem.ridge();
                rhs[a] = systems[k].xty[a] / n;
            }
            out[k] = SymmetricSolver.solvePsd(h, rhs, m);
        }
        return out;
    }

    private static double[][] solveCoupled(SmtlProblem problem, int[][] idx, CenteredSystem[] systems) {
        int kCount = idx.length;
        int[] offset = new int[kCount + 1];
        for (int k = 0; k < kCount; k++) offset[k + 1] = offset[k] + idx[k].length;
        int dim = offset[kCount];
        double[] h = new double[dim * dim];
        double[] rhs = new double[dim];
        double lam2 = problem.bbar();
        double coupling = lam2 / kCount;
        for (int k = 0; k < kCount; k++) {
            int m = idx[k].length;
            double n = systems[k].rows;
            for (int a = 0; a < m; a++) {
                int row = offset[k] + a;
                for (int c = 0; c < m; c++) h[row * dim + offset[k] + c] = systems[k].gram[a * m + c] / n;
                h[row * dim + row] += problem.ridge() + lam2;
                rhs[row] = systems[k].xty[a] / n;
                for (int l = 0; l < kCount; l++) {
                    int pos = java.util.Arrays.binarySearch(idx[l], idx[k][a]);
                    if (pos >= 0) h[row * dim + offset[l] + pos] -= coupling;
                }
            }
        }
        double[] x = SymmetricSolver.solvePsd(h, rhs, dim);
        double[][] out = new double[kCount][];
        for (int k = 0; k < kCount; k++) out[k] = java.util.Arrays.copyOfRange(x, offset[k], offset[k + 1]);
        return out;
    }

    /** Centered Gram matrix and cross-products of one task restricted to a support. */
    private record CenteredSystem(int rows, double yMean, double[] xMeans, double[] gram, double[] xty) {
        static CenteredSystem of(TaskData t, int[] idx) {
            int n = t.rows();
            int m = idx.length;
            DenseMatrix x = t.x();
            double[] y = t.y();
            double yMean = t.responseMean();
            for (int i = 0; i < n; i++) y[i] -= yMean;
            double[][] cols = new double[m][];
            double[] means = new double[m];
            for (int a = 0; a < m; a++) {
                cols[a] = x.column(idx[a]);
                means[a] = x.columnMean(idx[a]);
                for (int i = 0; i < n; i++) cols[a][i] -= means[a];
            }
            double[] gram = new double[m * m];
            double[] xty = new double[m];
            for (int a = 0; a < m; a++) {
                xty[a] = certus.tensor.VectorOps.dot(cols[a], y);
                for (int c = a; c < m; c++) {
                    double v = certus.tensor.VectorOps.dot(cols[a], cols[c]);
                    gram[a * m + c] = v;
                    gram[c * m + a] = v;
                }
            }
            return new CenteredSystem(n, yMean, means, gram, xty);
        }
    }
}
