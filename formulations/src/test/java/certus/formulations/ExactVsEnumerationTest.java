package certus.formulations;

import certus.smtl.BruteForceEnumerator;
import certus.smtl.ObjectiveEvaluator;
import certus.smtl.RandomInstances;
import certus.smtl.SmtlProblem;
import certus.smtl.Variant;
import certus.solver.Backends;
import certus.solver.CancellationToken;
import certus.solver.Capability;
import certus.solver.SolveListener;
import certus.solver.SolverBackend;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 4's acceptance test: on at least 200 random small instances (K 1..4, p &lt;= 12, s &lt;= 3, every variant)
 * every MIQP method on every backend that certifies MIQPs, and outer approximation with HiGHS masters, returns OPTIMAL, its objective equals brute-force enumeration
 * within 1e-6 relative, its bound is a valid lower bound, and the point is feasible. No warm start is given,
 * so the solver must find the optimum itself.
 */
@Execution(ExecutionMode.CONCURRENT) // (method, backend) pairs run on both cores; backends are thread-safe
class ExactVsEnumerationTest {
    static final int INSTANCES_PER_VARIANT = 34; // 6 variants x 34 = 204 instances
    static final Backends BACKENDS = Backends.discover();
    /** Gap asked of the backend: tight, so the search really ends at the optimal support. */
    static final double SEARCH_GAP = 1e-7;
    /**
     * Gap at which OPTIMAL is accepted. SCIP moves a quadratic objective into a constraint and proves its bound
     * only up to its feasibility tolerance (1e-6), so its bound can sit ~1e-6 relative below the exact optimum;
     * the objective itself (exact refit) is checked to 1e-6 below. Certus's default certification gap is 1e-4.
     */
    static final double CERTIFY_GAP = 1e-5;

    record Instance(SmtlProblem problem, double optimum) {}

    static final List<Instance> INSTANCES = instances();

    private static List<Instance> instances() {
        List<Instance> out = new ArrayList<>();
        for (Variant v : Variant.values()) {
            for (long seed = 1; seed <= INSTANCES_PER_VARIANT; seed++) {
                SmtlProblem problem = RandomInstances.small(v, 1000 + seed);
                out.add(new Instance(problem, BruteForceEnumerator.solve(problem).objective()));
            }
        }
        return out;
    }

    /**
     * Every (method, backend) pair a user could ask for, among the available backends on the classpath
     * (optionally narrowed with -Dcertus.test.backends=scip,ojalgo while developing).
     */
    static Stream<Arguments> methodsAndBackends() {
        List<Arguments> out = new ArrayList<>();
        String only = System.getProperty("certus.test.backends", "");
        for (SolverBackend b : BACKENDS.all()) {
            if (!b.availability().available()) continue;
            if (!only.isBlank() && !java.util.Arrays.asList(only.split(",")).contains(b.name())) continue;
            // ojAlgo never certifies an MIQP (no dual bound; wrong optima seen): covered by MiqpSolverTest instead.
            if (b.capabilities().contains(Capability.MIQP) && !b.name().equals("ojalgo")) out.add(Arguments.of(ExactMethod.BIGM, b.name()));
            // OA on its default master backend, HiGHS (all 204 certified in ~230 s). SCIP and CBC masters are covered on
            // OaRealBackendTest's smaller set: SCIP spends 1-2 s on masters HiGHS solves in 0.1 s, so on 6 of these
            // instances an OA with SCIP masters reaches only a time limit (honestly reported, never OPTIMAL).
            if (b.name().equals("highs")) out.add(Arguments.of(ExactMethod.OA, b.name()));
            if (b.capabilities().contains(Capability.MIQP) && b.capabilities().contains(Capability.ROTATED_CONE)) {
                out.add(Arguments.of(ExactMethod.PERSPECTIVE, b.name()));
            }
        }
        return out.stream();
    }


    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("methodsAndBackends")
    void everyMethodAndBackendCertifiesTheEnumeratedOptimum(ExactMethod method, String backend) {
        ExactSolver solver = ExactMethods.solverFor(method);
        ExactOptions options = ExactOptions.of(method, backend)
                .withParameters(certus.solver.SolveParameters.defaults().withRelativeGap(SEARCH_GAP).withTimeLimitSeconds(60));
        int n = 0;
        long startAll = System.nanoTime();
        double slowest = 0;
        String slowestInstance = "";
        for (Instance inst : INSTANCES) {
            SmtlProblem p = inst.problem();
            long t0 = System.nanoTime();
            ExactResult r = solver.solve(p, null, options, BACKENDS, SolveListener.NONE, CancellationToken.none());
            double secs = (System.nanoTime() - t0) / 1e9;
            if (secs > slowest) {
                slowest = secs;
                slowestInstance = p.toString();
            }
            String where = method + "/" + backend + " " + p;
            assertTrue(r.provenOptimal(CERTIFY_GAP), where + ": " + r.termination() + " gap " + r.gap() + " M " + r.mKind());
            assertEquals(inst.optimum(), r.objective(), 1e-6 * Math.max(1, Math.abs(inst.optimum())), where);
            assertEquals(ObjectiveEvaluator.value(p, r.solution()), r.objective(), 0.0, where);
            assertTrue(ObjectiveEvaluator.isFeasible(p, r.solution()), where);
            assertTrue(r.bound() <= inst.optimum() + 1e-6 * Math.max(1, Math.abs(inst.optimum())), where + ": bound " + r.bound());
            n++;
        }
        assertTrue(n >= 200, "instances: " + n);
        System.out.printf("%s/%s: %d instances optimal and equal to enumeration in %.1f s (slowest %.2f s: %s)%n", method, backend, n,
                (System.nanoTime() - startAll) / 1e9, slowest, slowestInstance);
    }
}
