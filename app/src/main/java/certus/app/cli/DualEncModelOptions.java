package certus.app.cli;

import certus.estimators.dualenc.DualEncoderOptions;
import picocli.CommandLine.Option;

/** The dual-encoder settings shared by {@code dualenc fit} and {@code dualenc cv}; the rest are the spec defaults. */
final class DualEncModelOptions {
    @Option(names = "--lambda-o", defaultValue = "0.1", paramLabel = "X", description = "Orthogonality weight between the two encoders (default: ${DEFAULT-VALUE}).")
    double lambdaO;

    @Option(names = "--q", defaultValue = "4", paramLabel = "N", description = "Task-specific latent size (default: ${DEFAULT-VALUE}).")
    int q;

    @Option(names = "--p", defaultValue = "8", paramLabel = "N", description = "Shared latent size (default: ${DEFAULT-VALUE}).")
    int p;

    @Option(names = "--epochs", defaultValue = "300", paramLabel = "N", description = "Epoch cap (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--patience", defaultValue = "30", paramLabel = "N", description = "Stop after this many epochs without a better validation loss (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seeds the splits, the encoders and the minibatches (default: ${DEFAULT-VALUE}).")
    long seed;

    /** Spec defaults with this command line's settings and the given λ_α, λ_β; a bad value is a usage error (exit 2). */
    DualEncoderOptions options(double lambdaAlpha, double lambdaBeta) {
        return TenMtlData.usage(() -> {
            DualEncoderOptions base = DualEncoderOptions.defaults(seed);
            return base.withLatentSizes(q, p).withPenalties(lambdaO, lambdaAlpha, lambdaBeta)
                    .withSchedule(epochs, patience, base.encoderSteps(), base.proxSteps());
        });
    }

    String describe() {
        return String.format(java.util.Locale.ROOT, "q=%d p=%d lambda_o=%g epochs=%d patience=%d seed=%d", q, p, lambdaO, epochs, patience, seed);
    }
}
