package certus.app.service;

import certus.data.CsvFormatOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashSet;
import java.util.Set;

import static certus.app.service.JsonFields.bad;

/**
 * A validated job submission. JSON body: {@code {"kind": "fit"|"certify"|"cv"|"tenmtl"|"dualenc", "csv": "task,y,x1,..."
 * (or "data": {"columns": [...], "rows": [[...]]}, or the CSV as an uploaded file), "params": {...}, "method": "auto"|"bnb"|...,
 * "backend": "scip", "time_limit": 60, "seed": 1, "task_col": "task", "response": "y", "drop": ["id"]}}; the
 * fields of {@code params} per kind are in {@link JobSpec}. Everything is checked here, before the job is stored, so a
 * bad submission is a 400 with the CLI's words and never a failed job.
 *
 * @param kind      what to run
 * @param spec      the kind's settings
 * @param csv       the data as CSV text (from "csv", converted from "data", or the uploaded file)
 * @param source    how messages about the data name it ("csv", "data (...)", "upload 'f.csv'")
 * @param timeLimit seconds (capped by the server's maximum, which is also the default)
 * @param seed      seed of the heuristic / the random starts
 * @param format    CSV column roles
 * @param stored    the request as stored and re-read after a restart: the body with the time limit made explicit and
 *                  an uploaded file as "csv"; parsing it again gives this same request
 */
public record JobRequest(JobKind kind, JobSpec spec, String csv, String source, double timeLimit, long seed, CsvFormatOptions format,
                         ObjectNode stored) {
    static final Set<String> FIELDS = Set.of("kind", "csv", "data", "params", "method", "backend", "time_limit", "seed", "task_col",
            "response", "drop");
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** Parses and validates a body carrying its data inline; {@code maxTimeLimit} caps (and defaults) the time limit. */
    public static JobRequest parse(JsonNode body, double maxTimeLimit) {
        return parse(body, null, null, maxTimeLimit);
    }

    /**
     * As {@link #parse(JsonNode, double)}, with the data uploaded as a file ({@code uploadedCsv} non-null): then the body
     * must not carry data of its own.
     */
    public static JobRequest parse(JsonNode body, String uploadedCsv, String uploadName, double maxTimeLimit) {
        if (body == null || !body.isObject()) throw bad("the request must be a JSON object");
        JsonFields.onlyKnown(body, FIELDS, "");
        JobKind kind = JobKind.parse(JsonFields.text(body, "kind", "kind", true));
        double limit = JsonFields.number(body, "time_limit", "time_limit", maxTimeLimit);
        if (!(limit > 0)) throw bad("'time_limit' must be > 0 seconds, got " + limit);
        if (limit > maxTimeLimit) throw bad("'time_limit' " + limit + " exceeds the server's maximum of " + maxTimeLimit + " seconds");
        long seed = JsonFields.longInteger(body, "seed", "seed", 1L);
        CsvFormatOptions format = format(body);
        JobSpec spec = JobSpec.parse(kind, body, seed);
        ObjectNode stored = ((ObjectNode) body).deepCopy();
        stored.put("time_limit", limit);
        String csv;
        String source;
        if (uploadedCsv != null) {
            if (body.has("csv") || body.has("data")) throw bad("the data was uploaded as a file; the request must not also carry 'csv' or 'data'");
            csv = uploadedCsv;
            source = "upload '" + uploadName + "'";
            stored.put("csv", csv);
            stored.put("upload_name", uploadName);
        } else if (body.has("csv") == body.has("data")) {
            throw bad("give the data once: 'csv' (CSV text), 'data' ({\"columns\": [...], \"rows\": [[...]]}) or an uploaded file");
        } else if (body.has("csv")) {
            csv = JsonFields.text(body, "csv", "csv", true);
            source = "csv";
        } else {
            csv = InlineTable.toCsv(body.get("data"), format);
            source = InlineTable.SOURCE;
        }
        return new JobRequest(kind, spec, csv, source, limit, seed, format, stored);
    }

    /** Re-reads a stored request (after a restart too): no cap on the time limit, which was checked at submission. */
    static JobRequest ofStored(JsonNode stored) {
        ObjectNode body = ((ObjectNode) stored).deepCopy();
        JsonNode upload = body.remove("upload_name");
        if (upload == null) return parse(body, Double.POSITIVE_INFINITY);
        String csv = body.remove("csv").asText();
        return parse(body, csv, upload.asText(), Double.POSITIVE_INFINITY);
    }

    /** The request as stored. */
    public String toJson() {
        return stored.toString();
    }

    private static CsvFormatOptions format(JsonNode body) {
        CsvFormatOptions format = CsvFormatOptions.defaults();
        String taskCol = JsonFields.text(body, "task_col", "task_col", false);
        if (taskCol != null) format = format.withTaskColumn(taskCol);
        String response = JsonFields.text(body, "response", "response", false);
        if (response != null) format = format.withResponseColumn(response);
        JsonNode drop = body.get("drop");
        if (drop != null && !drop.isNull()) {
            if (!drop.isArray()) throw bad("'drop' must be an array of column names");
            Set<String> names = new HashSet<>();
            for (int i = 0; i < drop.size(); i++) {
                if (!drop.get(i).isTextual()) throw bad("'drop[" + i + "]' must be a string, got " + JsonFields.type(drop.get(i)));
                names.add(drop.get(i).asText());
            }
            format = format.withDropColumns(names);
        }
        return format;
    }
}
