package certus.benchmarks.bench;

import certus.app.cli.CertusCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code certus bench} through the real command line (the CliExtension is on this module's classpath). */
class BenchCommandTest {
    @TempDir
    Path dir;

    private record Result(int exit, String err) {}

    private static Result run(String... args) {
        CommandLine cl = CertusCli.newCommandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        return new Result(cl.execute(args), err.toString());
    }

    @Test
    void designFileRunWritesResultsSummaryAndPlots() throws Exception {
        Path design = dir.resolve("d.json");
        Files.writeString(design, """
                {"tasks": [2], "p": [8], "n": [20], "s": [2], "rho": [0.5], "snr": [5.0], "pool": [2, 4], "true_support": 2,
                 "beta_var": 1.0, "variants": ["l0l2"], "ridge": [0.1], "zbar": [], "bbar": [], "methods": ["iht+ls", "exact:bnb"],
                 "reps": 1, "time_limit": 20, "seed": 3}
                """);
        Path out = dir.resolve("out");
        Result r = run("bench", "--design", design.toString(), "--out", out.toString(), "--threads", "1");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("[2/2] 100%"), "progress with counts: " + r.err());
        assertEquals(1 + 4, Files.readAllLines(out.resolve("results.csv")).size(), "header + 2 instances x 2 methods");
        assertTrue(Files.readString(out.resolve("summary.md")).contains("certus bench --design"));
        assertTrue(Files.exists(out.resolve("time_vs_pool.png")));
    }

    @Test
    void badDesignsAreExitTwoNamingTheProblemAndWriteNothing() throws Exception {
        Path design = dir.resolve("bad.json");
        Files.writeString(design, """
                {"tasks": [2], "p": [8], "n": [20], "s": [2], "rho": [0.5], "snr": [5.0], "pool": [2], "true_support": 2,
                 "beta_var": 1.0, "variants": ["l0l2"], "ridge": [0.1], "methods": ["iht"], "reps": 1, "time_limit": 20, "seed": 3,
                 "typo_field": 1}
                """);
        Path out = dir.resolve("out");
        Result r = run("bench", "--design", design.toString(), "--out", out.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("typo_field"), r.err());
        assertFalse(Files.exists(out));
        Result missing = run("bench", "--design", dir.resolve("none.json").toString(), "--out", out.toString());
        assertEquals(2, missing.exit(), missing.err());
        Result preset = run("bench", "--preset", "huge", "--out", out.toString());
        assertEquals(2, preset.exit(), preset.err());
        assertTrue(preset.err().contains("smoke"), "lists the known presets: " + preset.err());
    }
}
