package certus.app.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoCommandTest {
    @Test
    void demoFitsCertifiesAndVerifies() {
        Cli.Result r = Cli.run("demo", "--seed", "1");
        assertEquals(0, r.exit(), r.toString());
        for (String s : new String[]{"task1", "task2", "task3", "true support", "F1", "test RMSE", "objective", "feasible",
                "certify: method bnb on certus-bnb  status optimal", "independent checks passed"}) {
            assertTrue(r.out().contains(s), "missing '" + s + "' in\n" + r.out());
        }
        assertTrue(r.out().contains("status feasible (converged)"), "the heuristic fit alone is only feasible");
        assertTrue(!r.out().contains("FAILED"), r.out());
        String meanLine = r.out().lines().filter(l -> l.startsWith("mean F1")).findFirst().orElseThrow();
        double f1 = Double.parseDouble(meanLine.split("\\s+")[2]);
        assertTrue(f1 >= 0.6, "an easy design should be recovered well: " + meanLine);
    }
}
