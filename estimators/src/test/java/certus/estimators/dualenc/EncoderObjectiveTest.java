package certus.estimators.dualenc;

import certus.tensor.DenseMatrix;
import certus.tensor.nn.Activation;
import certus.tensor.nn.Mlp;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The encoder-step gradient (loss + orthogonality + weight decay through Mlp.backward) against central differences. */
class EncoderObjectiveTest {

    @Property(tries = 25)
    void gradientMatchesCentralDifferences(@ForAll @IntRange(min = 1, max = 3) int tasks, @ForAll @IntRange(min = 3, max = 8) int rows,
                                           @ForAll @IntRange(min = 0, max = 1) int hiddenLayers, @ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int d = 3, q = 2, p = 3;
        int[] hidden = hiddenLayers == 0 ? new int[0] : new int[]{4};
        // tanh: smooth, so central differences are exact up to O(h^2) (ReLU kinks would break the comparison)
        Mlp specific = Mlp.of(d, hidden, q, Activation.TANH), shared = Mlp.of(d, hidden, p, Activation.TANH);
        double[][] sParams = new double[tasks][];
        for (int r = 0; r < tasks; r++) sParams[r] = specific.initialParameters(rnd.nextLong());
        double[] cParams = shared.initialParameters(rnd.nextLong());
        for (double[] v : sParams) for (int i = 0; i < v.length; i++) v[i] += 0.1 * rnd.nextGaussian(); // nonzero biases too
        for (int i = 0; i < cParams.length; i++) cParams[i] += 0.1 * rnd.nextGaussian();
        Coefficients coef = new Coefficients(tasks, q, p);
        List<EncoderObjective.Batch> batches = new ArrayList<>();
        for (int r = 0; r < tasks; r++) {
            coef.intercept[r] = rnd.nextGaussian();
            for (int k = 0; k < q; k++) coef.alpha[r][k] = rnd.nextGaussian();
            for (int k = 0; k < p; k++) coef.beta[r][k] = rnd.nextGaussian();
            double[] x = new double[rows * d], y = new double[rows];
            for (int i = 0; i < x.length; i++) x[i] = rnd.nextGaussian();
            for (int i = 0; i < rows; i++) y[i] = rnd.nextGaussian();
            batches.add(new EncoderObjective.Batch(DenseMatrix.fromColumnMajor(rows, d, x), y));
        }
        EncoderObjective obj = new EncoderObjective(specific, shared, 0.7, 0.05);
        EncoderObjective.Evaluation ev = obj.evaluate(sParams, cParams, coef, batches, true);
        assertEquals(ev.value(), obj.evaluate(sParams, cParams, coef, batches, false).value(), 0.0);
        double h = 1e-6;
        for (int block = 0; block <= tasks; block++) {
            double[] theta = block < tasks ? sParams[block] : cParams;
            double[] grad = block < tasks ? ev.specificGradients()[block] : ev.sharedGradient();
            for (int i = 0; i < theta.length; i++) {
                double keep = theta[i];
                theta[i] = keep + h;
                double up = obj.evaluate(sParams, cParams, coef, batches, false).value();
                theta[i] = keep - h;
                double down = obj.evaluate(sParams, cParams, coef, batches, false).value();
                theta[i] = keep;
                double fd = (up - down) / (2 * h);
                // O(h^2) truncation plus ~1e-16 * |F| / h rounding: ~1e-8 here; 1e-5 relative leaves a wide margin
                assertEquals(fd, grad[i], 1e-5 * (1 + Math.abs(fd)), (block < tasks ? "S_" + block : "C") + " parameter " + i);
            }
        }
    }
}
