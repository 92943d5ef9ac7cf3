package certus.estimators.dualenc;

import certus.tensor.nn.Activation;

import java.util.List;

/**
 * Settings of one dual-encoder fit (dualencoder.md §2-4). Every [RECON] default of the spec is a component here.
 *
 * @param architecture    hidden layers of both encoders (automatic by task size, or fixed)
 * @param activation      hidden-layer activation of both encoders
 * @param q               task-specific latent size (S_r output); 0 switches the task-specific encoders off (ablation)
 * @param p               shared latent size (C output); 0 switches the shared encoder off (ablation)
 * @param lambdaO         orthogonality weight λ_o
 * @param lambdaAlpha     global alpha-to-center level; task r uses λ_α sqrt(q)/sqrt(n_r) (spec §2 [DESIGN])
 * @param lambdaBeta      global beta-to-center level; task r uses λ_β sqrt(p)/sqrt(n_r)
 * @param omega           weight decay on encoder weights (biases are not decayed)
 * @param epochs          epoch cap E
 * @param patience        stop after this many epochs without a better validation loss
 * @param encoderSteps    Adam steps per epoch (m_enc)
 * @param proxSteps       proximal-gradient iterations per task per epoch (m_prox)
 * @param batchSize       minibatch rows per task per Adam step (capped at the task's training rows)
 * @param learningRate    Adam learning rate
 * @param validationShare share of each task's rows held out for early stopping (0: none, the last epoch is kept)
 * @param seed            seeds the split, the encoder initialization and the minibatches
 * @param squared         true: ridge-to-center penalty λ||·||^2 instead of the group penalty λ||·||
 * @param centerMode      how the centers are updated (the geometric median fits the group penalty, the mean the squared)
 * @param alphaCenter     false: no alpha-to-center penalty (alphas are free; alphabar stays 0), see spec §1's note
 * @param jointCenterStep true: the coefficient step also moves the centers along the loss gradient
 *                        ({@link JointCoefficientStep}, [RECON] beyond the spec: the spec's block alternation stalls
 *                        once every task is fused); the median/mean center step still follows. false: the spec's §3b
 */
public record DualEncoderOptions(Architecture architecture, Activation activation, int q, int p, double lambdaO,
                                 double lambdaAlpha, double lambdaBeta, double omega, int epochs, int patience,
                                 int encoderSteps, int proxSteps, int batchSize, double learningRate,
                                 double validationShare, long seed, boolean squared, CenterUpdate.Mode centerMode,
                                 boolean alphaCenter, boolean jointCenterStep) {

    /** Hidden layers of the encoders: chosen from the task sizes, or given. */
    public sealed interface Architecture permits Auto, Fixed {
        /** Hidden widths for data whose smallest task has {@code smallestTaskRows} rows. */
        List<Integer> hiddenWidths(int smallestTaskRows);

        /** 'auto', 'none' or a comma list of widths such as "64,64"; an IllegalArgumentException quoting the text otherwise. */
        static Architecture parse(String text) {
            String h = text.trim().toLowerCase(java.util.Locale.ROOT);
            if (h.equals("auto")) return new Auto();
            if (h.equals("none")) return new Fixed(List.of());
            List<Integer> widths = new java.util.ArrayList<>();
            for (String part : h.split(",")) {
                try {
                    widths.add(Integer.parseInt(part.trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + text + "' is not 'auto', 'none' or a comma list of widths");
                }
            }
            return new Fixed(widths);
        }

        /** Inverse of {@link #parse}: "auto", "none" or "64,64". */
        default String text() {
            if (!(this instanceof Fixed f)) return "auto";
            if (f.widths().isEmpty()) return "none";
            return String.join(",", f.widths().stream().map(String::valueOf).toList());
        }
    }

    /** Spec §4: 1 hidden layer of width 32 when n_r < 100 (shallow nets converge better on little data), else 2 x 64. */
    public record Auto() implements Architecture {
        @Override
        public List<Integer> hiddenWidths(int smallestTaskRows) {
            return smallestTaskRows < 100 ? List.of(32) : List.of(64, 64);
        }
    }

    /** Fixed hidden widths; an empty list makes both encoders linear maps (the linear limit of spec §7.3). */
    public record Fixed(List<Integer> widths) implements Architecture {
        public Fixed {
            widths = List.copyOf(widths);
            for (int w : widths) if (w < 1) throw new IllegalArgumentException("hidden widths must be >= 1, got " + widths);
        }

        @Override
        public List<Integer> hiddenWidths(int smallestTaskRows) { return widths; }
    }

    public DualEncoderOptions {
        if (architecture == null || activation == null || centerMode == null) {
            throw new IllegalArgumentException("architecture, activation and centerMode must not be null");
        }
        if (q < 0 || p < 0 || q + p < 1) {
            throw new IllegalArgumentException("latent sizes q and p must be >= 0 (0 switches that encoder off) and not both 0, got q=" + q + ", p=" + p);
        }
        for (double v : new double[]{lambdaO, lambdaAlpha, lambdaBeta, omega}) {
            if (!(v >= 0) || Double.isNaN(v)) {
                throw new IllegalArgumentException("lambdaO, lambdaAlpha, lambdaBeta and omega must be >= 0, got "
                        + lambdaO + ", " + lambdaAlpha + ", " + lambdaBeta + ", " + omega);
            }
        }
        if (epochs < 0 || patience < 1 || encoderSteps < 0 || proxSteps < 0 || batchSize < 1) {
            throw new IllegalArgumentException("need epochs >= 0, patience >= 1, encoderSteps >= 0, proxSteps >= 0, batchSize >= 1; got "
                    + epochs + ", " + patience + ", " + encoderSteps + ", " + proxSteps + ", " + batchSize);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
        if (!(validationShare >= 0 && validationShare < 1)) {
            throw new IllegalArgumentException("validationShare must be in [0, 1), got " + validationShare);
        }
    }

    /**
     * Spec §4 defaults: automatic depth, ReLU, q = 4, p = 8, λ_o = 0.1, λ_α = λ_β = 0.1 (mid-grid of the spec's log
     * grid 1e-3..1), ω = 1e-4, 300 epochs, patience 30, 5 Adam steps, 20 prox steps, batch 64, lr 1e-3, 20%
     * validation, group penalty with geometric-median centers, alpha center on, the spec's per-task coefficient step.
     */
    public static DualEncoderOptions defaults(long seed) {
        return new DualEncoderOptions(new Auto(), Activation.RELU, 4, 8, 0.1, 0.1, 0.1, 1e-4, 300, 30, 5, 20, 64, 1e-3,
                0.2, seed, false, CenterUpdate.Mode.GEOMETRIC_MEDIAN, true, false);
    }

    public DualEncoderOptions withArchitecture(Architecture v) {
        return new DualEncoderOptions(v, activation, q, p, lambdaO, lambdaAlpha, lambdaBeta, omega, epochs, patience, encoderSteps, proxSteps, batchSize, learningRate, validationShare, seed, squared, centerMode, alphaCenter, jointCenterStep);
    }

    public DualEncoderOptions withActivation(Activation v) {
        return new DualEncoderOptions(architecture, v, q, p, lambdaO, lambdaAlpha, lambdaBeta, omega, epochs, patience, encoderSteps, proxSteps, batchSize, learningRate, validationShare, seed, squared, centerMode, alphaCenter, jointCenterStep);
    }

    public DualEncoderOptions withLatentSizes(int newQ, int newP) {
        return new DualEncoderOptions(architecture, activation, newQ, newP, lambdaO, lambdaAlpha, lambdaBeta, omega, epochs, patience, encoderSteps, proxSteps, batchSize, learningRate, validationShare, seed, squared, centerMode, alphaCenter, jointCenterStep);
    }

    public DualEncoderOptions withPenalties(double newLambdaO, double newLambdaAlpha, double newLambdaBeta) {
        return new DualEncoderOptions(architecture, activation, q, p, newLambdaO, newLambdaAlpha, newLambdaBeta, omega, epochs, patience, encoderSteps, proxSteps, batchSize, learningRate, validationShare, seed, squared, centerMode, alphaCenter, jointCenterStep);
    }

    public DualEncoderOptions withOmega(double v) {
        return new DualEncoderOptions(architecture, activation, q, p, lambdaO, lambdaAlpha, lambdaBeta, v, epochs, patience, encoderSteps, proxSteps, batchSize, learningRate, validationShare, seed, squared, centerMode, alphaCenter, jointCenterStep);
    }

    public DualEncoderOptions withSchedule(int newEpochs, int newPatience, int newEncoderSteps, int newProxSteps) {
        return new DualEncoderOptions(architecture, activation, q, p, lambdaO, lambdaAlpha, lambdaBeta, omega, newEpochs, newPatience, newEncoderSteps, newProxSteps, batchSize, learningRate, validationShare, seed, squared, centerMode, alphaCenter, jointCenterStep);
    }

    public DualEncoderOptions withBatchSize(int v) {
        return new DualEncoderOptions(architecture, activation, q, p, lambdaO, lambdaAlpha, lambdaBeta, omega, epochs, patience, encoderSteps, proxSteps, v, learningRate, validationShare, seed, squared, centerMode, alphaCenter, jointCenterStep);
    }

    public DualEncoderOptions withLearningRate(double v) {
        return new DualEncoderOptions(architecture, activation, q, p, lambdaO, lambdaAlpha, lambdaBeta, omega, epochs, patience, encoderSteps, proxSteps, batchSize, v, validationShare, seed, squared, centerMode, alphaCenter, jointCenterStep);
    }

    public DualEncoderOptions withValidationShare(double v) {
        return new DualEncoderOptions(architecture, activation, q, p, lambdaO, lambdaAlpha, lambdaBeta, omega, epochs, patience, encoderSteps, proxSteps, batchSize, learningRate, v, seed, squared, centerMode, alphaCenter, jointCenterStep);
    }

    public DualEncoderOptions withSeed(long v) {
        return new DualEncoderOptions(architecture, activation, q, p, lambdaO, lambdaAlpha, lambdaBeta, omega, epochs, patience, encoderSteps, proxSteps, batchSize, learningRate, validationShare, v, squared, centerMode, alphaCenter, jointCenterStep);
    }

    /** The squared (ridge-to-center) penalty with mean centers, its matching center rule. */
    public DualEncoderOptions withSquaredPenalty() {
        return new DualEncoderOptions(architecture, activation, q, p, lambdaO, lambdaAlpha, lambdaBeta, omega, epochs, patience, encoderSteps, proxSteps, batchSize, learningRate, validationShare, seed, true, CenterUpdate.Mode.MEAN, alphaCenter, jointCenterStep);
    }

    public DualEncoderOptions withAlphaCenter(boolean v) {
        return new DualEncoderOptions(architecture, activation, q, p, lambdaO, lambdaAlpha, lambdaBeta, omega, epochs, patience, encoderSteps, proxSteps, batchSize, learningRate, validationShare, seed, squared, centerMode, v, jointCenterStep);
    }

    public DualEncoderOptions withJointCenterStep(boolean v) {
        return new DualEncoderOptions(architecture, activation, q, p, lambdaO, lambdaAlpha, lambdaBeta, omega, epochs, patience, encoderSteps, proxSteps, batchSize, learningRate, validationShare, seed, squared, centerMode, alphaCenter, v);
    }

    /** λ_{α,r} for a task with n training rows (0 without the alpha center). */
    public double alphaWeight(int n) {
        return alphaCenter ? lambdaAlpha * Math.sqrt(q) / Math.sqrt(n) : 0.0;
    }

    /** λ_{β,r} for a task with n training rows. */
    public double betaWeight(int n) {
        return lambdaBeta * Math.sqrt(p) / Math.sqrt(n);
    }
}
