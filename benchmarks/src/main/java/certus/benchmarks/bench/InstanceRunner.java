package certus.benchmarks.bench;

import certus.estimators.exact.SmtlCertifier;
import certus.estimators.sim.Simulation;
import certus.estimators.sim.Simulator;
import certus.formulations.cert.Certificate;
import certus.heuristics.HeuristicListener;
import certus.heuristics.HeuristicOptions;
import certus.heuristics.HeuristicResult;
import certus.heuristics.SmtlHeuristic;
import certus.smtl.ObjectiveEvaluator;
import certus.smtl.SmtlProblem;
import certus.smtl.SmtlSolution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs every method on one instance and compares them: objectives re-evaluated by ObjectiveEvaluator (the single
 * source of truth) on the same raw data, solutions checked for feasibility, and — when an exact method certified the
 * instance — each method's suboptimality against the best objective found and its support agreement with the
 * certified solution. Methods run one after another, each under the design's time limit.
 */
final class InstanceRunner {
    /**
     * Relative slack for the consistency check "no method's objective is below a certified bound": bounds from
     * relaxations solved to ~1e-9 and objectives from separate refits differ by rounding.
     */
    static final double BOUND_SLACK = 1e-6;

    private final List<BenchMethod> methods;
    private final double timeLimit;

    InstanceRunner(List<BenchMethod> methods, double timeLimit) {
        this.methods = List.copyOf(methods);
        this.timeLimit = timeLimit;
    }

    /** The rows of every method, in method order, with suboptimality and Jaccard filled where defined. */
    List<ResultRow> run(BenchInstance instance) {
        Simulation sim = Simulator.simulate(instance.design());
        SmtlProblem problem = instance.params().toProblem(sim.train());
        List<ResultRow> rows = new ArrayList<>();
        List<SmtlSolution> solutions = new ArrayList<>();
        for (BenchMethod m : methods) {
            Outcome o = runOne(m, problem, instance);
            solutions.add(o.solution());
            rows.add(row(instance, m, o, problem, sim.truth()));
        }
        return compare(rows, solutions);
    }

    private record Outcome(SmtlSolution solution, double bound, String status, double gap, double seconds, String detail) {}

    private Outcome runOne(BenchMethod m, SmtlProblem problem, BenchInstance instance) {
        long t0 = System.nanoTime();
        try {
            if (m instanceof BenchMethod.Heuristic h) {
                HeuristicOptions ho = HeuristicOptions.defaults().withSeed(instance.seed()).withLocalSearch(h.localSearch())
                        .withRestarts(h.restarts()).withTimeLimitSeconds(timeLimit);
                HeuristicResult r;
                if (h.path()) {
                    List<SmtlProblem> path = new ArrayList<>();
                    for (int s = 1; s <= problem.s(); s++) path.add(problem.withS(s));
                    List<HeuristicResult> all = SmtlHeuristic.path(path, ho, HeuristicListener.NONE);
                    r = all.get(all.size() - 1);
                    if (all.size() < path.size()) {
                        return new Outcome(null, Double.NaN, "time_limit", Double.NaN, seconds(t0), "path stopped at s = " + all.size());
                    }
                } else {
                    r = SmtlHeuristic.fit(problem, ho, null, HeuristicListener.NONE);
                }
                return new Outcome(r.solution(), Double.NaN, r.stop().name().toLowerCase(Locale.ROOT), Double.NaN, seconds(t0),
                        r.iterations() + " iterations, " + r.swaps() + " swaps");
            }
            BenchMethod.Exact e = (BenchMethod.Exact) m;
            Certificate c = SmtlCertifier.builder().params(instance.params()).method(e.method()).backend(e.backend()).seed(instance.seed())
                    .timeLimitSeconds(timeLimit).build().certify(problem.data());
            return new Outcome(c.hasSolution() ? c.solution() : null, c.bound(), c.status().jsonName(), c.gap(), seconds(t0),
                    c.termination().detail());
        } catch (RuntimeException ex) {
            boolean notApplicable = ex.getClass().getSimpleName().contains("InvalidProblem") || ex instanceof UnsupportedOperationException;
            return new Outcome(null, Double.NaN, notApplicable ? "not_applicable" : "error", Double.NaN, seconds(t0),
                    ex.getClass().getSimpleName() + ": " + ex.getMessage());
        }
    }

    private static ResultRow row(BenchInstance i, BenchMethod m, Outcome o, SmtlProblem problem, SmtlSolution truth) {
        double objective = Double.NaN;
        double f1 = Double.NaN;
        String status = o.status();
        String detail = o.detail() == null ? "" : o.detail();
        if (o.solution() != null) {
            List<String> violations = ObjectiveEvaluator.violations(problem, o.solution());
            if (!violations.isEmpty()) {
                status = "infeasible";
                detail = "solution violates " + violations;
            } else {
                objective = ObjectiveEvaluator.value(problem, o.solution());
                f1 = f1(o.solution(), truth);
            }
        }
        return new ResultRow(i.id(), m.name(), objective, o.bound(), status, o.seconds(), Double.NaN, o.gap(), Double.NaN, Double.NaN, f1,
                detail, ResultRow.cellOf(i));
    }

    /**
     * Fills suboptimality and Jaccard when some exact row is optimal, and turns a row whose objective undercuts a
     * certified bound into status "bound_violation" (a wrong certificate or a wrong objective: never expected).
     */
    static List<ResultRow> compare(List<ResultRow> rows, List<SmtlSolution> solutions) {
        int certified = -1;
        double maxBound = Double.NEGATIVE_INFINITY;
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < rows.size(); r++) {
            ResultRow row = rows.get(r);
            if (!Double.isNaN(row.objective())) best = Math.min(best, row.objective());
            if (row.isExact() && row.status().equals("optimal") && !Double.isNaN(row.objective())) {
                if (certified < 0 || row.objective() < rows.get(certified).objective()) certified = r;
            }
            if (row.isExact() && !Double.isNaN(row.bound())) maxBound = Math.max(maxBound, row.bound());
        }
        List<ResultRow> out = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            ResultRow row = rows.get(r);
            if (!Double.isNaN(row.objective()) && row.objective() < maxBound - BOUND_SLACK * Math.max(1.0, Math.abs(maxBound))) {
                row = new ResultRow(row.instance(), row.method(), row.objective(), row.bound(), "bound_violation", row.seconds(), Double.NaN,
                        row.gap(), Double.NaN, Double.NaN, row.f1Truth(), "objective " + row.objective() + " below the certified bound " + maxBound,
                        row.cell());
            } else if (!Double.isNaN(row.objective()) && maxBound > Double.NEGATIVE_INFINITY) {
                double excess = suboptimality(row.objective(), maxBound);
                row = certified >= 0
                        ? row.withComparison(suboptimality(row.objective(), best), excess, jaccard(solutions.get(r), solutions.get(certified)))
                        : row.withComparison(Double.NaN, excess, Double.NaN);
            }
            out.add(row);
        }
        return out;
    }

    /** (objective - best) / |best|, with |best| floored at 1e-12 so a zero optimum does not divide by zero. */
    static double suboptimality(double objective, double best) {
        return (objective - best) / Math.max(Math.abs(best), 1e-12);
    }

    /** |A ∩ B| / |A ∪ B| over (task, feature) pairs; 1 for two empty supports. */
    static double jaccard(SmtlSolution a, SmtlSolution b) {
        int both = 0, either = 0;
        for (int k = 0; k < a.taskCount(); k++) {
            for (int j = 0; j < a.featureCount(); j++) {
                boolean x = a.inSupport(k, j), y = b.inSupport(k, j);
                if (x && y) both++;
                if (x || y) either++;
            }
        }
        return either == 0 ? 1.0 : (double) both / either;
    }

    /** 2TP / (2TP + FP + FN) over (task, feature) pairs against the truth. */
    static double f1(SmtlSolution s, SmtlSolution truth) {
        int tp = 0, fp = 0, fn = 0;
        for (int k = 0; k < s.taskCount(); k++) {
            for (int j = 0; j < s.featureCount(); j++) {
                boolean x = s.inSupport(k, j), t = truth.inSupport(k, j);
                if (x && t) tp++;
                else if (x) fp++;
                else if (t) fn++;
            }
        }
        return tp + fp + fn == 0 ? 1.0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
