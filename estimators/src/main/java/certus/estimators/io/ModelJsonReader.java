package certus.estimators.io;

import certus.data.DataFormatException;
import certus.data.Standardizer;
import certus.estimators.FitStatus;
import certus.estimators.SmtlModel;
import certus.estimators.SmtlParams;
import certus.estimators.Termination;
import certus.smtl.SmtlSolution;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Loads a model file for prediction. Every error is a {@link DataFormatException} naming the file and the JSON
 * path of the offending key ("tasks[1].intercept"), because a hand-edited model file is a user's input.
 * Unknown top-level keys are tolerated (later versions add provenance); the keys prediction depends on are not.
 */
public final class ModelJsonReader {
    private final String source;
    private final String role;

    private ModelJsonReader(String source, String role) {
        this.source = source;
        this.role = role;
    }

    public static SmtlModel read(Path file) {
        String text = JsonFiles.readText(file, "model file");
        return parse(text, file.toString());
    }

    public static SmtlModel parse(String text, String source) {
        return parse(tree(text, source, "model file"), source, "model file");
    }

    /** The JSON tree of a file's text; {@code role} ("model file", "certificate file") starts every error message. */
    static JsonNode tree(String text, String source, String role) {
        try {
            return ModelJson.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new DataFormatException(role + " " + source + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }

    /** The fit-schema part of {@code root}; errors name {@code role}, the file and the key. */
    static SmtlModel parse(JsonNode root, String source, String role) {
        return new ModelJsonReader(source, role).model(root);
    }

    private SmtlModel model(JsonNode root) {
        if (root == null || !root.isObject()) throw fail("", "expected a JSON object at the top level");
        String statusText = text(root, "status", false);
        FitStatus status = FitStatus.fromJson(statusText);
        if (status == null) throw fail("status", "unknown status '" + statusText + "'");
        Termination term = termination(root.get("termination"));
        JsonNode problem = object(root, "problem");
        SmtlParams params;
        try {
            params = new SmtlParams(integer(problem, "problem.s"), number(problem, "problem.ridge"),
                    number(problem, "problem.bbar"), number(problem, "problem.zbar"), bool(problem, "problem.common_support"));
        } catch (IllegalArgumentException e) {
            throw fail("problem", e.getMessage());
        }
        Standardizer standardize = standardization(problem);
        List<String> features = strings(root, "features");
        Map<String, Integer> index = new HashMap<>();
        for (int j = 0; j < features.size(); j++) {
            if (index.put(features.get(j), j) != null) throw fail("features", "duplicate feature '" + features.get(j) + "'");
        }
        JsonNode tasksNode = root.get("tasks");
        if (tasksNode == null || !tasksNode.isArray()) throw fail("tasks", "missing or not an array");
        int kCount = tasksNode.size();
        List<String> labels = new ArrayList<>();
        double[] intercepts = new double[kCount];
        double[][] beta = new double[kCount][features.size()];
        boolean[][] z = new boolean[kCount][features.size()];
        for (int k = 0; k < kCount; k++) {
            String at = "tasks[" + k + "]";
            JsonNode t = tasksNode.get(k);
            if (!t.isObject()) throw fail(at, "expected an object");
            String label = text(t, at + ".task", true);
            if (labels.contains(label)) throw fail(at + ".task", "duplicate task '" + label + "'");
            labels.add(label);
            intercepts[k] = number(t, at + ".intercept");
            for (String f : strings(t, at + ".support")) {
                Integer j = index.get(f);
                if (j == null) throw fail(at + ".support", "feature '" + f + "' is not in features");
                z[k][j] = true;
            }
            JsonNode coefs = object(t, at + ".coefficients");
            for (Iterator<String> it = coefs.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                Integer j = index.get(f);
                if (j == null || !z[k][j]) throw fail(at + ".coefficients." + f, "feature is not in this task's support");
                // The key is the feature name itself, which may contain dots ("TYMS.rna"): never re-derive it from the path.
                beta[k][j] = number(coefs, f, at + ".coefficients." + f);
            }
            for (int j = 0; j < features.size(); j++) {
                if (z[k][j] && !coefs.has(features.get(j))) {
                    throw fail(at + ".coefficients", "missing coefficient for support feature '" + features.get(j) + "'");
                }
            }
        }
        boolean solved = status == FitStatus.OPTIMAL || status == FitStatus.FEASIBLE;
        if (solved && kCount == 0) throw fail("tasks", "status " + statusText + " needs at least one task");
        SmtlSolution solution = kCount == 0 ? null : new SmtlSolution(intercepts, beta, z);
        return new SmtlModel(status, term, optionalNumber(root, "objective"), optionalNumber(root, "bound"),
                optionalNumber(root, "gap"), orZero(optionalNumber(root, "seconds")), text(root, "method", false),
                optionalText(root, "backend"), params, standardize, features, labels, solution);
    }

    /** Absent means "none" (files written before standardization existed); an unknown name is an error. */
    private Standardizer standardization(JsonNode problem) {
        String name = optionalText(problem, "standardize");
        if (name == null) return Standardizer.NONE;
        try {
            return Standardizer.parse(name);
        } catch (IllegalArgumentException e) {
            throw fail("problem.standardize", e.getMessage());
        }
    }

    private Termination termination(JsonNode node) {
        if (node == null || node.isNull()) return new Termination(Termination.Reason.OTHER_ERROR, Termination.Limit.NONE, "not recorded");
        if (!node.isObject()) throw fail("termination", "expected an object");
        String reasonText = text(node, "termination.reason", false);
        Termination.Reason reason = Termination.reasonFromJson(reasonText);
        if (reason == null) throw fail("termination.reason", "unknown reason '" + reasonText + "'");
        String limitText = optionalText(node, "limit");
        Termination.Limit limit = Termination.limitFromJson(limitText);
        if (limit == null) throw fail("termination.limit", "unknown limit '" + limitText + "'");
        return new Termination(reason, limit, optionalText(node, "detail"));
    }

    private static double orZero(Double v) {
        return v == null ? 0.0 : v;
    }

    /** The last key of a path of fixed schema keys (never of user names such as features, which may contain dots). */
    private static String leaf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private JsonNode required(JsonNode parent, String path) {
        JsonNode v = parent.get(leaf(path));
        if (v == null || v.isNull()) throw fail(path, "missing");
        return v;
    }

    private JsonNode object(JsonNode parent, String path) {
        JsonNode v = required(parent, path);
        if (!v.isObject()) throw fail(path, "expected an object, got " + v.getNodeType().name().toLowerCase());
        return v;
    }

    private String text(JsonNode parent, String path, boolean allowNumber) {
        JsonNode v = required(parent, path);
        if (v.isTextual() || (allowNumber && v.isNumber())) return v.asText();
        throw fail(path, "expected a string, got " + v.getNodeType().name().toLowerCase());
    }

    private String optionalText(JsonNode parent, String key) {
        JsonNode v = parent.get(key);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw fail(key, "expected a string or null");
        return v.asText();
    }

    private double number(JsonNode parent, String path) {
        return number(parent, leaf(path), path);
    }

    /** {@code key} is looked up in {@code parent}; {@code path} only names it in errors. */
    private double number(JsonNode parent, String key, String path) {
        JsonNode v = parent.get(key);
        if (v == null || v.isNull()) throw fail(path, "missing");
        if (!v.isNumber()) throw fail(path, "expected a number, got " + v.getNodeType().name().toLowerCase());
        return v.asDouble();
    }

    private Double optionalNumber(JsonNode parent, String key) {
        JsonNode v = parent.get(key);
        if (v == null || v.isNull()) return null;
        if (!v.isNumber()) throw fail(key, "expected a number or null");
        return v.asDouble();
    }

    private int integer(JsonNode parent, String path) {
        JsonNode v = required(parent, path);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) throw fail(path, "expected an integer");
        return v.asInt();
    }

    private boolean bool(JsonNode parent, String path) {
        JsonNode v = required(parent, path);
        if (!v.isBoolean()) throw fail(path, "expected true or false");
        return v.asBoolean();
    }

    private List<String> strings(JsonNode parent, String path) {
        JsonNode v = required(parent, path);
        if (!v.isArray()) throw fail(path, "expected an array of strings");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) throw fail(path + "[" + i + "]", "expected a string");
            out.add(v.get(i).asText());
        }
        return out;
    }

    private DataFormatException fail(String path, String what) {
        return new DataFormatException(role + " " + source + (path.isEmpty() ? "" : ": key '" + path + "'") + ": " + what);
    }
}
