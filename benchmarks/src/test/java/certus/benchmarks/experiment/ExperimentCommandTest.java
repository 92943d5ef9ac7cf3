package certus.benchmarks.experiment;

import certus.app.cli.CertusCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code certus experiment smtl-sim} end to end on a tiny problem: every design x variant row, metrics in range, resumable. */
class ExperimentCommandTest {
    @TempDir
    Path dir;

    private static int run(StringWriter err, String... args) {
        CommandLine cl = CertusCli.newCommandLine();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        return cl.execute(args);
    }

    @Test
    void tinyStudyWritesEveryDesignAndVariantAndARerunSkipsFinishedReplicates() throws Exception {
        StringWriter err = new StringWriter();
        int exit = run(err, "experiment", "smtl-sim", "--reps", "1", "--p", "40", "--n", "20", "--tasks", "2", "--quick", "--out", dir.toString());
        assertEquals(0, exit, err.toString());
        List<SmtlSimExperiment.Row> rows = ExperimentCommand.read(dir.resolve("smtl_sim.csv"));
        assertEquals(6 * 6, rows.size(), "6 designs x 6 variants");
        for (SmtlSimExperiment.Row r : rows) {
            assertTrue(r.testRmse() > 0 && Double.isFinite(r.coefRmse()), r.toString());
            assertTrue(r.f1() >= 0 && r.f1() <= 1, r.toString());
        }
        String md = Files.readString(dir.resolve("smtl_sim.md"));
        assertTrue(md.contains("## disjoint supports, shared values") && md.contains("## identical supports, values vary"), md);
        assertTrue(md.contains("| L0L2 | 1 |") && md.contains("| CS+Bbar | 1 |"), md);

        StringWriter again = new StringWriter();
        assertEquals(0, run(again, "experiment", "smtl-sim", "--reps", "1", "--p", "40", "--n", "20", "--tasks", "2", "--quick", "--out", dir.toString()));
        assertTrue(!again.toString().contains("done,"), "nothing re-run: " + again);
        assertEquals(rows, ExperimentCommand.read(dir.resolve("smtl_sim.csv")));

        StringWriter bad = new StringWriter();
        assertEquals(2, run(bad, "experiment", "tenmtl-sim", "--out", dir.toString()), bad.toString());
        assertEquals(2, run(bad, "experiment", "smtl-sim", "--p", "20", "--out", dir.resolve("x").toString()), bad.toString());
    }
}
