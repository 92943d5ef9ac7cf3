package certus.estimators.tenmtl;

import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.estimators.glm.Family;
import certus.tensor.DenseMatrix;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Data from a known low-rank TenMTL model (tenmtl.md §6's reconstruction, scaled down): individuals in two clusters,
 * beta_i = U1 G^T [1, f_i] with R1 = 2 and a half-sparse U1, Gaussian noise (sd 1.5) or Bernoulli responses. Used by
 * the recovery tests and the ablation study so both measure the same thing.
 */
public final class TenMtlSimulator {
    private TenMtlSimulator() {}

    /** Training data, test data from the same individuals, and the true coefficients. */
    public record Synthetic(MultiTaskData train, MultiTaskData test, double[][] beta) {
        /** ||B_hat - B|| / ||B|| over all individuals. */
        public double relativeError(MultiTaskLinearModel m) {
            double e = 0;
            double t = 0;
            for (int i = 0; i < beta.length; i++) {
                double[] b = m.coefficients(i);
                for (int j = 0; j < b.length; j++) {
                    e += (b[j] - beta[i][j]) * (b[j] - beta[i][j]);
                    t += beta[i][j] * beta[i][j];
                }
            }
            return Math.sqrt(e / t);
        }
    }

    public static Synthetic simulate(long seed, int tasks, int p, int trainRows, int testRows, Family family) {
        return simulate(seed, tasks, p, trainRows, testRows, family, 1.0);
    }

    /**
     * As above with heterogeneity weight {@code betaU} (tenmtl.md §6's three scenarios use 0.1, 0.5, 1): individual
     * deviations f_i = betaU (c_i + N(0, 0.1^2)) with cluster centre c_i = +-1, so betaU = 1 is the default data set and
     * small betaU makes the individuals nearly alike.
     */
    public static Synthetic simulate(long seed, int tasks, int p, int trainRows, int testRows, Family family, double betaU) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] u1 = new double[p][2];
        for (double[] row : u1) for (int c = 0; c < 2; c++) row[c] = r.nextDouble() < 0.5 ? r.nextGaussian() : 0;
        double[][] g = {{1.0 + r.nextDouble(), -0.5 - r.nextDouble()}, {0.8 + r.nextDouble(), 0.8 + r.nextDouble()}};
        double[][] beta = new double[tasks][p];
        List<TaskData> train = new ArrayList<>();
        List<TaskData> test = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            double f = betaU * ((i % 2 == 0 ? 1 : -1) + 0.1 * r.nextGaussian()); // two clusters of individuals
            double[] a = {g[0][0] + f * g[1][0], g[0][1] + f * g[1][1]};
            for (int j = 0; j < p; j++) beta[i][j] = u1[j][0] * a[0] + u1[j][1] * a[1];
            double b = 0.5 * r.nextGaussian();
            train.add(rows(r, "s" + i, trainRows, beta[i], b, family));
            if (testRows > 0) test.add(rows(r, "s" + i, testRows, beta[i], b, family));
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < p; j++) names.add("x" + j);
        return new Synthetic(new MultiTaskData(names, train), testRows > 0 ? new MultiTaskData(names, test) : null, beta);
    }

    /**
     * Matrix predictors (tenmtl.md §6's tensor scenario, scaled down): X_it is P1 x P2 (features in row-major order),
     * B_i = U1 (G[0] + f_i G[1]) U2^T with R1 = R2 = 2, half-sparse U1 and U2, f_i = +-1 (two clusters) + N(0, 0.1^2).
     */
    public static Synthetic simulateMatrix(long seed, int tasks, int p1, int p2, int trainRows, int testRows, Family family) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] dims = {p1, p2};
        int[] ranks = {2, 2};
        double[][][] factors = {halfSparse(r, p1, 2), halfSparse(r, p2, 2)};
        double[][] core = new double[2][4];
        for (int q = 0; q < 4; q++) {
            core[0][q] = (r.nextDouble() < 0.5 ? -1 : 1) * (1.0 + r.nextDouble());
            core[1][q] = (r.nextDouble() < 0.5 ? -1 : 1) * (0.8 + r.nextDouble());
        }
        double[][] u0 = new double[tasks][];
        for (int i = 0; i < tasks; i++) u0[i] = new double[]{1.0, (i % 2 == 0 ? 1 : -1) + 0.1 * r.nextGaussian()};
        TuckerState truth = new TuckerState(dims, ranks, factors, core, u0, new double[tasks]);
        double[][] beta = new double[tasks][];
        List<TaskData> train = new ArrayList<>();
        List<TaskData> test = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            beta[i] = truth.beta(i);
            double b = 0.5 * r.nextGaussian();
            train.add(rows(r, "s" + i, trainRows, beta[i], b, family));
            if (testRows > 0) test.add(rows(r, "s" + i, testRows, beta[i], b, family));
        }
        List<String> names = new ArrayList<>();
        for (int a = 0; a < p1; a++) for (int c = 0; c < p2; c++) names.add("x" + a + "_" + c);
        return new Synthetic(new MultiTaskData(names, train), testRows > 0 ? new MultiTaskData(names, test) : null, beta);
    }

    private static double[][] halfSparse(SplittableRandom r, int rows, int cols) {
        double[][] u = new double[rows][cols];
        for (double[] row : u) for (int c = 0; c < cols; c++) row[c] = r.nextDouble() < 0.5 ? r.nextGaussian() : 0;
        return u;
    }

    private static TaskData rows(SplittableRandom r, String label, int n, double[] beta, double b, Family family) {
        int p = beta.length;
        double[][] x = new double[n][p];
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            double eta = b;
            for (int j = 0; j < p; j++) {
                x[t][j] = r.nextGaussian();
                eta += x[t][j] * beta[j];
            }
            y[t] = family == Family.GAUSSIAN ? eta + 1.5 * r.nextGaussian() : (r.nextDouble() < family.mean(eta) ? 1 : 0);
        }
        return new TaskData(label, DenseMatrix.fromRows(x), y);
    }
}
