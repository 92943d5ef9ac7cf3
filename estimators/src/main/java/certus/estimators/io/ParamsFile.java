package certus.estimators.io;

import certus.data.DataFormatException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * Reads a parameter file: a JSON object with any of the keys {@code s, ridge, bbar, zbar, common_support}.
 * Unknown keys are errors, not ignored: a misspelt "zbr" silently ignored would fit the wrong problem.
 * Range checks (s &gt;= 1, weights &gt;= 0) are left to {@link certus.estimators.SmtlParams} after the CLI
 * flags are merged, but the message still names the value's origin there.
 */
public final class ParamsFile {
    public static final List<String> KEYS = List.of("s", "ridge", "bbar", "zbar", "common_support");

    private ParamsFile() {}

    public static ParamOverrides read(Path file) {
        String text = JsonFiles.readText(file, "params file");
        return parse(text, file.toString());
    }

    public static ParamOverrides parse(String text, String source) {
        JsonNode root;
        try {
            root = ModelJson.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new DataFormatException("params file " + source + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
        if (root == null || !root.isObject()) throw new DataFormatException("params file " + source + ": expected a JSON object");
        Integer s = null;
        Double ridge = null;
        Double bbar = null;
        Double zbar = null;
        Boolean common = null;
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            JsonNode v = root.get(key);
            switch (key) {
                case "s" -> {
                    if (!v.isIntegralNumber() || !v.canConvertToInt()) throw wrong(source, key, "an integer", v);
                    s = v.asInt();
                }
                case "ridge" -> ridge = number(source, key, v);
                case "bbar" -> bbar = number(source, key, v);
                case "zbar" -> zbar = number(source, key, v);
                case "common_support" -> {
                    if (!v.isBoolean()) throw wrong(source, key, "true or false", v);
                    common = v.asBoolean();
                }
                default -> throw new DataFormatException("params file " + source + ": unknown key '" + key
                        + "' (expected one of " + String.join(", ", KEYS) + ")");
            }
        }
        return new ParamOverrides(s, ridge, bbar, zbar, common);
    }

    private static double number(String source, String key, JsonNode v) {
        if (!v.isNumber()) throw wrong(source, key, "a number", v);
        return v.asDouble();
    }

    private static DataFormatException wrong(String source, String key, String expected, JsonNode v) {
        return new DataFormatException("params file " + source + ": key '" + key + "' must be " + expected + ", got "
                + (v.isTextual() ? "\"" + v.asText() + "\"" : v.toString()));
    }
}
