package certus.tensor.nn;

import certus.tensor.DenseMatrix;
import certus.tensor.MatrixOps;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static certus.tensor.nn.MlpGradientCheckTest.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Layout, initialization, determinism and the linear limit of {@link Mlp}. */
class MlpTest {

    private static int[] widths(List<Integer> hidden) {
        return hidden.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void assertClose(DenseMatrix expected, DenseMatrix actual, double relTol) {
        assertEquals(expected.rows(), actual.rows());
        assertEquals(expected.cols(), actual.cols());
        for (int i = 0; i < expected.rows(); i++) {
            for (int j = 0; j < expected.cols(); j++) {
                double e = expected.get(i, j);
                assertEquals(e, actual.get(i, j), relTol * Math.max(1, Math.abs(e)), "(" + i + "," + j + ")");
            }
        }
    }

    /** The documented layout, checked on a 2-2-1 ReLU network evaluated by hand. */
    @Test
    void layoutAndForwardMatchAHandComputedNetwork() {
        Mlp mlp = Mlp.of(2, new int[]{2}, 1, Activation.RELU);
        assertEquals(9, mlp.parameterCount());
        assertEquals(0, mlp.weightOffset(0));
        assertEquals(4, mlp.biasOffset(0));
        assertEquals(6, mlp.weightOffset(1));
        assertEquals(8, mlp.biasOffset(1));
        // W0 = [[1, -1], [2, 0.5]] (row = input unit, column = hidden unit), stored column-major; b0 = (0.5, -1);
        // W1 = (3, -2)^T; b1 = 0.25.
        double[] p = {1, 2, -1, 0.5, 0.5, -1, 3, -2, 0.25};
        DenseMatrix x = DenseMatrix.fromRows(new double[][]{{1, 1}, {-1, 0.5}});
        // Row 0: z = (3.5, -1.5) -> h = (3.5, 0) -> 10.5 + 0.25.  Row 1: z = (0.5, 0.25) -> 1.5 - 0.5 + 0.25.
        Mlp.Forward f = mlp.forward(p, x);
        assertArrayEquals(new double[]{10.75, 1.25}, f.output().column(0), 1e-15);
        assertArrayEquals(new double[]{3.5, -1.5}, f.preActivations().get(0).row(0), 1e-15);
        assertArrayEquals(new double[]{3.5, 0}, f.activations().get(0).row(0), 1e-15);
        // Backward with dOutput = 1 on row 0 only: dW1 = h = (3.5, 0), db1 = 1, only hidden unit 0 is active.
        double[] g = mlp.backward(p, f, DenseMatrix.fromRows(new double[][]{{1}, {0}}));
        assertArrayEquals(new double[]{3, 3, 0, 0, 3, 0, 3.5, 0, 1}, g, 1e-15);
    }

    /** With IDENTITY hidden layers the network is x -> x W_0 ... W_{L-1} + c, built here with EJML products. */
    @Property(tries = 60)
    void identityNetworkIsTheProductOfItsLayers(@ForAll @IntRange(min = 1, max = 5) int input,
                                                @ForAll @Size(max = 3) List<@IntRange(min = 1, max = 8) Integer> hidden,
                                                @ForAll @IntRange(min = 1, max = 4) int output,
                                                @ForAll @IntRange(min = 1, max = 12) int batch, @ForAll long seed) {
        Mlp mlp = Mlp.of(input, widths(hidden), output, Activation.IDENTITY);
        SplittableRandom r = new SplittableRandom(seed);
        double[] p = new double[mlp.parameterCount()];
        for (int i = 0; i < p.length; i++) p[i] = r.nextGaussian();
        DenseMatrix map = null;
        DenseMatrix offset = null; // 1 x width row vector
        for (int l = 0; l < mlp.layerCount(); l++) {
            DenseMatrix w = DenseMatrix.fromColumnMajor(mlp.fanIn(l), mlp.fanOut(l),
                    Arrays.copyOfRange(p, mlp.weightOffset(l), mlp.biasOffset(l)));
            DenseMatrix b = DenseMatrix.fromColumnMajor(1, mlp.fanOut(l),
                    Arrays.copyOfRange(p, mlp.biasOffset(l), mlp.biasOffset(l) + mlp.fanOut(l)));
            map = map == null ? w : MatrixOps.multiply(map, w);
            offset = offset == null ? b : add(MatrixOps.multiply(offset, w), b);
        }
        DenseMatrix x = random(r, batch, input);
        DenseMatrix expected = MatrixOps.multiply(x, map);
        double[][] rows = new double[batch][];
        for (int i = 0; i < batch; i++) {
            rows[i] = expected.row(i);
            for (int j = 0; j < output; j++) rows[i][j] += offset.get(0, j);
        }
        assertClose(DenseMatrix.fromRows(rows), mlp.forward(p, x).output(), 1e-12);
    }

    private static DenseMatrix add(DenseMatrix a, DenseMatrix b) {
        double[] s = a.toColumnMajor();
        double[] t = b.toColumnMajor();
        for (int i = 0; i < s.length; i++) s[i] += t[i];
        return DenseMatrix.fromColumnMajor(a.rows(), a.cols(), s);
    }

    /** Samples are independent: the batch output stacks per-row outputs and the batch gradient sums per-row ones. */
    @Property(tries = 40)
    void batchOutputStacksRowsAndGradientSumsRows(@ForAll @Size(min = 1, max = 3) List<@IntRange(min = 1, max = 8) Integer> hidden,
                                                  @ForAll @IntRange(min = 1, max = 10) int batch, @ForAll long seed) {
        Mlp mlp = Mlp.of(3, widths(hidden), 2, Activation.TANH);
        double[] p = mlp.initialParameters(seed);
        SplittableRandom r = new SplittableRandom(seed + 1);
        DenseMatrix x = random(r, batch, 3);
        DenseMatrix dOut = random(r, batch, 2);
        Mlp.Forward full = mlp.forward(p, x);
        double[] fullGrad = mlp.backward(p, full, dOut);
        double[] summed = new double[p.length];
        for (int i = 0; i < batch; i++) {
            int[] one = {i};
            Mlp.Forward f = mlp.forward(p, x.selectRows(one));
            assertArrayEquals(full.output().row(i), f.output().row(0), 1e-14);
            double[] g = mlp.backward(p, f, dOut.selectRows(one));
            for (int k = 0; k < p.length; k++) summed[k] += g[k];
        }
        assertArrayEquals(summed, fullGrad, 1e-12);
        assertArrayEquals(fullGrad, mlp.backwardWithInput(p, full, dOut).parameters());
    }

    @Property(tries = 30)
    void sameSeedGivesIdenticalParametersAndOutputs(@ForAll @Size(min = 1, max = 3) List<@IntRange(min = 1, max = 64) Integer> hidden,
                                                    @ForAll long seed) {
        Mlp mlp = Mlp.of(5, widths(hidden), 3, Activation.RELU);
        double[] a = mlp.initialParameters(seed);
        double[] b = Mlp.of(5, widths(hidden), 3, Activation.RELU).initialParameters(seed);
        assertArrayEquals(a, b);
        DenseMatrix x = random(new SplittableRandom(seed), 7, 5);
        assertEquals(mlp.forward(a, x).output(), mlp.forward(b, x).output()); // bit-for-bit
        assertFalse(Arrays.equals(a, mlp.initialParameters(seed + 1)), "seeds " + seed + " and " + (seed + 1));
    }

    /** Weights inside (-sqrt(6/fan_in), sqrt(6/fan_in)), biases exactly 0. */
    @Property(tries = 30)
    void heUniformBoundsAndZeroBiases(@ForAll @IntRange(min = 1, max = 20) int input,
                                      @ForAll @Size(min = 1, max = 3) List<@IntRange(min = 1, max = 64) Integer> hidden,
                                      @ForAll long seed) {
        Mlp mlp = Mlp.of(input, widths(hidden), 4, Activation.RELU);
        double[] p = mlp.initialParameters(seed);
        for (int l = 0; l < mlp.layerCount(); l++) {
            double limit = Math.sqrt(6.0 / mlp.fanIn(l));
            for (int i = mlp.weightOffset(l); i < mlp.biasOffset(l); i++) assertTrue(Math.abs(p[i]) < limit, "layer " + l + " weight " + p[i]);
            for (int i = mlp.biasOffset(l); i < mlp.biasOffset(l) + mlp.fanOut(l); i++) assertEquals(0.0, p[i]);
        }
    }

    /** He scaling: E[w] = 0, E[w^2] = 2/fan_in. 4096 draws give a 1.4% standard error on the second moment. */
    @Test
    void heUniformHasVarianceTwoOverFanIn() {
        Mlp mlp = Mlp.of(64, new int[]{64}, 1, Activation.RELU);
        double[] p = mlp.initialParameters(42);
        double sum = 0, sumSq = 0;
        int n = mlp.biasOffset(0);
        for (int i = 0; i < n; i++) {
            sum += p[i];
            sumSq += p[i] * p[i];
        }
        assertEquals(0.0, sum / n, 0.01); // sd of the mean: sqrt(2/64 / 4096) = 0.0028
        assertEquals(2.0 / 64, sumSq / n, 0.1 * 2.0 / 64);
    }

    @Test
    void rejectsBadShapesAndParameterVectors() {
        assertThrows(IllegalArgumentException.class, () -> Mlp.of(0, new int[]{3}, 1, Activation.TANH));
        assertThrows(IllegalArgumentException.class, () -> Mlp.of(2, new int[]{0}, 1, Activation.TANH));
        assertThrows(IllegalArgumentException.class, () -> Mlp.of(2, new int[]{3}, 0, Activation.TANH));
        Mlp mlp = Mlp.of(2, new int[]{3}, 1, Activation.TANH);
        DenseMatrix x = DenseMatrix.fromRows(new double[][]{{1, 2}});
        assertThrows(IllegalArgumentException.class, () -> mlp.forward(new double[mlp.parameterCount() - 1], x));
        assertThrows(IllegalArgumentException.class, () -> mlp.forward(new double[mlp.parameterCount()], DenseMatrix.fromRows(new double[][]{{1}})));
        Mlp.Forward f = mlp.forward(mlp.initialParameters(1), x);
        assertThrows(IllegalArgumentException.class, () -> mlp.backward(mlp.initialParameters(1), f, DenseMatrix.fromRows(new double[][]{{1, 1}})));
        Mlp other = Mlp.of(2, new int[]{3, 3}, 1, Activation.TANH);
        assertThrows(IllegalArgumentException.class, () -> other.backward(other.initialParameters(1), f, DenseMatrix.fromRows(new double[][]{{1}})));
    }

    @Test
    void activationsAndDerivativesFromPreActivation() {
        assertEquals(0.0, Activation.RELU.apply(-2));
        assertEquals(3.0, Activation.RELU.apply(3));
        assertEquals(0.0, Activation.RELU.derivative(0));
        assertEquals(1.0, Activation.RELU.derivative(1e-300));
        assertTrue(Double.isNaN(Activation.RELU.apply(Double.NaN)));
        double z = 0.7, t = Math.tanh(z);
        assertEquals(1 - t * t, Activation.TANH.derivative(z), 1e-16);
        assertEquals((Math.tanh(z + 1e-6) - Math.tanh(z - 1e-6)) / 2e-6, Activation.TANH.derivative(z), 1e-9);
        assertEquals(-1.5, Activation.IDENTITY.apply(-1.5));
        assertEquals(1.0, Activation.IDENTITY.derivative(123));
    }

    @Test
    void theEmptyMapHasNoParametersAndZeroWidthOutputsAndGradients() {
        Mlp off = Mlp.empty(3, Activation.RELU);
        assertEquals(0, off.parameterCount());
        assertEquals(0, off.outputDim());
        DenseMatrix x = DenseMatrix.fromRows(new double[][]{{1, 2, 3}, {4, 5, 6}});
        Mlp.Forward f = off.forward(new double[0], x);
        assertEquals(2, f.output().rows());
        assertEquals(0, f.output().cols());
        Mlp.Gradients g = off.backwardWithInput(new double[0], f, DenseMatrix.fromColumnMajor(2, 0, new double[0]));
        assertEquals(0, g.parameters().length);
        assertArrayEquals(new double[6], g.input().toColumnMajor()); // the output does not depend on the input
        assertThrows(IllegalArgumentException.class, () -> Mlp.of(3, new int[]{4}, 0, Activation.RELU));
        assertThrows(IllegalArgumentException.class, () -> Mlp.of(0, new int[0], 0, Activation.RELU));
    }
}
