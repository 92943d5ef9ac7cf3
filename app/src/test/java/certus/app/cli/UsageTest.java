package certus.app.cli;

import certus.data.DataFormatException;
import certus.estimators.SolverException;
import certus.smtl.InvalidProblemException;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsageTest {
    @Test
    void helpListsEverySubcommand() {
        Cli.Result r = Cli.run("--help");
        assertEquals(0, r.exit(), r.toString());
        for (String c : new String[]{"fit", "cv", "predict", "simulate", "demo", "certify", "export", "verify", "backends"}) assertTrue(r.out().contains(c), c);
        Cli.Result fit = Cli.run("fit", "--help");
        assertEquals(0, fit.exit());
        assertTrue(fit.out().contains("common-support") && fit.out().contains("--params"), fit.out());
        Cli.Result certify = Cli.run("certify", "--help");
        assertEquals(0, certify.exit());
        String help = certify.out().replaceAll("\\s+", " "); // picocli wraps long descriptions
        assertTrue(help.contains("(default: auto: bnb, our branch and bound") && help.contains("(default: scip; highs for oa; bnb needs none)")
                && help.contains("(default: 1.0E-4)"), certify.out());
        assertTrue(r.out().contains("5 verify found a failing check"), r.out());
    }

    @Test
    void unknownOptionIsAUsageErrorWithOneClearLine() {
        Cli.Result r = Cli.run("fit", "--data", "x.csv", "--s", "2", "--bogus");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("error: Unknown option: '--bogus'"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void missingRequiredOptionAndBadNumbersAreUsageErrors() {
        Cli.Result r = Cli.run("fit", "--s", "2");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("error: Missing required option: '--data=FILE'"), r.err());
        Cli.Result bad = Cli.run("fit", "--data", "x.csv", "--s", "two");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().startsWith("error: ") && bad.err().contains("two"), bad.err());
        assertEquals(2, Cli.run().exit());
        assertEquals(2, Cli.run("frobnicate").exit());
    }

    @Test
    void missingDataFileIsBadInput() {
        Cli.Result r = Cli.run("fit", "--data", "/nonexistent/data.csv", "--s", "2");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("error: /nonexistent/data.csv: file not found"), r.err());
    }

    @Test
    void exceptionFamiliesMapToDesignExitCodes() {
        assertEquals(2, ExitCodes.of(new DataFormatException("x")));
        assertEquals(2, ExitCodes.of(new InvalidProblemException("x")));
        assertEquals(2, ExitCodes.of(new UncheckedIOException(new java.io.IOException("x"))));
        assertEquals(3, ExitCodes.of(new SolverException("x")));
        assertEquals(3, ExitCodes.of(new UnsupportedOperationException("x")));
        assertEquals(3, ExitCodes.of(new IllegalStateException("bug")));
        assertEquals("error: NullPointerException", ExitCodes.message(new NullPointerException()));
    }
}
