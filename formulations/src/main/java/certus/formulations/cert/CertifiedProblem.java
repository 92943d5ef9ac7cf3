package certus.formulations.cert;

import certus.data.Standardizer;
import certus.smtl.SmtlProblem;

import java.util.List;
import java.util.Objects;

/**
 * The problem a certificate is about, without the data (the data are identified by the {@link DataFingerprint}).
 * With a standardization the certified problem is the one on the rescaled data: the verifier rebuilds it by
 * applying {@code standardize} to the raw data, which is deterministic.
 *
 * @param s             per-task cardinality
 * @param ridge         lambda_1
 * @param bbar          lambda_2
 * @param zbar          lambda_z
 * @param commonSupport one support for all tasks
 * @param standardize   per-task column scaling applied before solving
 * @param features      feature names, in coefficient order
 * @param tasks         task labels, in solution order
 * @param rows          n_k per task
 */
public record CertifiedProblem(int s, double ridge, double bbar, double zbar, boolean commonSupport, Standardizer standardize,
                               List<String> features, List<String> tasks, List<Integer> rows) {
    public CertifiedProblem {
        Objects.requireNonNull(standardize, "standardize");
        features = List.copyOf(features);
        tasks = List.copyOf(tasks);
        rows = List.copyOf(rows);
        if (rows.size() != tasks.size()) throw new IllegalArgumentException(rows.size() + " row counts for " + tasks.size() + " tasks");
    }

    /** The parameters of {@code solved} (whose data may be rescaled) with the given standardization mode. */
    public static CertifiedProblem of(SmtlProblem solved, Standardizer standardize) {
        List<Integer> rows = solved.data().tasks().stream().map(t -> t.rows()).toList();
        return new CertifiedProblem(solved.s(), solved.ridge(), solved.bbar(), solved.zbar(), solved.commonSupport(), standardize,
                solved.data().featureNames(), solved.data().taskLabels(), rows);
    }
}
