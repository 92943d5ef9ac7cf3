package certus.estimators.dualenc;

import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.tensor.DenseMatrix;
import certus.tensor.nn.Activation;
import certus.tensor.nn.Mlp;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Data with controlled distribution and posterior heterogeneity (dualencoder.md §5 [RECON]): R tasks, d features,
 * X_r ~ N(mu_r, Sigma) with AR(1) correlation rho = 0.5 and a task-specific mean shift mu_r = deltaX on the features
 * j = r (mod R) (covariate shift); y = h_r(x)^T a_r + g(x)^T b_r + eps with a shared signal g (a fixed random tanh
 * network, 8 outputs) and a task signal h_r (a task-specific random tanh network, 4 outputs), a_r ~ N(0, I),
 * b_r = b0 + deltaY u_r (posterior drift; b0, u_r ~ N(0, I)), eps ~ N(0, 1). The random networks are
 * {@link Mlp}s with one hidden tanh layer of width 16 whose outputs are squashed by tanh, so every signal coordinate
 * lies in (-1, 1).
 */
public final class HeterogeneitySimulator {
    static final int SHARED_OUTPUTS = 8;
    static final int TASK_OUTPUTS = 4;
    private static final int HIDDEN = 16;
    private static final double RHO = 0.5;

    private HeterogeneitySimulator() {}

    /**
     * @param train       training data (n_r rows per task)
     * @param test        test data from the same tasks
     * @param testMean    the noiseless E[y | x] of every test row (per task), for the oracle error
     */
    public record Synthetic(MultiTaskData train, MultiTaskData test, double[][] testMean) {
        /** The Bayes test MSE (noise variance 1) would be 1; this is the test MSE of predicting E[y | x] exactly. */
        public double oracleMse() {
            double s = 0;
            int n = 0;
            for (int r = 0; r < testMean.length; r++) {
                TaskData t = test.task(r);
                for (int i = 0; i < t.rows(); i++, n++) s += Math.pow(t.y(i) - testMean[r][i], 2);
            }
            return s / n;
        }
    }

    /** One replicate: {@code tasks} tasks, {@code d} features, {@code trainRows} / {@code testRows} rows per task. */
    public static Synthetic simulate(long seed, int tasks, int d, int trainRows, int testRows, double deltaX, double deltaY) {
        SplittableRandom r = new SplittableRandom(seed);
        Mlp shared = Mlp.of(d, new int[]{HIDDEN}, SHARED_OUTPUTS, Activation.TANH);
        double[] sharedParams = shared.initialParameters(r.nextLong());
        double[] b0 = gaussian(r, SHARED_OUTPUTS);
        List<TaskData> train = new ArrayList<>();
        List<TaskData> test = new ArrayList<>();
        double[][] testMean = new double[tasks][];
        for (int t = 0; t < tasks; t++) {
            Mlp own = Mlp.of(d, new int[]{HIDDEN}, TASK_OUTPUTS, Activation.TANH);
            double[] ownParams = own.initialParameters(r.nextLong());
            double[] a = gaussian(r, TASK_OUTPUTS);
            double[] u = gaussian(r, SHARED_OUTPUTS);
            double[] b = new double[SHARED_OUTPUTS];
            for (int k = 0; k < b.length; k++) b[k] = b0[k] + deltaY * u[k];
            double[] mu = new double[d];
            for (int j = t; j < d; j += tasks) mu[j] = deltaX;
            String label = "task" + (t + 1);
            double[][] xTrain = features(r, trainRows, mu);
            double[] meanTrain = mean(shared, sharedParams, b, own, ownParams, a, xTrain);
            train.add(new TaskData(label, DenseMatrix.fromRows(xTrain), noisy(r, meanTrain)));
            double[][] xTest = features(r, testRows, mu);
            testMean[t] = mean(shared, sharedParams, b, own, ownParams, a, xTest);
            test.add(new TaskData(label, DenseMatrix.fromRows(xTest), noisy(r, testMean[t])));
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < d; j++) names.add("x" + (j + 1));
        return new Synthetic(new MultiTaskData(names, train), new MultiTaskData(names, test), testMean);
    }

    /** Rows of N(mu, AR(1) with rho). */
    private static double[][] features(SplittableRandom r, int n, double[] mu) {
        double[][] x = new double[n][mu.length];
        double c = Math.sqrt(1 - RHO * RHO);
        for (double[] row : x) {
            double prev = r.nextGaussian();
            row[0] = prev;
            for (int j = 1; j < row.length; j++) {
                prev = RHO * prev + c * r.nextGaussian();
                row[j] = prev;
            }
            for (int j = 0; j < row.length; j++) row[j] += mu[j];
        }
        return x;
    }

    /** E[y | x] = tanh(h_r(x))^T a + tanh(g(x))^T b per row. */
    private static double[] mean(Mlp shared, double[] sharedParams, double[] b, Mlp own, double[] ownParams, double[] a, double[][] x) {
        DenseMatrix xm = DenseMatrix.fromRows(x);
        DenseMatrix g = shared.forward(sharedParams, xm).output();
        DenseMatrix h = own.forward(ownParams, xm).output();
        double[] m = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < b.length; k++) m[i] += Math.tanh(g.get(i, k)) * b[k];
            for (int k = 0; k < a.length; k++) m[i] += Math.tanh(h.get(i, k)) * a[k];
        }
        return m;
    }

    private static double[] noisy(SplittableRandom r, double[] mean) {
        double[] y = new double[mean.length];
        for (int i = 0; i < y.length; i++) y[i] = mean[i] + r.nextGaussian();
        return y;
    }

    private static double[] gaussian(SplittableRandom r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextGaussian();
        return v;
    }
}
