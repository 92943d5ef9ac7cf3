package certus.tensor.nn;

/**
 * Element-wise hidden-layer activations. The derivative takes the <em>pre-activation</em> z (not the activated
 * value) so backpropagation needs only the cached pre-activations and every activation has one uniform contract.
 */
public enum Activation {
    /** max(0, z); derivative 0 at z = 0 (the subgradient frameworks use), so a dead unit passes no gradient. */
    RELU {
        @Override public double apply(double z) { return Math.max(0.0, z); } // Math.max keeps NaN visible
        @Override public double derivative(double z) { return z > 0 ? 1.0 : 0.0; }
    },
    TANH {
        @Override public double apply(double z) { return Math.tanh(z); }
        @Override public double derivative(double z) {
            double t = Math.tanh(z);
            return 1.0 - t * t;
        }
    },
    /** Makes the network a linear map; used for the linear-limit tests of the dual encoder (spec §7.3). */
    IDENTITY {
        @Override public double apply(double z) { return z; }
        @Override public double derivative(double z) { return 1.0; }
    };

    public abstract double apply(double z);

    /** d apply / dz evaluated at the pre-activation z. */
    public abstract double derivative(double z);
}
