package certus.app.cli;

import certus.estimators.glm.Family;
import certus.estimators.tenmtl.PredictorShape;
import picocli.CommandLine.Option;

/** The options that describe a TenMTL model's data, shared by {@code tenmtl fit} and {@code tenmtl cv}. */
final class TenMtlModelOptions {
    @Option(names = "--family", defaultValue = "gaussian", paramLabel = "F", description = "gaussian or binomial (default: ${DEFAULT-VALUE}).")
    String family;

    @Option(names = "--shape", defaultValue = "vector", paramLabel = "P1xP2",
            description = "Predictor shape: vector, or a tensor such as 20x20 whose entries are the feature columns in row-major order "
                    + "(last index fastest) (default: ${DEFAULT-VALUE}).")
    String shape;

    Family family() {
        return TenMtlData.family(family);
    }

    PredictorShape shape() {
        return TenMtlData.usage(() -> PredictorShape.parse(shape));
    }
}
