package certus.app.service;

import certus.data.LoadedData;
import certus.data.MultiTaskCsvReader;
import certus.estimators.Smtl;
import certus.estimators.SmtlModel;
import certus.estimators.exact.SmtlCertifier;
import certus.estimators.io.CertificateJson;
import certus.estimators.io.ModelJson;
import certus.formulations.cert.Certificate;
import certus.solver.CancellationToken;
import certus.solver.SolveListener;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.StringReader;
import java.util.function.Consumer;

/**
 * Runs one job with the same code paths as {@code certus fit} and {@code certus certify}, so the result JSON is the
 * CLI's. Progress goes to {@code progress} as small JSON objects (phase, incumbent, bound, gap, elapsed).
 */
final class JobExecutor {
    private JobExecutor() {}

    /** Parses the job's CSV (the same reader and messages as the CLI); a bad CSV is a 400 at submission. */
    static LoadedData data(JobRequest r) {
        try {
            return new MultiTaskCsvReader(r.format()).read(new StringReader(r.csv()), "csv");
        } catch (certus.data.DataFormatException | certus.smtl.InvalidProblemException e) {
            throw new BadRequestException(400, e.getMessage());
        }
    }

    /** Checks what can be checked before queueing: the CSV parses, the problem is within the size cap, s fits p. */
    static void validate(JobRequest r, long maxCells) {
        LoadedData d = data(r);
        long cells = (long) d.data().totalRows() * d.data().featureCount();
        if (cells > maxCells) {
            throw new BadRequestException(413, "the problem has " + d.data().totalRows() + " rows x " + d.data().featureCount() + " features = "
                    + cells + " values; this server accepts at most " + maxCells);
        }
        if (r.params().s() > d.data().featureCount()) {
            throw new BadRequestException(400, "s=" + r.params().s() + " exceeds the number of features p=" + d.data().featureCount());
        }
    }

    static String run(JobRequest r, CancellationToken token, Consumer<String> progress) {
        LoadedData d = data(r);
        long t0 = System.nanoTime();
        if (r.kind().equals("fit")) {
            Smtl estimator = Smtl.builder().params(r.params()).seed(r.seed()).timeLimitSeconds(r.timeLimit()).stopRequest(token::isCancelled)
                    .listener((stage, iteration, objective, seconds) -> progress.accept(progressJson(stage, objective, Double.NaN, seconds)))
                    .build();
            SmtlModel m = estimator.fit(d.data());
            return ModelJson.write(m);
        }
        SmtlCertifier certifier = SmtlCertifier.builder().params(r.params()).method(r.method()).backend(r.backend()).seed(r.seed())
                .timeLimitSeconds(r.timeLimit()).cancellation(token)
                .heuristicListener((stage, iteration, objective, seconds) -> progress.accept(progressJson("heuristic: " + stage, objective, Double.NaN,
                        seconds)))
                .solveListener(new SolveListener() {
                    @Override
                    public void onProgress(SolveProgress e) {
                        progress.accept(progressJson("exact", e.incumbent(), e.bound(), (System.nanoTime() - t0) / 1e9));
                    }
                }).build();
        Certificate c = certifier.certify(d.data());
        return CertificateJson.write(c);
    }

    static String progressJson(String phase, double incumbent, double bound, double seconds) {
        ObjectNode n = JobRequest.MAPPER.createObjectNode();
        n.put("phase", phase);
        put(n, "incumbent", incumbent);
        put(n, "bound", bound);
        put(n, "gap", Double.isFinite(incumbent) && Double.isFinite(bound) ? Math.abs(incumbent - bound) / Math.max(Math.abs(incumbent), 1e-10) : Double.NaN);
        n.put("elapsed", Math.round(seconds * 1000) / 1000.0);
        return n.toString();
    }

    private static void put(ObjectNode n, String key, double v) {
        if (Double.isFinite(v)) n.put(key, v); else n.putNull(key);
    }
}
