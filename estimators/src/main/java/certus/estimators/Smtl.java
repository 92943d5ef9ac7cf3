package certus.estimators;

import certus.data.MultiTaskData;
import certus.data.StandardizedData;
import certus.data.Standardizer;
import certus.heuristics.HeuristicListener;
import certus.heuristics.HeuristicOptions;
import certus.heuristics.HeuristicResult;
import certus.smtl.SmtlProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Java entry point for sparse multi-task regression: configure once with {@link #builder()}, then
 * {@link #fit} data. Immutable and thread-safe; a fit never changes the estimator.
 *
 * <pre>{@code
 * SmtlModel m = Smtl.builder().s(5).ridge(1e-2).zbar(0.1).seed(7).build().fit(data);
 * double yhat = m.predict("task2", x);
 * }</pre>
 */
public final class Smtl {
    private final SmtlParams params;
    private final HeuristicOptions options;
    private final HeuristicListener listener;
    private final PathFitter fitter;
    private final Standardizer standardize;

    private Smtl(Builder b) {
        this.params = new SmtlParams(b.s, b.ridge, b.bbar, b.zbar, b.commonSupport);
        HeuristicOptions o = HeuristicOptions.defaults().withSeed(b.seed).withLocalSearch(b.localSearch).withStopRequest(b.stopRequest);
        this.options = b.timeLimitSeconds == null ? o : o.withTimeLimitSeconds(b.timeLimitSeconds);
        this.listener = b.listener;
        this.fitter = b.fitter;
        this.standardize = b.standardize;
    }

    public static Builder builder() {
        return new Builder();
    }

    public SmtlParams params() { return params; }

    public HeuristicOptions options() { return options; }

    /** The engine this estimator fits with (the heuristic unless the builder was given another). */
    public PathFitter fitter() { return fitter; }

    /** How features are rescaled within each task before fitting (default: not at all). */
    public Standardizer standardize() { return standardize; }

    /**
     * Fits the configured problem; throws InvalidProblemException when s exceeds the data's p. With a
     * standardization, the problem solved (and its reported objective) is on the rescaled data; the model's
     * coefficients are mapped back to the raw scale.
     */
    public SmtlModel fit(MultiTaskData data) {
        StandardizedData scaled = scale(data);
        SmtlProblem problem = params.toProblem(scaled == null ? data : scaled.data());
        long start = System.nanoTime();
        List<HeuristicResult> results = fitter.fitPath(List.of(problem), options, listener);
        double seconds = (System.nanoTime() - start) / 1e9;
        return ModelFactory.fromHeuristic(problem, results.isEmpty() ? null : results.get(0), options, seconds, scaled);
    }

    /** The standardized data, or null when the data are fitted as given. */
    public StandardizedData scale(MultiTaskData data) {
        return standardize == Standardizer.NONE ? null : standardize.standardize(data);
    }

    /**
     * Fits a path of parameter settings on the same data, in the given order, each warm-started from the
     * previous one (put the sparsest s or the weakest penalties where the path should start). The time limit
     * covers the whole path.
     */
    public SmtlModel[] path(MultiTaskData data, List<SmtlParams> grid) {
        StandardizedData scaled = scale(data);
        MultiTaskData fitted = scaled == null ? data : scaled.data();
        List<SmtlProblem> problems = new ArrayList<>(grid.size());
        for (SmtlParams g : grid) problems.add(g.toProblem(fitted));
        List<HeuristicResult> results = fitter.fitPath(problems, options, listener);
        SmtlModel[] out = new SmtlModel[problems.size()];
        for (int i = 0; i < out.length; i++) {
            HeuristicResult r = i < results.size() ? results.get(i) : null;
            out[i] = ModelFactory.fromHeuristic(problems.get(i), r, options, r == null ? 0.0 : r.seconds(), scaled);
        }
        return out;
    }

    /** Prediction b_k + x^T beta_k for the task with this label. */
    public static double predict(SmtlModel model, String task, double[] x) {
        return model.predict(task, x);
    }

    /** Copy of this estimator with other problem parameters (same options, listener, engine). */
    public Smtl withParams(SmtlParams p) {
        Builder b = toBuilder();
        b.s = p.s();
        b.ridge = p.ridge();
        b.bbar = p.bbar();
        b.zbar = p.zbar();
        b.commonSupport = p.commonSupport();
        return b.build();
    }

    private Builder toBuilder() {
        Builder b = new Builder();
        b.s = params.s();
        b.ridge = params.ridge();
        b.bbar = params.bbar();
        b.zbar = params.zbar();
        b.commonSupport = params.commonSupport();
        b.seed = options.seed();
        b.timeLimitSeconds = Double.isInfinite(options.timeLimitSeconds()) ? null : options.timeLimitSeconds();
        b.localSearch = options.localSearch();
        b.stopRequest = options.stopRequest();
        b.listener = listener;
        b.fitter = fitter;
        b.standardize = standardize;
        return b;
    }

    /** Mutable builder; {@link #build()} validates. Defaults: ridge = bbar = zbar = 0, no common support, seed 1. */
    public static final class Builder {
        private int s = -1;
        private double ridge;
        private double bbar;
        private double zbar;
        private boolean commonSupport;
        private long seed = 1L;
        private Double timeLimitSeconds;
        private boolean localSearch = true;
        private java.util.function.BooleanSupplier stopRequest = HeuristicOptions.NEVER;
        private HeuristicListener listener = HeuristicListener.NONE;
        private PathFitter fitter = PathFitter.heuristic();
        private Standardizer standardize = Standardizer.NONE;

        private Builder() {}

        /** Rescale features within each task before fitting (coefficients are reported on the raw scale). */
        public Builder standardize(Standardizer v) { standardize = Objects.requireNonNull(v, "standardize"); return this; }

        public Builder s(int v) { s = v; return this; }

        public Builder ridge(double v) { ridge = v; return this; }

        public Builder bbar(double v) { bbar = v; return this; }

        public Builder zbar(double v) { zbar = v; return this; }

        public Builder commonSupport(boolean v) { commonSupport = v; return this; }

        public Builder seed(long v) { seed = v; return this; }

        /** Wall-clock budget in seconds (positive); without it the heuristic runs to its own stopping rule. */
        public Builder timeLimitSeconds(double v) { timeLimitSeconds = v; return this; }

        public Builder localSearch(boolean v) { localSearch = v; return this; }

        /** Polled during the fit; true stops it with the best point so far (termination limit INTERRUPTED). */
        public Builder stopRequest(java.util.function.BooleanSupplier v) { stopRequest = java.util.Objects.requireNonNull(v, "stopRequest"); return this; }

        public Builder params(SmtlParams p) {
            return s(p.s()).ridge(p.ridge()).bbar(p.bbar()).zbar(p.zbar()).commonSupport(p.commonSupport());
        }

        public Builder listener(HeuristicListener v) { listener = Objects.requireNonNull(v, "listener"); return this; }

        /** Alternate engine (the exact engine later; small oracles in tests). Default: the sMTL heuristic. */
        public Builder fitter(PathFitter v) { fitter = Objects.requireNonNull(v, "fitter"); return this; }

        public Smtl build() {
            if (timeLimitSeconds != null && !(timeLimitSeconds > 0)) {
                throw new certus.smtl.InvalidProblemException("time limit must be > 0 seconds, got " + timeLimitSeconds);
            }
            return new Smtl(this);
        }
    }
}
