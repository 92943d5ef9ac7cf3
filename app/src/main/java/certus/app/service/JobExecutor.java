package certus.app.service;

import certus.data.DataFormatException;
import certus.data.LoadedData;
import certus.data.MultiTaskCsvReader;
import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.estimators.FitControl;
import certus.estimators.Smtl;
import certus.estimators.SmtlModel;
import certus.estimators.cv.CrossValidator;
import certus.estimators.cv.CvResult;
import certus.estimators.cv.CvRow;
import certus.estimators.dualenc.DualEncoderFitter;
import certus.estimators.dualenc.DualEncoderModel;
import certus.estimators.exact.SmtlCertifier;
import certus.estimators.glm.Family;
import certus.estimators.io.CertificateJson;
import certus.estimators.io.DualEncoderJson;
import certus.estimators.io.ModelJson;
import certus.estimators.io.TenMtlJson;
import certus.estimators.tenmtl.TenMtl;
import certus.formulations.cert.Certificate;
import certus.solver.CancellationToken;
import certus.solver.SolveListener;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.StringReader;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Runs one job with the same code paths as the CLI command of its kind, so the result JSON is the CLI's (cv adds its
 * table to the model JSON as {@code "cv"}). Progress goes to {@code progress} as small JSON objects (phase,
 * incumbent, bound, gap, elapsed). The job's time limit bounds the whole job; its token stops it at the next
 * checkpoint with the best result so far.
 */
final class JobExecutor {
    private JobExecutor() {}

    /** Parses the job's CSV (the same reader and messages as the CLI); a bad CSV is a 400 at submission. */
    static LoadedData data(JobRequest r) {
        try {
            return new MultiTaskCsvReader(r.format()).read(new StringReader(r.csv()), r.source());
        } catch (DataFormatException | certus.smtl.InvalidProblemException e) {
            throw new BadRequestException(400, e.getMessage());
        }
    }

    /** Checks what can be checked before queueing: the data parse, the problem is within the size cap, s fits p, 0/1 responses. */
    static void validate(JobRequest r, long maxCells) {
        MultiTaskData d = data(r).data();
        long cells = (long) d.totalRows() * d.featureCount();
        if (cells > maxCells) {
            throw new BadRequestException(413, "the problem has " + d.totalRows() + " rows x " + d.featureCount() + " features = "
                    + cells + " values; this server accepts at most " + maxCells);
        }
        int largestS = 0;
        if (r.spec() instanceof JobSpec.Fit f) largestS = f.params().s();
        if (r.spec() instanceof JobSpec.Certify c) largestS = c.params().s();
        if (r.spec() instanceof JobSpec.Cv cv) largestS = cv.grid().s().stream().mapToInt(Integer::intValue).max().orElse(0);
        if (largestS > d.featureCount()) {
            throw new BadRequestException(400, "s=" + largestS + " exceeds the number of features p=" + d.featureCount());
        }
        if (r.spec() instanceof JobSpec.Cv cv) {
            for (TaskData t : d.tasks()) {
                if (t.rows() < cv.folds()) {
                    throw new BadRequestException(400, r.source() + ": task '" + t.label() + "' has " + t.rows() + " rows, fewer than the "
                            + cv.folds() + " folds ('params.folds')");
                }
            }
        }
        if (r.spec() instanceof JobSpec.TenMtl t && t.options().family() == Family.BINOMIAL) checkBinary(d, r);
    }

    static String run(JobRequest r, CancellationToken token, Consumer<String> progress) {
        return run(r, token, progress, c -> { }, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param checkpoint receives snapshot results of a certify job while it runs (certificate JSON)
     * @param threads    solver threads of a certify job (the service gives each of its job workers a share of the cores)
     */
    static String run(JobRequest r, CancellationToken token, Consumer<String> progress, Consumer<String> checkpoint, int threads) {
        MultiTaskData d = data(r).data();
        long t0 = System.nanoTime();
        FitControl control = FitControl.of(r.timeLimit(), token);
        JobSpec spec = r.spec(); // Java 17: no pattern switch over the sealed specs yet
        if (spec instanceof JobSpec.Fit f) return ModelJson.write(smtl(r, f.params(), control, progress).build().fit(d));
        if (spec instanceof JobSpec.Certify c) return certify(r, c, d, token, progress, checkpoint, threads, t0);
        if (spec instanceof JobSpec.Cv cv) return cv(r, cv, d, control, progress);
        if (spec instanceof JobSpec.TenMtl t) {
            progress.accept(progressJson("tenmtl sweeps", Double.NaN, Double.NaN, 0));
            return TenMtlJson.write(TenMtl.fit(d, t.options(), control), null);
        }
        JobSpec.DualEnc e = (JobSpec.DualEnc) spec;
        DualEncoderModel m = DualEncoderFitter.fit(d, e.options(),
                line -> progress.accept(progressJson("dualenc: " + line, Double.NaN, Double.NaN, (System.nanoTime() - t0) / 1e9)), control);
        return DualEncoderJson.write(m, d.featureNames(), e.options());
    }

    /** The heuristic as {@code certus fit} builds it, stopped by the token or the job's deadline. */
    private static Smtl.Builder smtl(JobRequest r, certus.estimators.SmtlParams params, FitControl control, Consumer<String> progress) {
        return Smtl.builder().params(params).seed(r.seed()).timeLimitSeconds(r.timeLimit())
                .stopRequest(() -> control.hit() != certus.estimators.Termination.Limit.NONE)
                .listener((stage, iteration, objective, seconds) -> progress.accept(progressJson(stage, objective, Double.NaN, seconds)));
    }

    private static String certify(JobRequest r, JobSpec.Certify c, MultiTaskData d, CancellationToken token, Consumer<String> progress,
                                  Consumer<String> checkpoint, int threads, long t0) {
        SmtlCertifier certifier = SmtlCertifier.builder().params(c.params()).method(c.method()).backend(c.backend()).seed(r.seed())
                .threads(threads).timeLimitSeconds(r.timeLimit()).cancellation(token).checkpoint(snapshot -> checkpoint.accept(CertificateJson.write(snapshot)))
                .heuristicListener((stage, iteration, objective, seconds) -> progress.accept(progressJson("heuristic: " + stage, objective, Double.NaN,
                        seconds)))
                .solveListener(new SolveListener() {
                    @Override
                    public void onProgress(SolveProgress e) {
                        progress.accept(progressJson("exact", e.incumbent(), e.bound(), (System.nanoTime() - t0) / 1e9));
                    }
                }).build();
        Certificate cert = certifier.certify(d);
        return CertificateJson.write(cert);
    }

    /** {@code certus cv}: the chosen model's JSON with the CV table added as {@code "cv"}. */
    private static String cv(JobRequest r, JobSpec.Cv spec, MultiTaskData d, FitControl control, Consumer<String> progress) {
        Smtl template = smtl(r, new certus.estimators.SmtlParams(1, 0, 0, 0, false), control, p -> { }).build();
        long t0 = System.nanoTime();
        CrossValidator validator = new CrossValidator(spec.grid(), spec.folds(), 1, template,
                (done, total, message) -> progress.accept(progressJson("cv " + done + "/" + total + ": " + message, Double.NaN, Double.NaN,
                        (System.nanoTime() - t0) / 1e9)));
        CvResult result = validator.run(d);
        try {
            ObjectNode model = (ObjectNode) JobRequest.MAPPER.readTree(ModelJson.write(result.model()));
            ObjectNode cv = model.putObject("cv");
            cv.put("folds", result.folds());
            ArrayNode rows = cv.putArray("rows");
            for (int g = 0; g < result.rows().size(); g++) {
                CvRow row = result.rows().get(g);
                ObjectNode n = rows.addObject();
                n.put("s", row.params().s());
                n.put("ridge", row.params().ridge());
                n.put("bbar", row.params().bbar());
                n.put("zbar", row.params().zbar());
                n.put("mean_rmse", row.meanRmse());
                n.put("se_rmse", row.seRmse());
                ArrayNode folds = n.putArray("fold_rmse");
                for (double e : row.foldRmse()) folds.add(e);
                n.put("best", g == result.bestIndex());
                n.put("chosen", g == result.chosenIndex());
            }
            return JobRequest.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(model) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cv result: " + e.getMessage(), e);
        }
    }

    /** Binomial TenMTL needs 0/1 responses; the message names the task and its row, as {@code certus tenmtl fit} does. */
    private static void checkBinary(MultiTaskData d, JobRequest r) {
        for (TaskData t : d.tasks()) {
            for (int row = 0; row < t.rows(); row++) {
                double y = t.y(row);
                if (y != 0 && y != 1) {
                    throw new BadRequestException(400, String.format(Locale.ROOT, "%s: task '%s', its row %d: a binomial response (%s) must be 0 or 1, got %s",
                            r.source(), t.label(), row + 1, r.format().responseColumn(), y));
                }
            }
        }
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
