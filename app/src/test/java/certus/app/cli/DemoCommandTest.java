package certus.app.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoCommandTest {
    @Test
    void demoWithoutAnEngineFailsCleanlyWithNothingOnStdout() {
        Cli.Result r = Cli.run("demo", "--seed", "2");
        if (r.exit() == 0) return; // engine present: covered by the end-to-end test below
        assertEquals(3, r.exit(), r.toString());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("error: "), r.err());
    }

    @Test
    void demoPrintsSupportsErrorsAndTheCertificationNoteQuickly() {
        HeuristicGuard.assumeImplemented();
        long start = System.nanoTime();
        Cli.Result r = Cli.run("demo", "--seed", "1");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(0, r.exit(), r.toString());
        assertTrue(seconds < 10, "demo took " + seconds + " s");
        for (String s : new String[]{"task1", "task2", "task3", "true support", "F1", "test RMSE", "objective", "feasible",
                "exact engine"}) {
            assertTrue(r.out().contains(s), "missing '" + s + "' in\n" + r.out());
        }
        assertTrue(!r.out().contains("status optimal") && r.out().contains("status feasible"), "a heuristic demo must not claim optimality");
        String meanLine = r.out().lines().filter(l -> l.startsWith("mean F1")).findFirst().orElseThrow();
        double f1 = Double.parseDouble(meanLine.split("\\s+")[2]);
        assertTrue(f1 >= 0.6, "an easy design should be recovered well: " + meanLine);
    }
}
