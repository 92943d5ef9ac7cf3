package certus.tensor.nn;

import certus.tensor.DenseMatrix;
import certus.tensor.VectorOps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An immutable multilayer-perceptron architecture: {@code input -> hidden[0] -> ... -> hidden[H-1] -> output}, the
 * hidden layers followed by one {@link Activation}, the output layer linear (the encoders of dualencoder.md §1).
 * The object holds no parameters: they live in one flat {@code double[]} owned by the caller, so the optimizer,
 * weight decay and gradient checks treat all of them as a single vector.
 *
 * <p><b>Parameter layout.</b> Layers l = 0..L-1 (L = H + 1) are stored in order; layer l with fan-in a and
 * fan-out b occupies {@code a*b} weights followed by {@code b} biases. The weight matrix W_l (a x b, so that a
 * batch maps as Z = A W_l + 1 b_l^T) is stored column-major: entry (i, k), the weight from input unit i to output
 * unit k, is at {@code weightOffset(l) + k*a + i}. Column-major matches {@link DenseMatrix}: with batches stored
 * column-major, each output column is a sum of scaled input columns and each weight gradient is one contiguous
 * dot product.
 *
 * <p>Batches are n x input matrices, one sample per row. Forward and backward allocate their results; the widths
 * (<= 64) and batches (<= a few hundred rows) of the dual encoder make that cheaper than any buffer management.
 */
public final class Mlp {
    /** Everything {@link #backward} needs: the input batch, every layer's pre-activations and activations. */
    public record Forward(DenseMatrix input, List<DenseMatrix> preActivations, List<DenseMatrix> activations) {
        public Forward {
            preActivations = List.copyOf(preActivations);
            activations = List.copyOf(activations);
        }

        /** The n x output network output (the last layer is linear, so it equals the last pre-activation). */
        public DenseMatrix output() { return activations.get(activations.size() - 1); }
    }

    /** dLoss/dParameters (flat, same layout as the parameters) and dLoss/dInput (n x input). */
    public record Gradients(double[] parameters, DenseMatrix input) {}

    private final int[] sizes; // input, hidden..., output
    private final Activation activation;
    private final int[] offsets; // offsets[l] = start of layer l's weights; offsets[L] = parameterCount

    private Mlp(int[] sizes, Activation activation) {
        this.sizes = sizes;
        this.activation = activation;
        this.offsets = new int[sizes.length];
        long total = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            offsets[l] = (int) total;
            total += (long) sizes[l] * sizes[l + 1] + sizes[l + 1];
            if (total > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("too many parameters: " + total);
        }
        offsets[sizes.length - 1] = (int) total;
    }

    /**
     * An MLP with the given hidden widths (possibly none: a single linear layer). Output width 0 with no hidden layer
     * is allowed: the empty map R^input -> R^0, with no parameters, which is how a model switches an encoder off
     * (an ablation costs nothing and needs no special case downstream: its latent matrices are n x 0).
     */
    public static Mlp of(int input, int[] hidden, int output, Activation activation) {
        if (activation == null) throw new IllegalArgumentException("activation must not be null");
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = input;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = output;
        boolean emptyMap = output == 0 && hidden.length == 0 && input >= 1;
        for (int s : sizes) {
            if (s < 1 && !emptyMap) throw new IllegalArgumentException("every layer width must be >= 1 (output 0 only without hidden layers), got input "
                    + input + ", hidden " + Arrays.toString(hidden) + ", output " + output);
        }
        return new Mlp(sizes, activation);
    }

    /** The empty map R^input -> R^0 (no parameters): an encoder that is switched off. */
    public static Mlp empty(int input, Activation activation) {
        return of(input, new int[0], 0, activation);
    }

    public int inputDim() { return sizes[0]; }

    public int outputDim() { return sizes[sizes.length - 1]; }

    public int[] hiddenWidths() { return Arrays.copyOfRange(sizes, 1, sizes.length - 1); }

    public Activation activation() { return activation; }

    /** Number of affine layers, hidden ones plus the output layer. */
    public int layerCount() { return sizes.length - 1; }

    public int fanIn(int layer) { return sizes[checkLayer(layer)]; }

    public int fanOut(int layer) { return sizes[checkLayer(layer) + 1]; }

    /** Start of layer l's weights in the flat vector (see the class doc for the layout). */
    public int weightOffset(int layer) { return offsets[checkLayer(layer)]; }

    /** Start of layer l's biases; they end at {@code weightOffset(l + 1)} (or {@link #parameterCount()}). */
    public int biasOffset(int layer) { return offsets[checkLayer(layer)] + sizes[layer] * sizes[layer + 1]; }

    public int parameterCount() { return offsets[offsets.length - 1]; }

    private int checkLayer(int layer) {
        if (layer < 0 || layer >= layerCount()) throw new IndexOutOfBoundsException("layer " + layer + " of " + layerCount());
        return layer;
    }

    /**
     * He-uniform weights U(-sqrt(6/fan_in), sqrt(6/fan_in)) (variance 2/fan_in, which keeps ReLU activations from
     * shrinking layer to layer) and zero biases, drawn in layout order from one SplittableRandom: the same seed gives
     * the same vector on every JVM.
     */
    public double[] initialParameters(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] p = new double[parameterCount()];
        for (int l = 0; l < layerCount(); l++) {
            double limit = Math.sqrt(6.0 / sizes[l]);
            for (int i = weightOffset(l), e = biasOffset(l); i < e; i++) p[i] = rnd.nextDouble(-limit, limit);
        }
        return p;
    }

    /** Runs a batch (n x input, one sample per row) through the network. Not modified: params, x. */
    public Forward forward(double[] params, DenseMatrix x) {
        checkParams(params);
        if (x.cols() != inputDim()) {
            throw new IllegalArgumentException("input batch has " + x.cols() + " columns, the network expects " + inputDim());
        }
        int n = x.rows();
        List<DenseMatrix> pre = new ArrayList<>(layerCount());
        List<DenseMatrix> act = new ArrayList<>(layerCount());
        double[] a = x.toColumnMajor();
        for (int l = 0; l < layerCount(); l++) {
            int in = sizes[l], out = sizes[l + 1], w = weightOffset(l), b = biasOffset(l);
            double[] z = new double[n * out];
            for (int k = 0; k < out; k++) {
                Arrays.fill(z, k * n, (k + 1) * n, params[b + k]);
                for (int i = 0; i < in; i++) VectorOps.axpy(params[w + k * in + i], a, i * n, z, k * n, n);
            }
            DenseMatrix zm = DenseMatrix.fromColumnMajor(n, out, z);
            pre.add(zm);
            if (l == layerCount() - 1) {
                act.add(zm);
            } else {
                for (int j = 0; j < z.length; j++) z[j] = activation.apply(z[j]); // z was copied into zm
                act.add(DenseMatrix.fromColumnMajor(n, out, z));
            }
            a = z;
        }
        return new Forward(x, pre, act);
    }

    /** dLoss/dParams (flat layout) for a loss whose gradient with respect to the output is dOutput (n x output). */
    public double[] backward(double[] params, Forward cache, DenseMatrix dOutput) {
        return backpropagate(params, cache, dOutput, false).parameters();
    }

    /** As {@link #backward}, plus dLoss/dInput (n x input), which costs one extra product with W_0. */
    public Gradients backwardWithInput(double[] params, Forward cache, DenseMatrix dOutput) {
        return backpropagate(params, cache, dOutput, true);
    }

    private Gradients backpropagate(double[] params, Forward cache, DenseMatrix dOutput, boolean wantInput) {
        checkParams(params);
        int n = cache.input().rows();
        if (cache.preActivations().size() != layerCount() || cache.input().cols() != inputDim()
                || cache.output().cols() != outputDim()) {
            throw new IllegalArgumentException("the forward cache was not produced by this " + this);
        }
        if (dOutput.rows() != n || dOutput.cols() != outputDim()) {
            throw new IllegalArgumentException("dOutput is " + dOutput.rows() + "x" + dOutput.cols() + ", expected "
                    + n + "x" + outputDim());
        }
        double[] grad = new double[parameterCount()];
        double[] delta = dOutput.toColumnMajor(); // dLoss/dZ_l once the activation derivative is applied
        double[] dInput = null;
        for (int l = layerCount() - 1; l >= 0; l--) {
            int in = sizes[l], out = sizes[l + 1], w = weightOffset(l), b = biasOffset(l);
            if (l < layerCount() - 1) {
                double[] z = cache.preActivations().get(l).toColumnMajor();
                for (int j = 0; j < delta.length; j++) delta[j] *= activation.derivative(z[j]);
            }
            double[] a = (l == 0 ? cache.input() : cache.activations().get(l - 1)).toColumnMajor();
            for (int k = 0; k < out; k++) {
                double s = 0;
                for (int r = k * n, e = r + n; r < e; r++) s += delta[r];
                grad[b + k] = s;
                for (int i = 0; i < in; i++) grad[w + k * in + i] = VectorOps.dot(a, i * n, delta, k * n, n);
            }
            if (l > 0 || wantInput) {
                double[] da = new double[n * in]; // dLoss/dA_l = dZ_l W_l^T
                for (int k = 0; k < out; k++) {
                    for (int i = 0; i < in; i++) VectorOps.axpy(params[w + k * in + i], delta, k * n, da, i * n, n);
                }
                if (l == 0) dInput = da; else delta = da;
            }
        }
        return new Gradients(grad, dInput == null ? null : DenseMatrix.fromColumnMajor(n, inputDim(), dInput));
    }

    private void checkParams(double[] params) {
        if (params.length != parameterCount()) {
            throw new IllegalArgumentException("expected " + parameterCount() + " parameters for " + this + ", got " + params.length);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mlp m && Arrays.equals(m.sizes, sizes) && m.activation == activation;
    }

    @Override
    public int hashCode() { return 31 * Arrays.hashCode(sizes) + activation.hashCode(); }

    @Override
    public String toString() { return "Mlp" + Arrays.toString(sizes) + "(" + activation + ")"; }
}
