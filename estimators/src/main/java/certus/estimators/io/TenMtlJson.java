package certus.estimators.io;

import certus.data.DataFormatException;
import certus.estimators.Termination;
import certus.estimators.glm.Family;
import certus.estimators.tenmtl.MultiTaskLinearModel;
import certus.estimators.tenmtl.PredictorShape;
import certus.estimators.tenmtl.TenMtl;
import certus.estimators.tenmtl.TenMtlModel;
import certus.estimators.tenmtl.TenMtlOptions;
import certus.estimators.tenmtl.TenMtlSelection;
import certus.tensor.DenseMatrix;
import certus.tensor.DenseTensor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The TenMTL model file: settings, features, tasks, per-task raw-scale coefficients (what predict uses), the fitted
 * factors on the standardized scale (for interpretation) with the objective history, and the validation table when
 * the model came from {@code tenmtl cv}. Field order is fixed so files diff well.
 */
public final class TenMtlJson {
    private TenMtlJson() {}

    public static String write(TenMtl.Result r, List<TenMtlSelection.Row> validation) {
        ObjectNode root = ModelJson.MAPPER.createObjectNode();
        root.put("model", "tenmtl");
        TenMtlOptions o = r.options();
        root.put("family", o.family().cliName());
        ObjectNode opts = root.putObject("options");
        opts.put("task_rank", o.taskRank());
        opts.put("feature_rank", o.featureRank());
        opts.put("lambda", o.lambda());
        opts.put("ridge_f", o.ridgeF());
        opts.put("shared", o.shared());
        opts.put("init", o.init().name().toLowerCase(Locale.ROOT));
        opts.put("max_sweeps", o.maxSweeps());
        opts.put("tolerance", o.tolerance());
        opts.put("seed", o.seed());
        opts.put("shape", o.shape().toString());
        opts.put("factor_ridge", o.factorRidge());
        ArrayNode features = root.putArray("features");
        r.features().forEach(features::add);
        ArrayNode tasks = root.putArray("tasks");
        for (int i = 0; i < r.tasks().size(); i++) {
            ObjectNode t = tasks.addObject();
            t.put("task", r.tasks().get(i));
            t.put("intercept", r.raw().intercepts()[i]);
            ArrayNode beta = t.putArray("coefficients");
            for (double v : r.raw().coefficients(i)) beta.add(v);
        }
        ObjectNode factors = root.putObject("factors");
        ArrayNode featureFactors = factors.putArray("feature_factors");
        for (DenseMatrix u : r.factors().featureFactors()) putRows(featureFactors.addArray(), u);
        ArrayNode coreShape = factors.putArray("core_shape");
        for (int d : r.factors().core().shape()) coreShape.add(d);
        putRows(factors.putArray("core"), r.factors().core().unfold(0));
        putMatrix(factors, "u0", r.factors().u0());
        ArrayNode b = factors.putArray("intercepts");
        for (double v : r.factors().intercepts()) b.add(v);
        ArrayNode obj = root.putArray("objective");
        r.factors().objective().forEach(obj::add);
        ObjectNode term = root.putObject("termination");
        term.put("reason", r.termination().reason().jsonName());
        term.put("limit", r.termination().limit().jsonName());
        term.put("detail", r.termination().detail());
        if (validation != null) {
            ArrayNode v = root.putArray("validation");
            for (TenMtlSelection.Row row : validation) {
                ObjectNode n = v.addObject();
                n.put("task_rank", row.taskRank());
                n.put("feature_rank", row.featureRank());
                n.put("lambda", row.lambda());
                n.put("score", row.mean());
                n.put("se", row.se());
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
    public static TenMtl.Result read(Path file) {
        String role = "model file";
        JsonNode root;
        try {
            root = ModelJson.MAPPER.readTree(JsonFiles.readText(file, role));
        } catch (JsonProcessingException e) {
            throw new DataFormatException(role + " " + file + ": not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (!"tenmtl".equals(root.path("model").asText())) {
            throw new DataFormatException(role + " " + file + ": field 'model' must be \"tenmtl\" (is this an sMTL model? use certus predict)");
        }
        Family family;
        try {
            family = Family.valueOf(root.path("family").asText("").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(role + " " + file + ": field 'family' must be gaussian or binomial");
        }
        JsonNode o = root.path("options");
        TenMtlOptions options = new TenMtlOptions(family, o.path("task_rank").asInt(), o.path("feature_rank").asInt(), o.path("lambda").asDouble(),
                o.path("ridge_f").asDouble(), o.path("shared").asBoolean(true),
                TenMtlOptions.Init.valueOf(o.path("init").asText("local_hosvd").toUpperCase(Locale.ROOT)), o.path("max_sweeps").asInt(200),
                o.path("tolerance").asDouble(1e-5), o.path("seed").asLong(1), shape(o.path("shape").asText("vector"), role, file),
                o.path("factor_ridge").asDouble(0.0));
        List<String> features = new ArrayList<>();
        root.path("features").forEach(n -> features.add(n.asText()));
        List<String> tasks = new ArrayList<>();
        JsonNode taskNodes = root.path("tasks");
        double[] b = new double[taskNodes.size()];
        double[][] beta = new double[taskNodes.size()][];
        for (int i = 0; i < taskNodes.size(); i++) {
            JsonNode t = taskNodes.get(i);
            tasks.add(t.path("task").asText());
            b[i] = t.path("intercept").asDouble();
            JsonNode c = t.path("coefficients");
            if (c.size() != features.size()) {
                throw new DataFormatException(role + " " + file + ": task '" + tasks.get(i) + "' has " + c.size() + " coefficients for "
                        + features.size() + " features");
            }
            beta[i] = new double[c.size()];
            for (int j = 0; j < c.size(); j++) beta[i][j] = c.get(j).asDouble();
        }
        JsonNode f = root.path("factors");
        double[] fb = new double[f.path("intercepts").size()];
        for (int i = 0; i < fb.length; i++) fb[i] = f.path("intercepts").get(i).asDouble();
        List<Double> objective = new ArrayList<>();
        root.path("objective").forEach(n -> objective.add(n.asDouble()));
        List<DenseMatrix> featureFactors = new ArrayList<>();
        f.path("feature_factors").forEach(u -> featureFactors.add(matrix(u)));
        int[] coreShape = new int[f.path("core_shape").size()];
        for (int k = 0; k < coreShape.length; k++) coreShape[k] = f.path("core_shape").get(k).asInt();
        TenMtlModel factors;
        try {
            DenseTensor core = DenseTensor.fold(matrix(f.path("core")), 0, coreShape);
            factors = new TenMtlModel(family, fb, featureFactors, core, matrix(f.path("u0")), objective);
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(role + " " + file + ": field 'factors' is inconsistent (" + e.getMessage() + ")");
        }
        return new TenMtl.Result(options, features, tasks, factors, new MultiTaskLinearModel(family, b, beta), termination(root.path("termination")));
    }

    /** Files written before the field existed have no termination: read as converged with an empty detail. */
    private static Termination termination(JsonNode t) {
        Termination.Reason reason = Termination.reasonFromJson(t.path("reason").asText("converged"));
        Termination.Limit limit = Termination.limitFromJson(t.path("limit").isTextual() ? t.path("limit").asText() : null);
        return new Termination(reason == null ? Termination.Reason.CONVERGED : reason, limit == null ? Termination.Limit.OTHER : limit,
                t.path("detail").asText(""));
    }

    private static PredictorShape shape(String text, String role, Path file) {
        try {
            return PredictorShape.parse(text);
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(role + " " + file + ": field 'options.shape': " + e.getMessage());
        }
    }

    private static void putMatrix(ObjectNode parent, String name, DenseMatrix m) {
        putRows(parent.putArray(name), m);
    }

    private static void putRows(ArrayNode rows, DenseMatrix m) {
        for (int i = 0; i < m.rows(); i++) {
            ArrayNode row = rows.addArray();
            for (double v : m.row(i)) row.add(v);
        }
    }

    private static DenseMatrix matrix(JsonNode rows) {
        double[][] v = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            v[i] = new double[rows.get(i).size()];
            for (int j = 0; j < v[i].length; j++) v[i][j] = rows.get(i).get(j).asDouble();
        }
        return DenseMatrix.fromRows(v);
    }
}
