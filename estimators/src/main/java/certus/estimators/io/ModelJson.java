package certus.estimators.io;

import certus.data.Standardizer;
import certus.estimators.SmtlModel;
import certus.estimators.SmtlParams;
import certus.smtl.SmtlSolution;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Writes the result JSON of design.md. Field order is fixed so files diff well. The {@code coefficients} map of a
 * task holds exactly its support features, a zero value included (z_kj = 1 with beta_kj = 0 is a legal point of
 * the Zbar problem and must survive a round trip). Non-finite numbers are written as null: JSON has no NaN.
 */
public final class ModelJson {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelJson() {}

    public static String write(SmtlModel m) {
        return toText(tree(m));
    }

    /** The result object, for writers that add sections (certificates). */
    static ObjectNode tree(SmtlModel m) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("status", m.status().jsonName());
        ObjectNode term = root.putObject("termination");
        term.put("reason", m.termination().reason().jsonName());
        term.put("limit", m.termination().limit().jsonName());
        term.put("detail", m.termination().detail());
        putNumber(root, "objective", m.objective());
        putNumber(root, "bound", m.bound());
        putNumber(root, "gap", m.gap());
        putNumber(root, "seconds", m.seconds());
        root.put("method", m.method());
        root.put("backend", m.backend());
        ObjectNode problem = root.putObject("problem");
        writeParams(problem, m.params(), m.standardize());
        ArrayNode features = root.putArray("features");
        m.features().forEach(features::add);
        ArrayNode tasks = root.putArray("tasks");
        if (m.solution() != null) writeTasks(tasks, m.features(), m.tasks(), m.solution());
        return root;
    }

    static void writeParams(ObjectNode problem, SmtlParams p, Standardizer standardize) {
        problem.put("s", p.s());
        problem.put("ridge", p.ridge());
        problem.put("bbar", p.bbar());
        problem.put("zbar", p.zbar());
        problem.put("common_support", p.commonSupport());
        problem.put("standardize", standardize.cliName());
    }

    /** One object per task: task, intercept, support (names), coefficients (support features only). */
    public static void writeTasks(ArrayNode out, List<String> features, List<String> labels, SmtlSolution solution) {
        for (int k = 0; k < labels.size(); k++) {
            ObjectNode t = out.addObject();
            t.put("task", labels.get(k));
            putNumber(t, "intercept", solution.intercept(k));
            ArrayNode support = t.putArray("support");
            ObjectNode coefs = t.putObject("coefficients");
            for (int j : solution.supportIndices(k)) {
                support.add(features.get(j));
                putNumber(coefs, features.get(j), solution.coefficient(k, j));
            }
        }
    }

    static void putNumber(ObjectNode node, String key, Double v) {
        if (v == null || !Double.isFinite(v)) node.putNull(key);
        else node.put(key, v.doubleValue());
    }

    static String toText(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize JSON", e);
        }
    }

    /** Reads a model written by {@link #write}; see {@link ModelJsonReader}. */
    public static SmtlModel read(java.nio.file.Path file) {
        return ModelJsonReader.read(file);
    }
}
