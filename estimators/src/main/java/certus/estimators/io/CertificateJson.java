package certus.estimators.io;

import certus.estimators.exact.SmtlCertifier;
import certus.formulations.cert.Certificate;
import certus.formulations.cert.SolveProvenance;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a certificate as the fit result JSON (status, termination, objective, bound, gap, seconds, method,
 * backend, problem, features, tasks — so {@code predict} and every model reader take it) plus a
 * {@code certificate} object with what the independent verifier and a human auditor need:
 *
 * <pre>
 * "certificate": {
 *   "format": 1,
 *   "objective_parts": {"loss", "ridge", "bbar", "zbar"},
 *   "fingerprint": {"algorithm": "sha256", "tasks": [{"task", "rows", "sha256"}]},
 *   "optimality_conditional": bool,
 *   "m": {"kind": "none|proven|checked", "value": number|null, "doublings": int},
 *   "backend_version", "nodes", "rounds", "cuts", "gap_tolerance", "certus_version",
 *   "bound_check" (optional: how certify re-derived the bound)
 * }
 * </pre>
 * Unknown numbers (bound -Infinity, gap +Infinity, objective NaN) are written as null, as in the fit schema.
 */
public final class CertificateJson {
    public static final int FORMAT = 1;

    private CertificateJson() {}

    public static String write(Certificate c) {
        ObjectNode root = ModelJson.tree(SmtlCertifier.toModel(c));
        ObjectNode cert = root.putObject("certificate");
        cert.put("format", FORMAT);
        ObjectNode parts = cert.putObject("objective_parts");
        if (c.objectiveParts() != null) {
            parts.put("loss", c.objectiveParts().loss());
            parts.put("ridge", c.objectiveParts().ridge());
            parts.put("bbar", c.objectiveParts().bbar());
            parts.put("zbar", c.objectiveParts().zbar());
        }
        ObjectNode fp = cert.putObject("fingerprint");
        fp.put("algorithm", "sha256");
        ArrayNode tasks = fp.putArray("tasks");
        for (int k = 0; k < c.problem().tasks().size(); k++) {
            ObjectNode t = tasks.addObject();
            t.put("task", c.problem().tasks().get(k));
            t.put("rows", c.problem().rows().get(k));
            t.put("sha256", c.fingerprint().sha256().get(k));
        }
        cert.put("optimality_conditional", c.optimalityConditional());
        SolveProvenance p = c.provenance();
        ObjectNode m = cert.putObject("m");
        m.put("kind", p.mKind().name().toLowerCase(Locale.ROOT));
        ModelJson.putNumber(m, "value", p.mValue());
        m.put("doublings", p.mDoublings());
        cert.put("backend_version", p.backendVersion());
        cert.put("nodes", p.nodes());
        cert.put("rounds", p.rounds());
        cert.put("cuts", p.cuts());
        cert.put("gap_tolerance", p.gapTolerance());
        cert.put("certus_version", p.certusVersion());
        if (!p.boundCheck().isEmpty()) cert.put("bound_check", p.boundCheck());
        return ModelJson.toText(root);
    }

    /** Reads a certificate written by {@link #write}; see {@link CertificateJsonReader}. */
    public static Certificate read(Path file) {
        return CertificateJsonReader.read(file);
    }
}
