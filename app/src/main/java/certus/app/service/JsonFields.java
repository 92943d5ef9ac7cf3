package certus.app.service;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed reads of request fields with 400s that name the field by its path ({@code params.s}) and say what was
 * expected and what came — the service's counterpart of picocli's option conversion errors.
 */
final class JsonFields {
    private JsonFields() {}

    static BadRequestException bad(String message) {
        return new BadRequestException(400, message);
    }

    /** Every field of {@code node} must be in {@code known}; {@code prefix} is its path ("" or "params."). */
    static void onlyKnown(JsonNode node, Set<String> known, String prefix) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) throw bad("unknown field '" + prefix + f + "'; known: " + new TreeSet<>(known));
        }
    }

    static String text(JsonNode n, String field, String path, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) throw bad("missing field '" + path + "'");
            return null;
        }
        if (!v.isTextual()) throw bad("'" + path + "' must be a string, got " + type(v));
        return v.asText();
    }

    static String text(JsonNode n, String field, String path, String dflt) {
        String v = text(n, field, path, false);
        return v == null ? dflt : v;
    }

    static double number(JsonNode n, String field, String path, double dflt) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return dflt;
        if (!v.isNumber()) throw bad("'" + path + "' must be a number, got " + type(v));
        return v.asDouble();
    }

    static int integer(JsonNode n, String field, String path) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) throw bad("missing field '" + path + "'");
        return integer(v, path);
    }

    static int integer(JsonNode n, String field, String path, int dflt) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? dflt : integer(v, path);
    }

    static long longInteger(JsonNode n, String field, String path, long dflt) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return dflt;
        if (!v.isIntegralNumber() || !v.canConvertToLong()) throw bad("'" + path + "' must be an integer, got " + v);
        return v.asLong();
    }

    static boolean bool(JsonNode n, String field, String path, boolean dflt) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return dflt;
        if (!v.isBoolean()) throw bad("'" + path + "' must be true or false, got " + v);
        return v.asBoolean();
    }

    /** A number or an array of numbers (a grid); a single number is a grid of one. */
    static List<Double> numbers(JsonNode n, String field, String path, double dflt) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return List.of(dflt);
        if (v.isNumber()) return List.of(v.asDouble());
        if (!v.isArray() || v.isEmpty()) throw bad("'" + path + "' must be a number or a non-empty array of numbers, got " + type(v));
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isNumber()) throw bad("'" + path + "[" + i + "]' must be a number, got " + type(v.get(i)));
            out.add(v.get(i).asDouble());
        }
        return out;
    }

    /** An integer or a non-empty array of integers. */
    static List<Integer> integers(JsonNode n, String field, String path) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) throw bad("missing field '" + path + "'");
        if (!v.isArray()) return List.of(integer(v, path));
        if (v.isEmpty()) throw bad("'" + path + "' must be an integer or a non-empty array of integers, got an empty array");
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) out.add(integer(v.get(i), path + "[" + i + "]"));
        return out;
    }

    /** The JSON type of a node in words, for messages. */
    static String type(JsonNode v) {
        return v.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static int integer(JsonNode v, String path) {
        if (!v.isIntegralNumber() || !v.canConvertToInt()) throw bad("'" + path + "' must be an integer, got " + v);
        return v.asInt();
    }
}
