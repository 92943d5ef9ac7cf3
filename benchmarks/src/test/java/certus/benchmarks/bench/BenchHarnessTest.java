package certus.benchmarks.bench;

import certus.smtl.SmtlSolution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchHarnessTest {
    @TempDir
    Path dir;

    /** 4 tiny instances (K = 2, p = 8, s = 2): enumeration-sized, so every exact method certifies in well under a second. */
    private static BenchDesign tiny() {
        return new BenchDesign(List.of(2), List.of(8), List.of(20), List.of(2), List.of(0.5), List.of(5.0), List.of(2, 3), 2, 1.0,
                List.of("l0l2", "zbar"), List.of(0.1), List.of(0.05), List.of(), List.of("iht", "iht+ls+restarts", "exact:bnb", "exact:perspective/scip"),
                1, 30, 7);
    }

    @Test
    void tinyDesignRunsEndToEndWithCertifiedOptimaAndConsistentRows() throws Exception {
        BenchHarness.Run run = BenchHarness.run(tiny(), dir, 2, line -> { });
        assertEquals(4, run.ran());
        assertEquals(16, run.rows().size(), "4 instances x 4 methods");
        for (ResultRow r : run.rows()) {
            assertFalse(r.status().equals("bound_violation") || r.status().equals("infeasible") || r.status().equals("error"), r.toString());
            if (r.isExact()) assertEquals("optimal", r.status(), r.toString());
            assertTrue(r.suboptimality() >= 0, "every instance is certified, so every row has a suboptimality: " + r);
            assertTrue(r.jaccardExact() >= 0 && r.jaccardExact() <= 1);
            assertTrue(r.f1Truth() >= 0 && r.f1Truth() <= 1);
        }
        // the two exact methods agree on every instance (cross-backend check)
        for (String id : run.rows().stream().map(ResultRow::instance).collect(Collectors.toSet())) {
            List<ResultRow> exact = run.rows().stream().filter(r -> r.instance().equals(id) && r.isExact()).toList();
            assertEquals(exact.get(0).objective(), exact.get(1).objective(), 1e-4 * Math.abs(exact.get(0).objective()), id);
        }
        List<ResultRow> back = ResultsFile.read(dir.resolve(BenchHarness.RESULTS));
        assertEquals(run.rows(), back, "results.csv holds exactly the rows returned");
        List<String> header = List.of(Files.readAllLines(dir.resolve(BenchHarness.RESULTS)).get(0).split(","));
        assertEquals(List.of("instance", "method", "objective", "bound", "status", "seconds", "suboptimality"), header.subList(0, 7));

        String md = BenchReport.write(run.rows(), dir, "tiny", "test");
        assertTrue(md.contains("| iht |") && md.contains("| exact:bnb |"), md);
        assertTrue(md.contains("(none, as required)"), md);
        assertTrue(Files.size(dir.resolve("certification_vs_time.png")) > 0);
        assertTrue(Files.size(dir.resolve("suboptimality_vs_pool.png")) > 0);
    }

    @Test
    void aRerunSkipsFinishedInstancesAndRedoesIncompleteOnes() throws Exception {
        BenchHarness.Run first = BenchHarness.run(tiny(), dir, 1, line -> { });
        // drop one method's row of one instance: that instance is incomplete and must be re-run, the others skipped
        String victim = first.rows().get(0).instance();
        List<ResultRow> partial = new ArrayList<>(first.rows());
        partial.remove(1);
        ResultsFile.write(dir.resolve(BenchHarness.RESULTS), partial);
        List<String> log = new ArrayList<>();
        BenchHarness.Run second = BenchHarness.run(tiny(), dir, 1, log::add);
        assertEquals(1, second.ran());
        assertEquals(3, second.skipped());
        assertEquals(first.rows().size(), second.rows().size());
        Set<String> ids = second.rows().stream().map(ResultRow::instance).collect(Collectors.toSet());
        assertEquals(4, ids.size());
        assertTrue(log.stream().anyMatch(l -> l.contains(victim)), log.toString());
        // deterministic methods give the same objectives on the re-run
        for (int i = 0; i < first.rows().size(); i++) {
            assertEquals(first.rows().get(i).objective(), second.rows().get(i).objective(), 1e-9 * Math.abs(first.rows().get(i).objective()));
        }
        BenchHarness.Run third = BenchHarness.run(tiny(), dir, 1, line -> { });
        assertEquals(0, third.ran());
    }

    @Test
    void suboptimalityIsRelativeToTheBestObjectiveOnlyWhenSomeExactMethodCertified() {
        SmtlSolution a = SmtlSolution.fromCoefficients(new double[]{0}, new double[][]{{1, 0, 2}});
        SmtlSolution b = SmtlSolution.fromCoefficients(new double[]{0}, new double[][]{{1, 3, 0}});
        List<String> cell = ResultRow.cellOf(tiny().instances().get(0));
        ResultRow heuristic = new ResultRow("i", "iht", 12.0, Double.NaN, "converged", 0.1, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1, "", cell);
        ResultRow exact = new ResultRow("i", "exact:bnb", 10.0, 9.9995, "optimal", 1, Double.NaN, 5e-5, Double.NaN, Double.NaN, 1, "", cell);
        List<ResultRow> out = InstanceRunner.compare(List.of(heuristic, exact), List.of(a, b));
        assertEquals(0.2, out.get(0).suboptimality(), 1e-15);
        assertEquals(0.0, out.get(1).suboptimality());
        assertEquals(1.0 / 3.0, out.get(0).jaccardExact(), 1e-15, "supports {0,2} and {0,1}: one shared of three");

        ResultRow notCertified = new ResultRow("i", "exact:bnb", 10.0, 8.0, "feasible", 1, Double.NaN, 0.2, Double.NaN, Double.NaN, 1, "", cell);
        out = InstanceRunner.compare(List.of(heuristic, notCertified), List.of(a, b));
        assertTrue(Double.isNaN(out.get(0).suboptimality()), "no certified optimum: no suboptimality");
        assertEquals(0.5, out.get(0).excessOverBound(), 1e-15, "but a proven bound on it: (12 - 8) / 8");
        assertTrue(Double.isNaN(out.get(0).jaccardExact()));

        ResultRow tooGood = new ResultRow("i", "iht", 9.0, Double.NaN, "converged", 0.1, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1, "", cell);
        out = InstanceRunner.compare(List.of(tooGood, exact), List.of(a, b));
        assertEquals("bound_violation", out.get(0).status(), "an objective below a certified bound is flagged, never hidden");
        assertEquals(1.0 / 3.0, InstanceRunner.suboptimality(-2, -3), 1e-15, "an excess of 1 over a best of -3 is relative to |best|");
    }

    @Test
    void badDesignsAreRejectedWithTheFieldNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BenchDesign(List.of(2), List.of(8), List.of(20),
                List.of(2), List.of(0.5), List.of(5.0), List.of(2), 2, 1.0, List.of("lasso"), List.of(0.1), List.of(), List.of(), List.of("iht"), 1, 10, 1));
        assertTrue(e.getMessage().contains("lasso"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BenchMethod.parse("exact:magic"));
        assertTrue(e.getMessage().contains("magic"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new BenchDesign(List.of(), List.of(8), List.of(20),
                List.of(2), List.of(0.5), List.of(5.0), List.of(2), 2, 1.0, List.of("l0l2"), List.of(0.1), List.of(), List.of(), List.of("iht"), 1, 10, 1));
        assertTrue(e.getMessage().contains("tasks"), e.getMessage());
    }
}
