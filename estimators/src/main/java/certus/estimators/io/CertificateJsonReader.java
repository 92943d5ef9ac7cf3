package certus.estimators.io;

import certus.data.DataFormatException;
import certus.estimators.SmtlModel;
import certus.formulations.ExactMethod;
import certus.formulations.MKind;
import certus.formulations.cert.Certificate;
import certus.formulations.cert.CertificateStatus;
import certus.formulations.cert.CertifiedProblem;
import certus.formulations.cert.DataFingerprint;
import certus.formulations.cert.SolveProvenance;
import certus.smtl.ObjectiveValue;
import certus.solver.Termination;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a certificate file: the fit-schema part through {@link ModelJsonReader}, then the {@code certificate}
 * object. Every error is a {@link DataFormatException} naming the file and the key ("certificate.m.kind"), since a
 * certificate is an input to {@code verify} and may have been edited by hand (or by an attacker).
 */
public final class CertificateJsonReader {
    private static final String ROLE = "certificate file";
    private final String source;

    private CertificateJsonReader(String source) {
        this.source = source;
    }

    public static Certificate read(Path file) {
        return parse(JsonFiles.readText(file, ROLE), file.toString());
    }

    public static Certificate parse(String text, String source) {
        JsonNode root = ModelJsonReader.tree(text, source, ROLE);
        SmtlModel m = ModelJsonReader.parse(root, source, ROLE);
        return new CertificateJsonReader(source).certificate(root, m);
    }

    private Certificate certificate(JsonNode root, SmtlModel m) {
        JsonNode c = object(root, "certificate");
        JsonNode fp = object(c, "certificate.fingerprint");
        if (!"sha256".equals(fp.path("algorithm").asText(null))) throw fail("certificate.fingerprint.algorithm", "expected \"sha256\"");
        JsonNode tasks = fp.get("tasks");
        // Without a solution the fit schema's "tasks" array is empty: the labels then come from the fingerprint.
        boolean solved = m.solution() != null;
        if (tasks == null || !tasks.isArray() || tasks.size() == 0 || (solved && tasks.size() != m.tasks().size())) {
            throw fail("certificate.fingerprint.tasks", "expected an array with one entry per task" + (solved ? " (" + m.tasks().size() + ")" : ""));
        }
        List<String> digests = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < tasks.size(); k++) {
            String at = "certificate.fingerprint.tasks[" + k + "]";
            JsonNode t = tasks.get(k);
            String label = t.path("task").asText(null);
            if (label == null || (solved && !m.tasks().get(k).equals(label))) {
                throw fail(at + ".task", solved ? "expected '" + m.tasks().get(k) + "'" : "missing or not a string");
            }
            labels.add(label);
            JsonNode r = t.get("rows");
            if (r == null || !r.canConvertToInt() || !r.isIntegralNumber()) throw fail(at + ".rows", "expected an integer");
            rows.add(r.asInt());
            String h = t.path("sha256").asText("");
            if (!h.matches("[0-9a-f]{64}")) throw fail(at + ".sha256", "expected 64 lowercase hex digits");
            digests.add(h);
        }
        CertificateStatus status = CertificateStatus.valueOf(m.status().name());
        Termination term;
        try {
            term = m.termination().toSolver();
        } catch (IllegalArgumentException e) {
            throw fail("termination", e.getMessage());
        }
        ObjectiveValue parts = m.solution() == null ? null : parts(object(c, "certificate.objective_parts"));
        JsonNode mNode = object(c, "certificate.m");
        MKind kind;
        try {
            kind = MKind.valueOf(mNode.path("kind").asText("").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw fail("certificate.m.kind", "expected none, proven or checked");
        }
        ExactMethod method;
        try {
            method = ExactMethod.valueOf(m.method().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw fail("method", "expected one of " + java.util.Arrays.stream(ExactMethod.values()).map(ExactMethod::cliName).toList()
                    + ", got '" + m.method() + "'");
        }
        if (m.backend() == null) throw fail("backend", "missing");
        SolveProvenance prov = new SolveProvenance(method, m.backend(), text(c, "certificate.backend_version"), kind,
                optionalNumber(mNode, "certificate.m.value", Double.NaN), integer(mNode, "certificate.m.doublings"), m.seconds(),
                (long) number(c, "certificate.nodes"), integer(c, "certificate.rounds"), integer(c, "certificate.cuts"),
                number(c, "certificate.gap_tolerance"), text(c, "certificate.certus_version"),
                c.path("bound_check").isTextual() ? c.get("bound_check").asText() : "");
        CertifiedProblem problem = new CertifiedProblem(m.params().s(), m.params().ridge(), m.params().bbar(), m.params().zbar(),
                m.params().commonSupport(), m.standardize(), m.features(), labels, rows);
        boolean conditional = bool(c, "certificate.optimality_conditional");
        double objective = m.objective() == null ? Double.NaN : m.objective();
        double bound = m.bound() == null ? Double.NEGATIVE_INFINITY : m.bound();
        double gap = m.gap() == null ? Double.POSITIVE_INFINITY : m.gap();
        try {
            return new Certificate(problem, new DataFingerprint(digests), m.solution(), parts, objective, bound,
                    gap, status, term, conditional, prov);
        } catch (IllegalArgumentException e) {
            throw fail("status", e.getMessage());
        }
    }

    private ObjectiveValue parts(JsonNode p) {
        String at = "certificate.objective_parts";
        return new ObjectiveValue(number(p, at + ".loss"), number(p, at + ".ridge"), number(p, at + ".bbar"), number(p, at + ".zbar"));
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private JsonNode object(JsonNode parent, String path) {
        JsonNode v = parent.get(leaf(path));
        if (v == null || !v.isObject()) throw fail(path, "missing or not an object");
        return v;
    }

    private String text(JsonNode parent, String path) {
        JsonNode v = parent.get(leaf(path));
        if (v == null || !v.isTextual()) throw fail(path, "missing or not a string");
        return v.asText();
    }

    private double number(JsonNode parent, String path) {
        JsonNode v = parent.get(leaf(path));
        if (v == null || !v.isNumber()) throw fail(path, "missing or not a number");
        return v.asDouble();
    }

    private double optionalNumber(JsonNode parent, String path, double absent) {
        JsonNode v = parent.get(leaf(path));
        if (v == null || v.isNull()) return absent;
        if (!v.isNumber()) throw fail(path, "expected a number or null");
        return v.asDouble();
    }

    private int integer(JsonNode parent, String path) {
        JsonNode v = parent.get(leaf(path));
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) throw fail(path, "missing or not an integer");
        return v.asInt();
    }

    private boolean bool(JsonNode parent, String path) {
        JsonNode v = parent.get(leaf(path));
        if (v == null || !v.isBoolean()) throw fail(path, "missing or not true/false");
        return v.asBoolean();
    }

    private DataFormatException fail(String path, String what) {
        return new DataFormatException(ROLE + " " + source + ": key '" + path + "': " + what);
    }
}
