package certus.estimators.exact;

import certus.data.MultiTaskData;
import certus.data.StandardizedData;
import certus.data.Standardizer;
import certus.estimators.FitStatus;
import certus.estimators.PathFitter;
import certus.estimators.SmtlModel;
import certus.estimators.SmtlParams;
import certus.estimators.Termination;
import certus.formulations.ExactMethod;
import certus.formulations.bnb.BnbProof;
import certus.formulations.bnb.SupportBranchAndBound;
import certus.formulations.ExactMethods;
import certus.formulations.ExactOptions;
import certus.formulations.ExactResult;
import certus.formulations.ExactSolver;
import certus.formulations.cert.Certificate;
import certus.formulations.cert.CertificateFactory;
import certus.formulations.miqp.BigMExport;
import certus.heuristics.HeuristicListener;
import certus.heuristics.HeuristicOptions;
import certus.heuristics.HeuristicResult;
import certus.smtl.InvalidProblemException;
import certus.smtl.SmtlProblem;
import certus.solver.Backends;
import certus.solver.CancellationToken;
import certus.solver.SolveListener;
import certus.solver.SolveParameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Exact sMTL fits with a certificate: the heuristic gives a warm start, the chosen {@link ExactSolver} proves
 * (or bounds) it, and {@link CertificateFactory} re-checks the outcome. Immutable; one {@link #certify} per run.
 *
 * <p>Ctrl-C and time limits: cancellation is cooperative through the {@link CancellationToken}; whatever stops
 * the run, the best point so far is certified with its true (non-optimal) status. The heuristic cannot be
 * interrupted, so it is given a share of the time limit ({@link ExactDefaults#HEURISTIC_SHARE}).
 */
public final class SmtlCertifier {
    private final Builder b;

    private SmtlCertifier(Builder b) {
        this.b = b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The exact method this certifier runs on {@code data}: the one asked for, else {@link ExactDefaults#methodFor} the problem. */
    public ExactMethod method(MultiTaskData data) {
        return resolvedMethod(b.params.toProblem(data));
    }

    /** Asked for, else the default for the problem; a backend named without a method asks for a method that uses it. */
    private ExactMethod resolvedMethod(SmtlProblem problem) {
        if (b.method != null) return b.method;
        boolean namedMip = b.backend != null && !b.backend.equals(SupportBranchAndBound.ENGINE);
        return namedMip ? ExactDefaults.METHOD : ExactDefaults.methodFor(problem);
    }

    /** The backend this certifier uses on {@code data}: the one asked for, else {@link ExactDefaults#backendFor} the method. */
    public String backend(MultiTaskData data) {
        return b.backend != null ? b.backend : ExactDefaults.backendFor(method(data));
    }

    /**
     * Certifies the configured problem on {@code data}. Throws SolverUnavailableException (method or backend not
     * available) before doing any work, InvalidProblemException for s &gt; p.
     */
    public Certificate certify(MultiTaskData data) {
        long start = System.nanoTime();
        StandardizedData scaled = standardized(data);
        SmtlProblem problem = b.params.toProblem(scaled == null ? data : scaled.data());
        ExactMethod method = resolvedMethod(problem);
        String backend = b.backend != null ? b.backend : ExactDefaults.backendFor(method);
        ExactSolver solver = b.solvers.apply(method);
        // Certus's own bnb engine records a proof of its bound, re-checked below before the certificate reports it.
        BnbProof.Log proofLog = solver instanceof SupportBranchAndBound && b.proveBounds ? new BnbProof.Log() : null;
        if (proofLog != null) solver = new SupportBranchAndBound(proofLog);
        Backends backends = b.backends.get();
        String version = method.usesBackend() ? backends.require(backend).version() : SupportBranchAndBound.VERSION;
        SolveParameters sp = new SolveParameters(b.timeLimitSeconds, b.gap, SolveParameters.defaults().absoluteGap(), b.threads, b.seed, Map.of());
        ExactOptions options = new ExactOptions(method, backend, sp, ExactDefaults.MAX_ROUNDS);
        WarmStart warm = b.cancellation.isCancelled() ? WarmStart.NONE : warmStart(problem);
        double remaining = b.timeLimitSeconds - elapsed(start);
        ExactResult result;
        if (b.cancellation.isCancelled() || remaining <= 0) {
            var limit = b.cancellation.isCancelled() ? certus.solver.Termination.Limit.INTERRUPTED : certus.solver.Termination.Limit.TIME;
            result = warm.asResult(limit, options, version, elapsed(start));
        } else {
            SolveListener listener = b.solveListener;
            if (warm.solution() != null && b.checkpoint != null) {
                Checkpoints checkpoints = new Checkpoints(b.checkpoint, bound -> CertificateFactory.from(problem,
                        warm.checkpoint(bound, options, version, elapsed(start)), options, scaled, elapsed(start)), b.solveListener);
                checkpoints.take(Double.NEGATIVE_INFINITY);
                listener = checkpoints;
            }
            result = solver.solve(problem, warm.solution(), options.withParameters(sp.withTimeLimitSeconds(remaining)), backends,
                    listener, b.cancellation);
            result = warm.improve(result);
        }
        String boundCheck = "";
        if (proofLog != null) {
            BoundProofs.Checked checked = BoundProofs.check(problem, result, proofLog.proof(), b.solveListener, b.cancellation::isCancelled,
                    b.timeLimitSeconds - elapsed(start));
            result = checked.result();
            boundCheck = checked.note();
        }
        if (b.proofSink != null) {
            b.proofSink.accept(proofLog != null ? proofLog.proof() : new BnbProof(List.of(), b.proveBounds
                    ? "method " + method.cliName() + " records no proof (bnb does)" : "proof recording was turned off"));
        }
        return CertificateFactory.from(problem, result, options, scaled, elapsed(start)).withBoundCheck(boundCheck);
    }

    /**
     * The Big-M MIQP that {@code certify --method bigm} starts from, built on the same path as {@link #certify}:
     * same standardization, same heuristic warm start (seed, time share), same M rules ({@link BigMExport}). No
     * backend is needed or consulted. Throws InvalidProblemException for s &gt; p.
     */
    public ExportedModel exportBigM(MultiTaskData data) {
        StandardizedData scaled = standardized(data);
        SmtlProblem problem = b.params.toProblem(scaled == null ? data : scaled.data());
        WarmStart warm = warmStart(problem);
        BigMExport export = BigMExport.of(problem, warm.solution());
        List<String> header = new ArrayList<>(export.describe(problem));
        header.add(b.standardize == Standardizer.NONE ? "data used as given (no standardization)."
                : "features standardized within each task (--standardize " + b.standardize.cliName()
                + "): coefficients in this model are on the standardized scale.");
        return new ExportedModel(export.model(), header, export.mKind(), export.maxM());
    }

    /** The data certify and export both work on: rescaled within task when asked, else null (use the raw data). */
    private StandardizedData standardized(MultiTaskData data) {
        return b.standardize == Standardizer.NONE ? null : b.standardize.standardize(data);
    }

    private WarmStart warmStart(SmtlProblem problem) {
        HeuristicOptions ho = HeuristicOptions.defaults().withSeed(b.seed).withStopRequest(b.cancellation::isCancelled);
        if (Double.isFinite(b.timeLimitSeconds)) ho = ho.withTimeLimitSeconds(b.timeLimitSeconds * ExactDefaults.HEURISTIC_SHARE);
        List<HeuristicResult> r = b.warmStartFitter.fitPath(List.of(problem), ho, b.heuristicListener);
        return r.isEmpty() || r.get(0).solution() == null ? WarmStart.NONE : new WarmStart(problem, r.get(0).solution());
    }

    private static double elapsed(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * A certificate as the fit result every front end reports: FitStatus OPTIMAL only when the certificate is,
     * bound and gap filled (null when unknown), method and backend named.
     */
    public static SmtlModel toModel(Certificate c) {
        var p = c.problem();
        return new SmtlModel(FitStatus.valueOf(c.status().name()), Termination.of(c.termination()), finite(c.objective()),
                finite(c.bound()), finite(c.gap()), c.provenance().seconds(), c.provenance().method().cliName(), c.provenance().backend(),
                new SmtlParams(p.s(), p.ridge(), p.bbar(), p.zbar(), p.commonSupport()), p.standardize(), p.features(), p.tasks(),
                c.solution());
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** Mutable builder; {@link #build()} validates. Defaults from {@link ExactDefaults}; s is required. */
    public static final class Builder {
        private SmtlParams params;
        private ExactMethod method; // null: ExactDefaults.methodFor(problem)
        private String backend; // null: ExactDefaults.backendFor(method)
        private double gap = ExactDefaults.GAP;
        private double timeLimitSeconds = Double.POSITIVE_INFINITY;
        private int threads = Runtime.getRuntime().availableProcessors();
        private long seed = 1L;
        private Standardizer standardize = Standardizer.NONE;
        private HeuristicListener heuristicListener = HeuristicListener.NONE;
        private SolveListener solveListener = SolveListener.NONE;
        private CancellationToken cancellation = CancellationToken.none();
        private Function<ExactMethod, ExactSolver> solvers = ExactMethods::solverFor;
        private boolean proveBounds = true;
        private java.util.function.Consumer<BnbProof> proofSink;
        private Supplier<Backends> backends = Backends::discover;
        private PathFitter warmStartFitter = PathFitter.heuristic();
        private java.util.function.Consumer<Certificate> checkpoint; // null: none taken

        private Builder() {}

        public Builder params(SmtlParams v) { params = Objects.requireNonNull(v, "params"); return this; }

        /** The exact method; null (the default) means {@link ExactDefaults#methodFor} the problem. */
        public Builder method(ExactMethod v) { method = v; return this; }

        /** The MIP backend; null (the default) means {@link ExactDefaults#backendFor} the chosen method. */
        public Builder backend(String v) { backend = v; return this; }

        /** Relative gap tolerance: a proven solve within it counts as optimal. */
        public Builder gap(double v) { gap = v; return this; }

        /** Wall-clock budget for heuristic plus exact solve (default: none). */
        public Builder timeLimitSeconds(double v) { timeLimitSeconds = v; return this; }

        /**
         * Solver threads (default: the machine's cores): the workers of Certus's own branch-and-bound trees, and the
         * threads of backends that take them (CBC, ojAlgo).
         */
        public Builder threads(int v) { threads = v; return this; }

        public Builder seed(long v) { seed = v; return this; }

        /** Certify the problem on per-task rescaled data; the certificate reports raw-scale coefficients and the mode. */
        public Builder standardize(Standardizer v) { standardize = Objects.requireNonNull(v, "standardize"); return this; }

        public Builder heuristicListener(HeuristicListener v) { heuristicListener = Objects.requireNonNull(v, "listener"); return this; }

        public Builder solveListener(SolveListener v) { solveListener = Objects.requireNonNull(v, "listener"); return this; }

        /** Cancelling stops the run; the best point so far is certified (Ctrl-C in the CLI). */
        public Builder cancellation(CancellationToken v) { cancellation = Objects.requireNonNull(v, "cancellation"); return this; }

        /** Seam for tests and alternative engines; default {@link ExactMethods#solverFor}. */
        public Builder solvers(Function<ExactMethod, ExactSolver> v) { solvers = Objects.requireNonNull(v, "solvers"); return this; }
        /** Whether bnb records a proof of its bound and certify re-derives the bound from it (default true; costs memory per closed node). */
        public Builder proveBounds(boolean v) { proveBounds = v; return this; }

        /**
         * Told, after each certify, the proof of the bound (bnb's, possibly incomplete with the reason: too large, or a
         * method that keeps none), e.g. to write it for {@code certus verify --proof}.
         */
        public Builder proofSink(java.util.function.Consumer<BnbProof> v) { proofSink = Objects.requireNonNull(v, "sink"); return this; }

        /** Where backends come from; default a ServiceLoader snapshot taken at certify time. */
        public Builder backends(Supplier<Backends> v) { backends = Objects.requireNonNull(v, "backends"); return this; }

        /** Warm-start engine (default: the sMTL heuristic). */
        public Builder warmStartFitter(PathFitter v) { warmStartFitter = Objects.requireNonNull(v, "fitter"); return this; }

        /**
         * Receives snapshot certificates while the exact solve runs — the warm start with the best bound so far, as
         * limit INTERRUPTED — when it starts and then at most every {@link Checkpoints#INTERVAL_NANOS} when the bound
         * improves. A service stores them so that a job whose process dies still has a verifiable result.
         */
        public Builder checkpoint(java.util.function.Consumer<Certificate> v) { checkpoint = Objects.requireNonNull(v, "checkpoint"); return this; }

        public SmtlCertifier build() {
            if (params == null) throw new InvalidProblemException("s is required: pass --s or put \"s\" in the params file");
            if (!(timeLimitSeconds > 0)) throw new InvalidProblemException("time limit must be > 0 seconds, got " + timeLimitSeconds);
            if (!(gap >= 0) || !Double.isFinite(gap)) throw new InvalidProblemException("gap must be a finite number >= 0, got " + gap);
            if (threads < 1) throw new InvalidProblemException("threads must be >= 1, got " + threads);
            if (method == ExactMethod.BNB && backend != null && !backend.equals(SupportBranchAndBound.ENGINE)) {
                throw new InvalidProblemException("method bnb is Certus's own branch and bound and runs on no MIP backend: drop --backend "
                        + backend + ", or choose --method perspective, bigm or oa to use it");
            }
            return new SmtlCertifier(this);
        }
    }
}
