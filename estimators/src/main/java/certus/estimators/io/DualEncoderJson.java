package certus.estimators.io;

import certus.data.DataFormatException;
import certus.estimators.dualenc.CenterUpdate;
import certus.estimators.Termination;
import certus.estimators.dualenc.DualEncoderModel;
import certus.estimators.dualenc.DualEncoderOptions;
import certus.tensor.nn.Activation;
import certus.tensor.nn.Mlp;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The dual-encoder model file: options, features, the two encoder architectures, per-task flat encoder parameters,
 * intercepts, alphas and betas, the shared encoder's parameters, the centers, the standardization, the best epoch and
 * the validation-loss history, and the validation table when the model came from {@code dualenc cv}. Everything
 * predict needs is here; doubles are written with Java's shortest round-trip form, so a read-back model predicts bit
 * for bit what the fitted one did. Field order is fixed so files diff well.
 */
public final class DualEncoderJson {
    private DualEncoderJson() {}

    /** A model file's content: the model with the feature names and the options it was fitted with. */
    public record Saved(DualEncoderModel model, List<String> features, DualEncoderOptions options, List<ValidationRow> validation) {
        public Saved {
            features = List.copyOf(features);
            validation = validation == null ? null : List.copyOf(validation);
        }

        public List<String> tasks() { return model.taskLabels(); }

        /** The prediction for one raw feature row of task {@code task} (response scale). */
        public double predict(String task, double[] x) {
            return model.predict(task, certus.tensor.DenseMatrix.fromRows(new double[][]{x}))[0];
        }
    }

    /**
     * One row of the cv table: the candidate's λ_α, λ_β, λ_o and hidden layers ("auto", "none" or widths), its mean
     * holdout MSE (NaN: not run), whether it was chosen.
     */
    public record ValidationRow(double lambdaAlpha, double lambdaBeta, double lambdaO, String hidden, double mse, boolean chosen) {}

    public static String write(DualEncoderModel m, List<String> features, DualEncoderOptions o) {
        return write(m, features, o, null);
    }

    public static String write(DualEncoderModel m, List<String> features, DualEncoderOptions o, List<ValidationRow> validation) {
        ObjectNode root = ModelJson.MAPPER.createObjectNode();
        root.put("model", "dualenc");
        ObjectNode term = root.putObject("termination");
        term.put("reason", m.termination().reason().jsonName());
        term.put("limit", m.termination().limit().jsonName());
        term.put("detail", m.termination().detail());
        ObjectNode opts = root.putObject("options");
        if (o.architecture() instanceof DualEncoderOptions.Fixed f) {
            ArrayNode a = opts.putArray("architecture");
            f.widths().forEach(a::add);
        } else {
            opts.put("architecture", "auto");
        }
        opts.put("activation", o.activation().name().toLowerCase(Locale.ROOT));
        opts.put("q", o.q());
        opts.put("p", o.p());
        opts.put("lambda_o", o.lambdaO());
        opts.put("lambda_alpha", o.lambdaAlpha());
        opts.put("lambda_beta", o.lambdaBeta());
        opts.put("omega", o.omega());
        opts.put("epochs", o.epochs());
        opts.put("patience", o.patience());
        opts.put("encoder_steps", o.encoderSteps());
        opts.put("prox_steps", o.proxSteps());
        opts.put("batch_size", o.batchSize());
        opts.put("learning_rate", o.learningRate());
        opts.put("validation_share", o.validationShare());
        opts.put("seed", o.seed());
        opts.put("squared", o.squared());
        opts.put("center_mode", o.centerMode().name().toLowerCase(Locale.ROOT));
        opts.put("alpha_center", o.alphaCenter());
        opts.put("joint_center_step", o.jointCenterStep());
        ArrayNode feats = root.putArray("features");
        features.forEach(feats::add);
        putEncoder(root.putObject("specific_encoder"), m.specificEncoder());
        putEncoder(root.putObject("shared_encoder"), m.sharedEncoder());
        putArray(root, "shared_parameters", m.sharedParameters());
        ArrayNode tasks = root.putArray("tasks");
        List<double[]> sp = m.specificParameters();
        double[] c = m.intercepts();
        double[][] alphas = m.alphas(), betas = m.betas();
        for (int r = 0; r < m.taskCount(); r++) {
            ObjectNode t = tasks.addObject();
            t.put("task", m.taskLabels().get(r));
            t.put("intercept", c[r]);
            putArray(t, "alpha", alphas[r]);
            putArray(t, "beta", betas[r]);
            putArray(t, "specific_parameters", sp.get(r));
        }
        putArray(root, "alpha_center", m.alphaCenter());
        putArray(root, "beta_center", m.betaCenter());
        ObjectNode s = root.putObject("scaling");
        putArray(s, "feature_means", m.scaling().featureMeans());
        putArray(s, "feature_scales", m.scaling().featureScales());
        putArray(s, "response_means", m.scaling().responseMeans());
        s.put("response_scale", m.scaling().responseScale());
        root.put("best_epoch", m.bestEpoch());
        ArrayNode losses = root.putArray("validation_losses");
        m.validationLosses().forEach(losses::add);
        if (validation != null) {
            ArrayNode v = root.putArray("validation");
            for (ValidationRow row : validation) {
                ObjectNode n = v.addObject();
                n.put("lambda_alpha", row.lambdaAlpha());
                n.put("lambda_beta", row.lambdaBeta());
                n.put("lambda_o", row.lambdaO());
                n.put("hidden", row.hidden());
                ModelJson.putNumber(n, "mse", row.mse()); // null: a grid point not run (stopped by a limit) or diverged
                n.put("chosen", row.chosen());
            }
        }
        try {
            return ModelJson.MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a model file written by {@link #write}; every error names the file and the field. */
    public static Saved read(Path file) {
        Reader in = new Reader(file);
        JsonNode root;
        try {
            root = ModelJson.MAPPER.readTree(JsonFiles.readText(file, Reader.ROLE));
        } catch (JsonProcessingException e) {
            throw new DataFormatException(Reader.ROLE + " " + file + ": not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (!"dualenc".equals(root.path("model").asText())) {
            throw in.error("model", "must be \"dualenc\" (is this another model? use its own predict command)");
        }
        DualEncoderOptions options = in.options(in.object(root, "options", "options"));
        List<String> features = new ArrayList<>();
        for (JsonNode n : in.array(root, "features", "features")) features.add(n.asText());
        Mlp specific = in.encoder(in.object(root, "specific_encoder", "specific_encoder"), "specific_encoder");
        Mlp shared = in.encoder(in.object(root, "shared_encoder", "shared_encoder"), "shared_encoder");
        if (specific.outputDim() != options.q() || shared.outputDim() != options.p()) {
            throw in.error("options", "q = " + options.q() + " and p = " + options.p() + " but the encoders output "
                    + specific.outputDim() + " and " + shared.outputDim() + " latent values");
        }
        int d = features.size();
        if (specific.inputDim() != d || shared.inputDim() != d) {
            throw in.error("specific_encoder.input", "the encoders take " + specific.inputDim() + " and " + shared.inputDim()
                    + " inputs for " + d + " features");
        }
        double[] sharedParams = in.doubles(root, "shared_parameters", "shared_parameters", shared.parameterCount());
        JsonNode taskNodes = in.array(root, "tasks", "tasks");
        int tasks = taskNodes.size();
        if (tasks == 0) throw in.error("tasks", "must list at least one task");
        List<String> labels = new ArrayList<>();
        double[] intercepts = new double[tasks];
        double[][] alphas = new double[tasks][], betas = new double[tasks][];
        List<double[]> specificParams = new ArrayList<>();
        for (int r = 0; r < tasks; r++) {
            JsonNode t = taskNodes.get(r);
            String where = "tasks[" + r + "]";
            labels.add(in.text(t, "task", where + ".task"));
            intercepts[r] = in.number(t, "intercept", where + ".intercept");
            alphas[r] = in.doubles(t, "alpha", where + ".alpha", specific.outputDim());
            betas[r] = in.doubles(t, "beta", where + ".beta", shared.outputDim());
            specificParams.add(in.doubles(t, "specific_parameters", where + ".specific_parameters", specific.parameterCount()));
        }
        double[] alphaCenter = in.doubles(root, "alpha_center", "alpha_center", specific.outputDim());
        double[] betaCenter = in.doubles(root, "beta_center", "beta_center", shared.outputDim());
        JsonNode s = in.object(root, "scaling", "scaling");
        DualEncoderModel.Scaling scaling = new DualEncoderModel.Scaling(in.doubles(s, "feature_means", "scaling.feature_means", d),
                in.doubles(s, "feature_scales", "scaling.feature_scales", d),
                in.doubles(s, "response_means", "scaling.response_means", tasks), in.number(s, "response_scale", "scaling.response_scale"));
        int bestEpoch = (int) in.number(root, "best_epoch", "best_epoch");
        List<Double> losses = new ArrayList<>();
        for (JsonNode n : in.array(root, "validation_losses", "validation_losses")) losses.add(n.asDouble());
        List<ValidationRow> validation = null;
        if (root.has("validation")) {
            validation = new ArrayList<>();
            for (JsonNode n : in.array(root, "validation", "validation")) {
                double mse = n.path("mse").isNumber() ? n.path("mse").asDouble() : Double.NaN;
                validation.add(new ValidationRow(n.path("lambda_alpha").asDouble(), n.path("lambda_beta").asDouble(),
                        n.path("lambda_o").asDouble(Double.NaN), n.path("hidden").asText("auto"), mse, n.path("chosen").asBoolean()));
            }
        }
        DualEncoderModel model = new DualEncoderModel(labels, specific, shared, specificParams, sharedParams, intercepts, alphas, betas,
                alphaCenter, betaCenter, scaling, bestEpoch, losses, in.termination(root.get("termination")));
        return new Saved(model, features, options, validation);
    }

    private static void putEncoder(ObjectNode n, Mlp mlp) {
        n.put("input", mlp.inputDim());
        ArrayNode h = n.putArray("hidden");
        for (int w : mlp.hiddenWidths()) h.add(w);
        n.put("output", mlp.outputDim());
        n.put("activation", mlp.activation().name().toLowerCase(Locale.ROOT));
    }

    private static void putArray(ObjectNode parent, String name, double[] v) {
        ArrayNode a = parent.putArray(name);
        for (double x : v) a.add(x);
    }

    /** Field access whose errors say "model file F: field 'a.b' ...". */
    private static final class Reader {
        static final String ROLE = "model file";
        private final Path file;

        Reader(Path file) {
            this.file = file;
        }

        /** The fit's termination; files written before it was recorded read as (feasible, other, "not recorded"). */
        Termination termination(JsonNode node) {
            if (node == null || node.isNull()) return new Termination(Termination.Reason.FEASIBLE, Termination.Limit.OTHER, "not recorded");
            if (!node.isObject()) throw error("termination", "expected an object");
            Termination.Reason reason = Termination.reasonFromJson(node.path("reason").asText());
            if (reason == null) throw error("termination.reason", "unknown reason '" + node.path("reason").asText() + "'");
            JsonNode limitNode = node.get("limit");
            String limitText = limitNode == null || limitNode.isNull() ? null : limitNode.asText();
            Termination.Limit limit = Termination.limitFromJson(limitText);
            if (limit == null) throw error("termination.limit", "unknown limit '" + limitText + "'");
            return new Termination(reason, limit, node.path("detail").asText(""));
        }

        DataFormatException error(String field, String what) {
            return new DataFormatException(ROLE + " " + file + ": field '" + field + "' " + what);
        }

        JsonNode object(JsonNode parent, String name, String field) {
            JsonNode n = parent.get(name);
            if (n == null || !n.isObject()) throw error(field, "is missing or not an object");
            return n;
        }

        JsonNode array(JsonNode parent, String name, String field) {
            JsonNode n = parent.get(name);
            if (n == null || !n.isArray()) throw error(field, "is missing or not an array");
            return n;
        }

        String text(JsonNode parent, String name, String field) {
            JsonNode n = parent.get(name);
            if (n == null || !n.isTextual()) throw error(field, "is missing or not a string");
            return n.asText();
        }

        double number(JsonNode parent, String name, String field) {
            JsonNode n = parent.get(name);
            if (n == null || !n.isNumber()) throw error(field, "is missing or not a number");
            return n.asDouble();
        }

        long integer(JsonNode parent, String name, String field) {
            JsonNode n = parent.get(name);
            if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) throw error(field, "is missing or not an integer");
            return n.asLong();
        }

        boolean bool(JsonNode parent, String name, String field) {
            JsonNode n = parent.get(name);
            if (n == null || !n.isBoolean()) throw error(field, "is missing or not true/false");
            return n.asBoolean();
        }

        double[] doubles(JsonNode parent, String name, String field, int expectedLength) {
            JsonNode a = array(parent, name, field);
            if (a.size() != expectedLength) throw error(field, "has " + a.size() + " entries, expected " + expectedLength);
            double[] v = new double[a.size()];
            for (int i = 0; i < v.length; i++) {
                if (!a.get(i).isNumber()) throw error(field + "[" + i + "]", "is not a number");
                v[i] = a.get(i).asDouble();
            }
            return v;
        }

        int[] ints(JsonNode parent, String name, String field) {
            JsonNode a = array(parent, name, field);
            int[] v = new int[a.size()];
            for (int i = 0; i < v.length; i++) {
                if (!a.get(i).canConvertToInt() || !a.get(i).isIntegralNumber()) throw error(field + "[" + i + "]", "is not an integer");
                v[i] = a.get(i).asInt();
            }
            return v;
        }

        <E extends Enum<E>> E enumValue(Class<E> type, JsonNode parent, String name, String field) {
            String t = text(parent, name, field);
            try {
                return Enum.valueOf(type, t.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw error(field, "has unknown value \"" + t + "\"");
            }
        }

        Mlp encoder(JsonNode n, String field) {
            int input = (int) number(n, "input", field + ".input");
            int output = (int) number(n, "output", field + ".output");
            int[] hidden = ints(n, "hidden", field + ".hidden");
            Activation a = enumValue(Activation.class, n, "activation", field + ".activation");
            try {
                return Mlp.of(input, hidden, output, a);
            } catch (IllegalArgumentException e) {
                throw error(field, "is not a valid encoder (" + e.getMessage() + ")");
            }
        }

        DualEncoderOptions options(JsonNode o) {
            DualEncoderOptions.Architecture arch;
            JsonNode a = o.get("architecture");
            if (a != null && a.isTextual() && a.asText().equals("auto")) {
                arch = new DualEncoderOptions.Auto();
            } else if (a != null && a.isArray()) {
                List<Integer> widths = new ArrayList<>();
                for (int w : ints(o, "architecture", "options.architecture")) widths.add(w);
                try {
                    arch = new DualEncoderOptions.Fixed(widths);
                } catch (IllegalArgumentException e) {
                    throw error("options.architecture", e.getMessage());
                }
            } else {
                throw error("options.architecture", "must be \"auto\" or a list of hidden widths");
            }
            try {
                return new DualEncoderOptions(arch, enumValue(Activation.class, o, "activation", "options.activation"),
                        (int) number(o, "q", "options.q"), (int) number(o, "p", "options.p"), number(o, "lambda_o", "options.lambda_o"),
                        number(o, "lambda_alpha", "options.lambda_alpha"), number(o, "lambda_beta", "options.lambda_beta"),
                        number(o, "omega", "options.omega"), (int) number(o, "epochs", "options.epochs"),
                        (int) number(o, "patience", "options.patience"), (int) number(o, "encoder_steps", "options.encoder_steps"),
                        (int) number(o, "prox_steps", "options.prox_steps"), (int) number(o, "batch_size", "options.batch_size"),
                        number(o, "learning_rate", "options.learning_rate"), number(o, "validation_share", "options.validation_share"),
                        integer(o, "seed", "options.seed"), bool(o, "squared", "options.squared"),
                        enumValue(CenterUpdate.Mode.class, o, "center_mode", "options.center_mode"),
                        bool(o, "alpha_center", "options.alpha_center"), bool(o, "joint_center_step", "options.joint_center_step"));
            } catch (IllegalArgumentException e) {
                throw error("options", "is invalid (" + e.getMessage() + ")");
            }
        }
    }
}
