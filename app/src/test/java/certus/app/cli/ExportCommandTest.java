package certus.app.cli;

import certus.solver.Backends;
import certus.solver.CancellationToken;
import certus.solver.Model;
import certus.solver.SolveListener;
import certus.solver.SolveParameters;
import certus.solver.SolveResult;
import certus.solver.SolverBackend;
import certus.solver.Termination;
import certus.solver.io.MpsReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code certus export}: the MPS file of a small instance, read back and solved by SCIP, has the optimum that
 * {@code certus certify --method bigm} certifies; LP output, header and bad input.
 */
class ExportCommandTest {
    @TempDir
    Path dir;
    Path data;

    @BeforeEach
    void simulate() {
        data = dir.resolve("sim.csv");
        Cli.Result r = Cli.run("simulate", "--p", "6", "--tasks", "2", "--n", "25", "--s", "2", "--common", "1", "--seed", "3",
                "-o", data.toString());
        assertEquals(0, r.exit(), r.toString());
    }

    private static SolverBackend scip() {
        SolverBackend scip = Backends.discover().require("scip");
        assumeTrue(scip.availability().available(), scip.availability().reason());
        return scip;
    }

    @Test
    void exportedMpsReimportedAndSolvedByScipHasTheCertifiedOptimum() throws IOException {
        SolverBackend scip = scip();
        String[] problem = {"--data", data.toString(), "--s", "2", "--ridge", "0.05", "--zbar", "0.1", "--standardize", "mle"};
        Path mps = dir.resolve("model.mps");
        Cli.Result e = Cli.run(concat(new String[]{"export", "--format", "mps", "-o", mps.toString()}, problem));
        assertEquals(0, e.exit(), e.toString());
        assertTrue(e.err().contains("(proven)"), e.err());
        String text = Files.readString(mps);
        assertTrue(text.startsWith("* Certus sMTL Big-M MIQP, variant Zbar+L2"), text.substring(0, 200));
        assertTrue(text.contains("M kind proven") && text.contains("--standardize mle"), text);

        Path cert = dir.resolve("cert.json");
        Cli.Result c = Cli.run(concat(new String[]{"certify", "--method", "bigm", "-o", cert.toString()}, problem));
        assertEquals(0, c.exit(), c.toString());
        var certificate = new ObjectMapper().readTree(cert.toFile());
        assertEquals("optimal", certificate.get("status").asText(), certificate.toString());
        double certified = certificate.get("objective").asDouble();

        Model back = MpsReader.read(mps);
        SolveResult r = scip.solve(back, SolveParameters.defaults().withRelativeGap(1e-9).withTimeLimitSeconds(120), SolveListener.NONE,
                CancellationToken.none());
        assertEquals(Termination.Reason.OPTIMAL, r.termination().reason(), r.termination()::toString);
        // the certificate's objective is the exact refit on the certified support, so an optimal re-import meets it
        assertEquals(certified, r.objectiveValue(), 1e-6 * Math.max(1, Math.abs(certified)));
        assertTrue(certificate.get("bound").asDouble() <= r.objectiveValue() + 1e-9, "the certified bound is below the re-imported optimum");
    }

    @Test
    void startFileIsAFeasiblePointOfTheReimportedModelWithTheStatedObjective() throws IOException {
        Path mps = dir.resolve("start-model.mps");
        Path start = dir.resolve("start.mst");
        Cli.Result e = Cli.run("export", "--format", "mps", "-o", mps.toString(), "--start", start.toString(), "--data", data.toString(),
                "--s", "2", "--ridge", "0.05", "--zbar", "0.1");
        assertEquals(0, e.exit(), e.toString());
        java.util.List<String> lines = Files.readAllLines(start);
        assertTrue(lines.get(0).startsWith("# MIP start"), lines.get(0));
        double stated = Double.parseDouble(lines.get(0).replaceAll(".*objective at this point ([^)]+)\\).*", "$1"));
        java.util.Map<String, Double> values = new java.util.HashMap<>();
        for (String line : lines) {
            if (line.startsWith("#")) continue;
            String[] parts = line.split(" ");
            assertEquals(2, parts.length, line);
            values.put(parts[0], Double.parseDouble(parts[1]));
        }
        Model back = MpsReader.read(mps);
        double[] x = new double[back.variableCount()];
        for (int j = 0; j < x.length; j++) {
            String name = back.variable(j).name();
            assertTrue(values.containsKey(name), "start has a value for every column, missing " + name);
            x[j] = values.get(name);
        }
        assertEquals(back.variableCount(), values.size(), "no names outside the model");
        assertTrue(back.maxViolation(x) <= 1e-7, "the start is feasible in the file's model: violation " + back.maxViolation(x));
        assertEquals(stated, back.objective().evaluate(x), 1e-9 * Math.max(1, Math.abs(stated)), "objective recomputed from the MPS file");
        for (var v : back.variables()) {
            if (v.isInteger()) assertEquals(Math.rint(x[v.index()]), x[v.index()], 0.0, "integral start value for " + v.name());
        }
    }

    @Test
    void lpExportGoesToStdoutWithHeaderAndRidgeZeroSaysTheMIsChecked() {
        Cli.Result r = Cli.run("export", "--format", "LP", "--data", data.toString(), "--s", "2");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("\\ Certus sMTL Big-M MIQP"), r.out());
        assertTrue(r.out().contains("Minimize") && r.out().contains("Binaries") && r.out().trim().endsWith("End"), r.out());
        assertTrue(r.out().contains("M is CHECKED"), r.out());
        assertTrue(r.err().contains("(checked)"), r.err());
    }

    @Test
    void unknownFormatIsAUsageErrorAndWritesNothing() {
        Path out = dir.resolve("never.mps");
        Cli.Result r = Cli.run("export", "--format", "nl", "--data", data.toString(), "--s", "2", "-o", out.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exit(), r.toString());
        assertTrue(r.err().contains("unknown format 'nl'; expected mps or lp"), r.err());
        assertFalse(Files.exists(out));
        Cli.Result missing = Cli.run("export", "--data", data.toString(), "--s", "2");
        assertEquals(ExitCodes.BAD_INPUT, missing.exit(), missing.toString());
        Cli.Result badForm = Cli.run("export", "--format", "mps", "--least-squares", "dense", "--data", data.toString(), "--s", "2");
        assertEquals(ExitCodes.BAD_INPUT, badForm.exit(), badForm.toString());
        Cli.Result badS = Cli.run("export", "--format", "mps", "--data", data.toString(), "--s", "99");
        assertEquals(ExitCodes.BAD_INPUT, badS.exit(), badS.toString());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
