package certus.estimators.sim;

import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.smtl.SmtlSolution;
import certus.tensor.DenseMatrix;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws a {@link Simulation} from a {@link SimulationDesign}. Deterministic for a seed: one SplittableRandom
 * root; the structure (supports, coefficients) and each task's training and test rows get their own split
 * stream, so asking for more test rows leaves the training rows unchanged.
 *
 * <p>Features follow the AR(1) recursion x_1 = e_1, x_j = rho x_{j-1} + sqrt(1 - rho^2) e_j, which has exactly
 * the covariance Sigma_ij = rho^|i-j| without forming or factoring Sigma.
 */
public final class Simulator {
    private Simulator() {}

    public static Simulation simulate(SimulationDesign d) {
        SplittableRandom root = new SplittableRandom(d.seed());
        SplittableRandom structure = root.split();
        int p = d.p();
        int kCount = d.tasks();
        boolean[][] support = drawSupports(d, structure);
        double[] mean = new double[p];
        for (int j = 0; j < p; j++) {
            double mag = SimulationDesign.MEAN_MAGNITUDE_LOW + (SimulationDesign.MEAN_MAGNITUDE_HIGH - SimulationDesign.MEAN_MAGNITUDE_LOW) * structure.nextDouble();
            mean[j] = structure.nextBoolean() ? mag : -mag;
        }
        double[][] beta = new double[kCount][p];
        double effectSd = Math.sqrt(d.betaVar());
        for (int k = 0; k < kCount; k++) {
            for (int j = 0; j < p; j++) {
                if (support[k][j]) beta[k][j] = mean[j] + effectSd * structure.nextGaussian();
            }
        }
        double[] intercepts = new double[kCount];
        double[] noiseVar = new double[kCount];
        for (int k = 0; k < kCount; k++) {
            if (d.noiseVar() != null) {
                noiseVar[k] = d.noiseVar();
            } else {
                double signal = signalVariance(beta[k], d.rho());
                if (signal <= 0) throw new IllegalArgumentException("task " + (k + 1) + " has no signal; an SNR cannot set its noise");
                noiseVar[k] = signal / d.snr();
            }
        }
        List<String> features = new ArrayList<>(p);
        for (int j = 1; j <= p; j++) features.add("x" + j);
        List<TaskData> train = new ArrayList<>(kCount);
        List<TaskData> test = new ArrayList<>(kCount);
        for (int k = 0; k < kCount; k++) {
            SplittableRandom trainRng = root.split();
            SplittableRandom testRng = root.split();
            String label = "task" + (k + 1);
            train.add(rows(label, d.n(), beta[k], intercepts[k], noiseVar[k], d.rho(), trainRng));
            if (d.testN() > 0) test.add(rows(label, d.testN(), beta[k], intercepts[k], noiseVar[k], d.rho(), testRng));
        }
        SmtlSolution truth = new SmtlSolution(intercepts, beta, support);
        return new Simulation(d, new MultiTaskData(features, train), d.testN() > 0 ? new MultiTaskData(features, test) : null,
                truth, noiseVar);
    }

    /** Common features drawn from all p; task-specific ones drawn without replacement from the rest (disjoint). */
    static boolean[][] drawSupports(SimulationDesign d, SplittableRandom rng) {
        if (d.poolSize() != null) return drawFromPool(d, rng);
        int[] perm = permutation(d.p(), rng);
        boolean[][] z = new boolean[d.tasks()][d.p()];
        int next = 0;
        for (int c = 0; c < d.common(); c++, next++) {
            for (boolean[] row : z) row[perm[next]] = true;
        }
        int specific = d.supportSize() - d.common();
        for (boolean[] row : z) {
            for (int c = 0; c < specific; c++, next++) row[perm[next]] = true;
        }
        return z;
    }

    /** smtl.md §8.1: each task draws its support from a pool of even-spaced indices; pool 0 = disjoint blocks. */
    private static boolean[][] drawFromPool(SimulationDesign d, SplittableRandom rng) {
        boolean[][] z = new boolean[d.tasks()][d.p()];
        int s = d.supportSize();
        for (int k = 0; k < d.tasks(); k++) {
            if (d.poolSize() == 0) {
                for (int i = 0; i < s; i++) z[k][2 * (k * s + i)] = true;
                continue;
            }
            int[] perm = permutation(d.poolSize(), rng);
            for (int i = 0; i < s; i++) z[k][2 * perm[i]] = true;
        }
        return z;
    }

    private static int[] permutation(int p, SplittableRandom rng) {
        int[] a = new int[p];
        for (int i = 0; i < p; i++) a[i] = i;
        for (int i = p - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    /** beta^T Sigma beta with Sigma_ij = rho^|i-j|, over the nonzeros only. */
    static double signalVariance(double[] beta, double rho) {
        double v = 0;
        for (int i = 0; i < beta.length; i++) {
            if (beta[i] == 0) continue;
            for (int j = 0; j < beta.length; j++) {
                if (beta[j] != 0) v += beta[i] * beta[j] * Math.pow(rho, Math.abs(i - j));
            }
        }
        return v;
    }

    private static TaskData rows(String label, int n, double[] beta, double intercept, double noiseVar, double rho,
                                 SplittableRandom rng) {
        int p = beta.length;
        double[] x = new double[n * p];
        double[] y = new double[n];
        double innovation = Math.sqrt(1 - rho * rho);
        double noiseSd = Math.sqrt(noiseVar);
        for (int i = 0; i < n; i++) {
            double prev = rng.nextGaussian();
            x[i] = prev;
            double eta = intercept + beta[0] * prev;
            for (int j = 1; j < p; j++) {
                prev = rho * prev + innovation * rng.nextGaussian();
                x[j * n + i] = prev;
                eta += beta[j] * prev;
            }
            y[i] = eta + noiseSd * rng.nextGaussian();
        }
        return new TaskData(label, DenseMatrix.fromColumnMajor(n, p, x), y);
    }
}
