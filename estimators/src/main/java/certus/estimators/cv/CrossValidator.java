package certus.estimators.cv;

import certus.data.MultiTaskData;
import certus.estimators.Metrics;
import certus.data.StandardizedData;
import certus.estimators.Smtl;
import certus.estimators.SmtlModel;
import certus.estimators.SmtlParams;
import certus.estimators.SolverException;
import certus.heuristics.HeuristicListener;
import certus.heuristics.HeuristicResult;
import certus.smtl.InvalidProblemException;
import certus.smtl.SmtlProblem;
import certus.smtl.SmtlSolution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Multi-task K-fold cross-validation (spec §6) with the true 1-SE rule. Each fold fits the whole grid as one
 * warm-started path ({@link CvGrid#points()} order) on a bounded pool of min(threads, cores, folds) workers;
 * then the chosen parameters are refit on all data. Deterministic for the template's seed: folds depend on it
 * and each fold's path is a pure function of its data, whatever the thread schedule.
 */
public final class CrossValidator {
    private final CvGrid grid;
    private final int folds;
    private final int threads;
    private final Smtl template;
    private final CvListener listener;

    /**
     * @param template estimator whose options, seed, time limit (per fold path and for the refit) and engine are
     *                 used; its own s and weights are ignored
     */
    public CrossValidator(CvGrid grid, int folds, int threads, Smtl template, CvListener listener) {
        if (threads < 1) throw new InvalidProblemException("threads must be >= 1, got " + threads);
        this.grid = grid;
        this.folds = folds;
        this.threads = threads;
        this.template = template;
        this.listener = listener == null ? CvListener.NONE : listener;
    }

    public CvResult run(MultiTaskData data) {
        int p = data.featureCount();
        if (grid.maxS() > p) throw new InvalidProblemException("the s grid reaches s=" + grid.maxS() + " but the data have p=" + p + " features");
        Folds split = Folds.stratified(data, folds, template.options().seed());
        List<SmtlParams> points = grid.points();
        double[][] errors = new double[points.size()][folds];
        int workers = Math.max(1, Math.min(Math.min(threads, Runtime.getRuntime().availableProcessors()), folds));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "certus-cv");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        try {
            List<Future<double[]>> futures = new ArrayList<>();
            for (int f = 0; f < folds; f++) {
                final int fold = f;
                futures.add(pool.submit(() -> {
                    double[] e = foldErrors(split, fold, points);
                    int n = done.incrementAndGet();
                    listener.onProgress(n, folds, String.format("fold %d/%d done (%d fits, %.1f s elapsed)", fold + 1, folds,
                            points.size(), (System.nanoTime() - start) / 1e9));
                    return e;
                }));
            }
            for (int f = 0; f < folds; f++) {
                double[] e = await(futures.get(f), futures);
                for (int g = 0; g < points.size(); g++) errors[g][f] = e[g];
            }
        } finally {
            pool.shutdownNow();
        }
        List<CvRow> rows = new ArrayList<>(points.size());
        for (int g = 0; g < points.size(); g++) rows.add(CvRow.of(points.get(g), errors[g]));
        int best = OneSeRule.argmin(rows);
        int chosen = OneSeRule.select(rows);
        listener.onProgress(folds, folds, "refitting on all data with " + describe(points.get(chosen)));
        SmtlModel model = template.withParams(points.get(chosen)).fit(data);
        return new CvResult(rows, folds, best, chosen, model);
    }

    /** Multi-task RMSE on the held-out fold for every grid point (NaN where the engine gave no solution). */
    private double[] foldErrors(Folds split, int fold, List<SmtlParams> points) {
        MultiTaskData train = split.train(fold);
        MultiTaskData test = split.test(fold);
        // Standardize with the training fold's scales only, so no information leaks from the held-out rows.
        StandardizedData scaled = template.scale(train);
        MultiTaskData fitted = scaled == null ? train : scaled.data();
        List<SmtlProblem> problems = new ArrayList<>(points.size());
        for (SmtlParams g : points) problems.add(g.toProblem(fitted));
        List<HeuristicResult> results = template.fitter().fitPath(problems, template.options(), HeuristicListener.NONE);
        double[] e = new double[points.size()];
        Arrays.fill(e, Double.NaN);
        for (int g = 0; g < Math.min(results.size(), e.length); g++) {
            HeuristicResult r = results.get(g);
            if (r != null && r.solution() != null) {
                SmtlSolution raw = scaled == null ? r.solution() : scaled.toRaw(r.solution());
                e[g] = Metrics.multiTaskRmse(Metrics.perTaskRmse(raw, test));
            }
        }
        return e;
    }

    private static double[] await(Future<double[]> future, List<Future<double[]>> all) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            all.forEach(x -> x.cancel(true));
            throw new SolverException("cross-validation interrupted", e);
        } catch (ExecutionException e) {
            all.forEach(x -> x.cancel(true));
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof Error err) throw err;
            throw new SolverException("cross-validation fold failed: " + c, c);
        }
    }

    static String describe(SmtlParams p) {
        return "s=" + p.s() + " ridge=" + p.ridge() + " bbar=" + p.bbar() + " zbar=" + p.zbar()
                + (p.commonSupport() ? " common-support" : "");
    }
}
