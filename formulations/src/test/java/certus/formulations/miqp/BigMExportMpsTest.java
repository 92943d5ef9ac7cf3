package certus.formulations.miqp;

import certus.formulations.MKind;
import certus.smtl.BruteForceEnumerator;
import certus.smtl.RandomInstances;
import certus.smtl.SmtlProblem;
import certus.smtl.Variant;
import certus.solver.CancellationToken;
import certus.solver.Model;
import certus.solver.SolveListener;
import certus.solver.SolveParameters;
import certus.solver.SolveResult;
import certus.solver.Termination;
import certus.solver.io.LeastSquaresForm;
import certus.solver.io.MpsReader;
import certus.solver.io.MpsWriter;
import certus.solver.ortools.ScipBackend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 4, item 3: the exported Big-M model of a small instance, written as MPS, read back and solved by SCIP, has
 * the brute-force optimum (within 1e-6 relative), for every variant, with a proven M (ridge &gt; 0) and with the
 * checked heuristic M (ridge = 0, M from a warm start at the optimum, so the box holds it).
 */
class BigMExportMpsTest {
    private static final double REL = 1e-6;
    private final ScipBackend scip = new ScipBackend();

    @BeforeEach
    void available() {
        assumeTrue(scip.availability().available(), scip.availability().reason());
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void exportedMpsSolvedAfterReimportHasTheEnumeratedOptimum(Variant variant) {
        long seed = 11;
        SmtlProblem problem = RandomInstances.small(variant, seed);
        BigMExport export = BigMExport.of(problem, null);
        assertEquals(MKind.PROVEN, export.mKind(), "ridge > 0 gives a proven M");
        checkReimportedOptimum(problem, export, BruteForceEnumerator.solve(problem).objective(), variant + " seed " + seed);
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"L0L2", "ZBAR_L2", "CS_L2"})
    void ridgeZeroExportsTheCheckedHeuristicMAndKeepsTheOptimumInsideIt(Variant variant) {
        SmtlProblem base = RandomInstances.small(variant, 7);
        SmtlProblem problem = base.with(base.s(), 0.0, base.bbar(), base.zbar(), base.commonSupport());
        BruteForceEnumerator.Optimum optimum = BruteForceEnumerator.solve(problem);
        BigMExport export = BigMExport.of(problem, optimum.solution());
        assertEquals(MKind.CHECKED, export.mKind());
        assertTrue(String.join("\n", export.describe(problem)).contains("CHECKED"));
        checkReimportedOptimum(problem, export, optimum.objective(), variant + " ridge 0");
    }

    private void checkReimportedOptimum(SmtlProblem problem, BigMExport export, double oracle, String label) {
        String text = MpsWriter.write(export.model(), export.describe(problem), LeastSquaresForm.AUTO);
        Model back = MpsReader.read(text, label + ".mps");
        SolveResult reimported = solve(back);
        assertEquals(oracle, reimported.objectiveValue(), REL * Math.max(1, Math.abs(oracle)), label);
        SolveResult direct = solve(export.model());
        assertEquals(direct.objectiveValue(), reimported.objectiveValue(), REL * Math.max(1, Math.abs(oracle)), label);
    }

    private SolveResult solve(Model m) {
        SolveResult r = scip.solve(m, SolveParameters.defaults().withRelativeGap(1e-7).withTimeLimitSeconds(120), SolveListener.NONE,
                CancellationToken.none());
        assertEquals(Termination.Reason.OPTIMAL, r.termination().reason(), r.termination()::toString);
        return r;
    }
}
