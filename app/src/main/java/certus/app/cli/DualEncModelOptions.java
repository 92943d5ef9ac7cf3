package certus.app.cli;

import certus.estimators.dualenc.DualEncoderOptions;
import certus.estimators.FitControl;
import certus.solver.CancellationToken;
import certus.tensor.nn.Activation;
import picocli.CommandLine.Option;

import java.util.Locale;

/** The dual-encoder settings shared by {@code dualenc fit} and {@code dualenc cv}; the rest are the spec defaults. */
final class DualEncModelOptions {
    @Option(names = "--lambda-o", defaultValue = "0.1", paramLabel = "X", description = "Orthogonality weight between the two encoders (default: ${DEFAULT-VALUE}).")
    double lambdaO;

    @Option(names = "--q", defaultValue = "4", paramLabel = "N", description = "Task-specific latent size; 0 switches the task-specific encoders off (default: ${DEFAULT-VALUE}).")
    int q;

    @Option(names = "--p", defaultValue = "8", paramLabel = "N", description = "Shared latent size; 0 switches the shared encoder off (default: ${DEFAULT-VALUE}).")
    int p;

    @Option(names = "--hidden", defaultValue = "auto", paramLabel = "auto|W,W,...",
            description = "Hidden layer widths of both encoders: 'auto' (1 x 32 when the smallest task has < 100 rows, else 2 x 64), "
                    + "a comma list such as 64,64, or 'none' for linear encoders (default: ${DEFAULT-VALUE}).")
    String hidden;

    @Option(names = "--activation", defaultValue = "relu", paramLabel = "NAME", description = "Hidden activation: relu, tanh or identity (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--epochs", defaultValue = "300", paramLabel = "N", description = "Epoch cap (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--patience", defaultValue = "30", paramLabel = "N", description = "Stop after this many epochs without a better validation loss (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--learning-rate", defaultValue = "0.001", paramLabel = "X", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--batch-size", defaultValue = "64", paramLabel = "N", description = "Minibatch rows per task per Adam step (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seeds the splits, the encoders and the minibatches (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--time-limit", paramLabel = "SEC",
            description = "Wall-clock budget for the whole command in seconds; the best state so far is saved with status 'time' (default: none).")
    Double timeLimit;

    /** Spec defaults with this command line's settings and the given λ_α, λ_β; a bad value is a usage error (exit 2). */
    DualEncoderOptions options(double lambdaAlpha, double lambdaBeta) {
        return TenMtlData.usage(() -> {
            DualEncoderOptions base = DualEncoderOptions.defaults(seed);
            return base.withArchitecture(architecture()).withActivation(activation()).withLatentSizes(q, p)
                    .withPenalties(lambdaO, lambdaAlpha, lambdaBeta).withSchedule(epochs, patience, base.encoderSteps(), base.proxSteps())
                    .withLearningRate(learningRate).withBatchSize(batchSize);
        });
    }

    /** The deadline of this run (from now) and the token Ctrl-C cancels; a bad time limit is a usage error. */
    FitControl control(CancellationToken token) {
        return TenMtlData.usage(() -> FitControl.of(timeLimit, token));
    }

    private DualEncoderOptions.Architecture architecture() {
        return architecture(hidden);
    }

    /** 'auto', 'none' or a comma list of widths; a bad value is an IllegalArgumentException naming --hidden. */
    static DualEncoderOptions.Architecture architecture(String hidden) {
        try {
            return DualEncoderOptions.Architecture.parse(hidden);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--hidden: " + e.getMessage());
        }
    }

    /** Inverse of {@link #architecture(String)}: "auto", "none" or "64,64". */
    static String hiddenText(DualEncoderOptions.Architecture a) {
        return a.text();
    }

    private Activation activation() {
        try {
            return Activation.valueOf(activation.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--activation: '" + activation + "' is not relu, tanh or identity");
        }
    }

    String describe() {
        return String.format(Locale.ROOT, "q=%d p=%d hidden=%s activation=%s lambda_o=%g epochs=%d patience=%d lr=%g batch=%d seed=%d%s",
                q, p, hidden, activation, lambdaO, epochs, patience, learningRate, batchSize, seed,
                timeLimit == null ? "" : " time-limit=" + timeLimit + "s");
    }
}
