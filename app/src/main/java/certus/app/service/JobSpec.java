package certus.app.service;

import certus.estimators.SmtlParams;
import certus.estimators.cv.CvGrid;
import certus.estimators.dualenc.DualEncoderOptions;
import certus.estimators.glm.Family;
import certus.estimators.tenmtl.PredictorShape;
import certus.estimators.tenmtl.TenMtlOptions;
import certus.formulations.ExactMethod;
import certus.tensor.nn.Activation;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import static certus.app.service.JsonFields.bad;
import static certus.app.service.JsonFields.bool;
import static certus.app.service.JsonFields.integer;
import static certus.app.service.JsonFields.integers;
import static certus.app.service.JsonFields.number;
import static certus.app.service.JsonFields.numbers;
import static certus.app.service.JsonFields.onlyKnown;
import static certus.app.service.JsonFields.text;

/**
 * What a job of each kind is asked to do: the {@code params} object (and, for certify, {@code method} and
 * {@code backend}) read into the estimators' own option types, so every range check is theirs and says the same as
 * the CLI. Field names are the CLI's option names in snake case.
 */
sealed interface JobSpec {
    /** {@code fit}: params {s, ridge, bbar, zbar, common_support}. */
    record Fit(SmtlParams params) implements JobSpec {}

    /** {@code certify}: the fit's params plus the exact method (null: the default for the problem) and backend. */
    record Certify(SmtlParams params, ExactMethod method, String backend) implements JobSpec {}

    /** {@code cv}: params {s, ridge, bbar, zbar (each a number or an array), common_support, folds}. */
    record Cv(CvGrid grid, int folds) implements JobSpec {}

    /** {@code tenmtl}: params {family, shape, task_rank, feature_rank, lambda, shared, init}; seed from the request. */
    record TenMtl(TenMtlOptions options) implements JobSpec {}

    /**
     * {@code dualenc}: params {lambda_alpha, lambda_beta, lambda_o, q, p, hidden, activation, epochs, patience,
     * learning_rate, batch_size}; seed from the request; the rest are the spec defaults.
     */
    record DualEnc(DualEncoderOptions options) implements JobSpec {}

    Set<String> SMTL_FIELDS = Set.of("s", "ridge", "bbar", "zbar", "common_support");
    Set<String> CV_FIELDS = Set.of("s", "ridge", "bbar", "zbar", "common_support", "folds");
    Set<String> TENMTL_FIELDS = Set.of("family", "shape", "task_rank", "feature_rank", "lambda", "shared", "init");
    Set<String> DUALENC_FIELDS = Set.of("lambda_alpha", "lambda_beta", "lambda_o", "q", "p", "hidden", "activation", "epochs", "patience",
            "learning_rate", "batch_size");

    /** Reads the spec of {@code kind} from the request body; 400 naming the field for anything wrong. */
    static JobSpec parse(JobKind kind, JsonNode body, long seed) {
        JsonNode p = body.get("params");
        if (p == null || p.isNull()) p = JobRequest.MAPPER.createObjectNode();
        if (!p.isObject()) throw bad("'params' must be an object, got " + JsonFields.type(p));
        if (kind != JobKind.CERTIFY && (body.has("method") || body.has("backend"))) {
            throw bad("'method' and 'backend' apply to certify jobs only, not " + kind.jsonName());
        }
        JsonNode params = p;
        return switch (kind) {
            case FIT -> new Fit(smtl(params));
            case CERTIFY -> new Certify(smtl(params), method(text(body, "method", "method", false)), text(body, "backend", "backend", false));
            case CV -> cv(params);
            case TENMTL -> tenMtl(params, seed);
            case DUALENC -> dualEnc(params, seed);
        };
    }

    private static SmtlParams smtl(JsonNode p) {
        onlyKnown(p, SMTL_FIELDS, "params.");
        return checked(() -> new SmtlParams(integer(p, "s", "params.s"), number(p, "ridge", "params.ridge", 0), number(p, "bbar", "params.bbar", 0),
                number(p, "zbar", "params.zbar", 0), bool(p, "common_support", "params.common_support", false)));
    }

    private static ExactMethod method(String m) {
        if (m == null || m.equalsIgnoreCase("auto")) return null;
        try {
            return ExactMethod.valueOf(m.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad("unknown method '" + m + "' (auto, bnb, bigm, perspective, oa)");
        }
    }

    private static Cv cv(JsonNode p) {
        onlyKnown(p, CV_FIELDS, "params.");
        int folds = integer(p, "folds", "params.folds", 5);
        if (folds < 2) throw bad("'params.folds' must be >= 2, got " + folds);
        CvGrid grid = checked(() -> new CvGrid(integers(p, "s", "params.s"), numbers(p, "ridge", "params.ridge", 0),
                numbers(p, "bbar", "params.bbar", 0), numbers(p, "zbar", "params.zbar", 0), bool(p, "common_support", "params.common_support", false)));
        checked(grid::points); // every grid point is a valid SmtlParams
        return new Cv(grid, folds);
    }

    private static TenMtl tenMtl(JsonNode p, long seed) {
        onlyKnown(p, TENMTL_FIELDS, "params.");
        String familyName = text(p, "family", "params.family", "gaussian");
        Family family = null;
        for (Family f : Family.values()) if (f.cliName().equalsIgnoreCase(familyName.strip())) family = f;
        if (family == null) throw bad("'params.family' must be gaussian or binomial, got '" + familyName + "'");
        PredictorShape shape = checked(() -> PredictorShape.parse(text(p, "shape", "params.shape", "vector")), "params.shape");
        String init = text(p, "init", "params.init", "local");
        TenMtlOptions.Init start = switch (init.toLowerCase(Locale.ROOT)) {
            case "local" -> TenMtlOptions.Init.LOCAL_HOSVD;
            case "random" -> TenMtlOptions.Init.RANDOM;
            default -> throw bad("'params.init' must be local or random, got '" + init + "'");
        };
        Family fam = family;
        return new TenMtl(checked(() -> new TenMtlOptions(fam, integer(p, "task_rank", "params.task_rank", 2),
                integer(p, "feature_rank", "params.feature_rank", 3), number(p, "lambda", "params.lambda", 0.01), 1e-6,
                bool(p, "shared", "params.shared", true), start, 200, 1e-5, seed, shape, 0.0)));
    }

    private static DualEnc dualEnc(JsonNode p, long seed) {
        onlyKnown(p, DUALENC_FIELDS, "params.");
        DualEncoderOptions base = DualEncoderOptions.defaults(seed);
        DualEncoderOptions.Architecture architecture = checked(() -> DualEncoderOptions.Architecture.parse(text(p, "hidden", "params.hidden", "auto")),
                "params.hidden");
        String act = text(p, "activation", "params.activation", "relu");
        Activation activation;
        try {
            activation = Activation.valueOf(act.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad("'params.activation' must be relu, tanh or identity, got '" + act + "'");
        }
        return new DualEnc(checked(() -> base.withArchitecture(architecture).withActivation(activation)
                .withLatentSizes(integer(p, "q", "params.q", base.q()), integer(p, "p", "params.p", base.p()))
                .withPenalties(number(p, "lambda_o", "params.lambda_o", base.lambdaO()), number(p, "lambda_alpha", "params.lambda_alpha", 0.1),
                        number(p, "lambda_beta", "params.lambda_beta", 0.1))
                .withSchedule(integer(p, "epochs", "params.epochs", base.epochs()), integer(p, "patience", "params.patience", base.patience()),
                        base.encoderSteps(), base.proxSteps())
                .withLearningRate(number(p, "learning_rate", "params.learning_rate", base.learningRate()))
                .withBatchSize(integer(p, "batch_size", "params.batch_size", base.batchSize()))));
    }

    /** Runs a constructor; its IllegalArgumentException (InvalidProblemException is one) becomes a 400 with its words. */
    private static <T> T checked(Supplier<T> make) {
        return checked(make, null);
    }

    private static <T> T checked(Supplier<T> make, String path) {
        try {
            return make.get();
        } catch (BadRequestException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw bad(path == null ? e.getMessage() : "'" + path + "': " + e.getMessage());
        }
    }
}
