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
 * Data from the generative model of dualencoder.md §5 (scaled by the caller): X_r ~ N(μ_r, AR-1(0.5)) with μ_r =
 * δ_x on feature r mod d (covariate shift), a shared signal g(x) = a fixed random tanh network (d -> 16 -> 8), a
 * task signal h_r(x) (d -> 16 -> 4, one network per task), y = h_r(x)ᵀa_r + g(x)ᵀb_r + ε with b_r = b_0 + δ_y u_r
 * (posterior drift), a_r, b_0, u_r ~ N(0, I), ε ~ N(0, σ²). Train and test rows come from the same task models.
 */
public final class DualEncoderSimulator {
    private DualEncoderSimulator() {}

    /** Training and test data of the same tasks. */
    public record Synthetic(MultiTaskData train, MultiTaskData test) {}

    /** Settings of one simulated data set. */
    public record Settings(int tasks, int features, int trainRows, int testRows, double covariateShift, double posteriorDrift,
                           double noiseSd) {}

    private static final double AR_RHO = 0.5;

    public static Synthetic simulate(long seed, Settings s) {
        SplittableRandom r = new SplittableRandom(seed);
        int d = s.features();
        Mlp g = Mlp.of(d, new int[]{16}, 8, Activation.TANH);
        double[] gParams = g.initialParameters(r.nextLong());
        Mlp h = Mlp.of(d, new int[]{16}, 4, Activation.TANH);
        double[] b0 = gaussian(r, 8);
        List<TaskData> train = new ArrayList<>(), test = new ArrayList<>();
        for (int t = 0; t < s.tasks(); t++) {
            double[] hParams = h.initialParameters(r.nextLong());
            double[] a = gaussian(r, 4);
            double[] u = gaussian(r, 8);
            double[] b = new double[8];
            for (int k = 0; k < 8; k++) b[k] = b0[k] + s.posteriorDrift() * u[k];
            double[] mu = new double[d];
            mu[t % d] = s.covariateShift();
            train.add(task("t" + t, r, s.trainRows(), mu, g, gParams, h, hParams, a, b, s.noiseSd()));
            test.add(task("t" + t, r, s.testRows(), mu, g, gParams, h, hParams, a, b, s.noiseSd()));
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < d; j++) names.add("x" + j);
        return new Synthetic(new MultiTaskData(names, train), new MultiTaskData(names, test));
    }

    private static TaskData task(String label, SplittableRandom r, int n, double[] mu, Mlp g, double[] gParams, Mlp h,
                                 double[] hParams, double[] a, double[] b, double noiseSd) {
        int d = mu.length;
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            double prev = r.nextGaussian();
            x[i][0] = prev;
            for (int j = 1; j < d; j++) {
                prev = AR_RHO * prev + Math.sqrt(1 - AR_RHO * AR_RHO) * r.nextGaussian();
                x[i][j] = prev;
            }
            for (int j = 0; j < d; j++) x[i][j] += mu[j];
        }
        DenseMatrix xm = DenseMatrix.fromRows(x);
        DenseMatrix gx = g.forward(gParams, xm).output(), hx = h.forward(hParams, xm).output();
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 4; k++) y[i] += hx.get(i, k) * a[k];
            for (int k = 0; k < 8; k++) y[i] += gx.get(i, k) * b[k];
            y[i] += noiseSd * r.nextGaussian();
        }
        return new TaskData(label, xm, y);
    }

    private static double[] gaussian(SplittableRandom r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextGaussian();
        return v;
    }
}
