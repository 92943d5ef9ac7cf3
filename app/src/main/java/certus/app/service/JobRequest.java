package certus.app.service;

import certus.data.CsvFormatOptions;
import certus.estimators.SmtlParams;
import certus.formulations.ExactMethod;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * A validated job submission. JSON body: {@code {"kind": "fit"|"certify", "csv": "task,y,x1,...", "params": {"s": 3,
 * "ridge": 0.1, "bbar": 0, "zbar": 0.2, "common_support": false}, "method": "auto"|"bnb"|..., "backend": "scip",
 * "time_limit": 60, "seed": 1, "task_col": "task", "response": "y", "drop": ["id"]}}. Everything is checked here,
 * before the job is stored, so a bad submission is a 400 with the CLI's words and never a failed job.
 *
 * @param kind        fit or certify
 * @param csv         the data as CSV text (parsed again by the worker; parsed here once to validate)
 * @param params      sMTL parameters
 * @param method      exact method for certify (null: the default for the problem)
 * @param backend     MIP backend for certify (null: the method's default)
 * @param timeLimit   seconds (capped by the server's maximum)
 * @param seed        seed of the heuristic
 * @param format      CSV column roles
 */
public record JobRequest(String kind, String csv, SmtlParams params, ExactMethod method, String backend, double timeLimit, long seed,
                         CsvFormatOptions format) {
    private static final Set<String> FIELDS = Set.of("kind", "csv", "params", "method", "backend", "time_limit", "seed", "task_col",
            "response", "drop");
    private static final Set<String> PARAM_FIELDS = Set.of("s", "ridge", "bbar", "zbar", "common_support");
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** Parses and validates a body; {@code maxTimeLimit} caps (and defaults) the time limit. */
    public static JobRequest parse(JsonNode body, double maxTimeLimit) {
        if (body == null || !body.isObject()) throw bad("the body must be a JSON object");
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) throw bad("unknown field '" + f + "'; known: " + new java.util.TreeSet<>(FIELDS));
        }
        String kind = text(body, "kind", true);
        if (!kind.equals("fit") && !kind.equals("certify")) throw bad("'kind' must be \"fit\" or \"certify\", got \"" + kind + "\"");
        String csv = text(body, "csv", true);
        JsonNode p = body.get("params");
        if (p == null || !p.isObject()) throw bad("'params' must be an object with at least 's'");
        for (Iterator<String> it = p.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!PARAM_FIELDS.contains(f)) throw bad("unknown field 'params." + f + "'; known: " + new java.util.TreeSet<>(PARAM_FIELDS));
        }
        SmtlParams params;
        try {
            params = new SmtlParams(integer(p, "s", "params.s"), number(p, "ridge", "params.ridge", 0), number(p, "bbar", "params.bbar", 0),
                    number(p, "zbar", "params.zbar", 0), bool(p, "common_support"));
        } catch (certus.smtl.InvalidProblemException e) {
            throw bad(e.getMessage());
        }
        ExactMethod method = null;
        String m = text(body, "method", false);
        if (m != null && !m.equalsIgnoreCase("auto")) {
            try {
                method = ExactMethod.valueOf(m.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw bad("unknown method '" + m + "' (auto, bnb, bigm, perspective, oa)");
            }
        }
        String backend = text(body, "backend", false);
        double limit = body.has("time_limit") ? number(body, "time_limit", "time_limit", maxTimeLimit) : maxTimeLimit;
        if (!(limit > 0)) throw bad("'time_limit' must be > 0 seconds, got " + limit);
        if (limit > maxTimeLimit) throw bad("'time_limit' " + limit + " exceeds the server's maximum of " + maxTimeLimit + " seconds");
        long seed = body.has("seed") ? integer(body, "seed", "seed") : 1L;
        CsvFormatOptions format = CsvFormatOptions.defaults();
        String taskCol = text(body, "task_col", false);
        if (taskCol != null) format = format.withTaskColumn(taskCol);
        String response = text(body, "response", false);
        if (response != null) format = format.withResponseColumn(response);
        JsonNode drop = body.get("drop");
        if (drop != null) {
            if (!drop.isArray()) throw bad("'drop' must be an array of column names");
            Set<String> names = new HashSet<>();
            drop.forEach(n -> names.add(n.asText()));
            format = format.withDropColumns(names);
        }
        return new JobRequest(kind, csv, params, method, backend, limit, seed, format);
    }

    /** The request as stored (and re-read after a restart). */
    public String toJson() {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("kind", kind);
        n.put("csv", csv);
        ObjectNode p = n.putObject("params");
        p.put("s", params.s());
        p.put("ridge", params.ridge());
        p.put("bbar", params.bbar());
        p.put("zbar", params.zbar());
        p.put("common_support", params.commonSupport());
        if (method != null) n.put("method", method.name().toLowerCase(Locale.ROOT));
        if (backend != null) n.put("backend", backend);
        n.put("time_limit", timeLimit);
        n.put("seed", seed);
        n.put("task_col", format.taskColumn());
        n.put("response", format.responseColumn());
        n.putArray("drop").addAll(format.dropColumns().stream().sorted().map(n::textNode).toList());
        return n.toString();
    }

    private static BadRequestException bad(String message) {
        return new BadRequestException(400, message);
    }

    private static String text(JsonNode n, String field, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) throw bad("missing field '" + field + "'");
            return null;
        }
        if (!v.isTextual()) throw bad("'" + field + "' must be a string, got " + v.getNodeType().name().toLowerCase(Locale.ROOT));
        return v.asText();
    }

    private static double number(JsonNode n, String field, String path, double dflt) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return dflt;
        if (!v.isNumber()) throw bad("'" + path + "' must be a number, got " + v.getNodeType().name().toLowerCase(Locale.ROOT));
        return v.asDouble();
    }

    private static int integer(JsonNode n, String field, String path) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) throw bad("missing field '" + path + "'");
        if (!v.isIntegralNumber() || !v.canConvertToInt()) throw bad("'" + path + "' must be an integer, got " + v);
        return v.asInt();
    }

    private static boolean bool(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return false;
        if (!v.isBoolean()) throw bad("'params." + field + "' must be true or false, got " + v);
        return v.asBoolean();
    }
}
