package certus.tensor.nn;

import java.util.Arrays;

/**
 * Adam (Kingma and Ba, 2015, Algorithm 1) with bias-corrected moments: the optimizer of the dual-encoder encoder
 * step (dualencoder.md §3a). It holds mutable state (moments, step count) for one parameter vector of fixed length;
 * weight decay is not folded in here: the caller adds its gradient, so the objective being minimized stays explicit.
 */
public final class Adam {
    /** Learning rate, decay rates of the two moment estimates, and the denominator guard eps. */
    public record Settings(double learningRate, double beta1, double beta2, double epsilon) {
        /** Spec §3a: lr 1e-3, betas (0.9, 0.999), eps 1e-8. */
        public static final Settings DEFAULTS = new Settings(1e-3, 0.9, 0.999, 1e-8);

        public Settings {
            if (!(learningRate > 0) || !Double.isFinite(learningRate)) throw new IllegalArgumentException("learningRate must be finite and > 0, got " + learningRate);
            if (!(beta1 >= 0 && beta1 < 1)) throw new IllegalArgumentException("beta1 must be in [0, 1), got " + beta1);
            if (!(beta2 >= 0 && beta2 < 1)) throw new IllegalArgumentException("beta2 must be in [0, 1), got " + beta2);
            if (!(epsilon > 0) || !Double.isFinite(epsilon)) throw new IllegalArgumentException("epsilon must be finite and > 0, got " + epsilon);
        }

        public Settings withLearningRate(double lr) { return new Settings(lr, beta1, beta2, epsilon); }
    }

    private final Settings settings;
    private final double[] m;
    private final double[] v;
    private long steps;
    // beta^t kept as running products, so no pow per step and the sequence is bit-reproducible.
    private double beta1Power = 1.0;
    private double beta2Power = 1.0;

    public Adam(int size, Settings settings) {
        if (size < 0) throw new IllegalArgumentException("size must be >= 0, got " + size);
        this.settings = settings;
        this.m = new double[size];
        this.v = new double[size];
    }

    /** Adam with {@link Settings#DEFAULTS}. */
    public Adam(int size) {
        this(size, Settings.DEFAULTS);
    }

    public Settings settings() { return settings; }

    public int size() { return m.length; }

    /** Number of steps taken so far (t in the paper). */
    public long steps() { return steps; }

    /**
     * One Adam step. Modified: {@code params} (moved against the gradient) and this optimizer's state.
     * Not modified: {@code gradient}. Both arrays must have length {@link #size()}.
     */
    public void step(double[] params, double[] gradient) {
        step(params, gradient, settings.learningRate());
    }

    /**
     * One step with this step's learning rate, for schedules. With a constant rate Adam does not converge: as the
     * gradient vanishes the second moment decays too, steps grow back to about the rate, and the iterate hovers
     * around the minimizer (on random quadratics, rate 1e-2 leaves f - f* up to ~1e-3 even after 20,000 steps), so
     * a tight tolerance needs a decaying rate. The moments do not depend on the rate.
     */
    public void step(double[] params, double[] gradient, double learningRate) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be finite and > 0, got " + learningRate);
        }
        if (params.length != m.length || gradient.length != m.length) {
            throw new IllegalArgumentException("Adam state has " + m.length + " coordinates, got params " + params.length
                    + " and gradient " + gradient.length);
        }
        double b1 = settings.beta1(), b2 = settings.beta2();
        steps++;
        beta1Power *= b1;
        beta2Power *= b2;
        double c1 = 1.0 - beta1Power;
        double c2 = 1.0 - beta2Power;
        double lr = learningRate, eps = settings.epsilon();
        for (int i = 0; i < m.length; i++) {
            double g = gradient[i];
            m[i] = b1 * m[i] + (1.0 - b1) * g;
            v[i] = b2 * v[i] + (1.0 - b2) * g * g;
            params[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + eps);
        }
    }

    /** Forgets the moments and the step count (e.g. when the early-stopping state is restored). */
    public void reset() {
        Arrays.fill(m, 0.0);
        Arrays.fill(v, 0.0);
        steps = 0;
        beta1Power = 1.0;
        beta2Power = 1.0;
    }
}
