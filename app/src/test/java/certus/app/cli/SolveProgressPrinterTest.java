package certus.app.cli;

import certus.solver.SolveListener.SolveProgress;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SolveProgressPrinterTest {
    @Test
    void lineShowsIncumbentBoundAndGap() {
        assertEquals("[   12.3s] incumbent 0.51234  bound 0.50999  gap 4.6e-03",
                SolveProgressPrinter.format(12.3, new SolveProgress(12.3, 0.51234, 0.50999, 10)));
        assertEquals("[    0.0s] incumbent -  bound -  gap -",
                SolveProgressPrinter.format(0.0, new SolveProgress(0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0)));
    }

    @Test
    void heartbeatRepeatsTheLatestFiguresWhenTheSolverIsSilent() throws InterruptedException {
        StringWriter text = new StringWriter();
        try (SolveProgressPrinter p = new SolveProgressPrinter(new PrintWriter(text, true), 0.05)) {
            p.onProgress(new SolveProgress(0, 2.0, 1.0, 0));
            Thread.sleep(400);
        }
        long lines = text.toString().lines().count();
        assertTrue(lines >= 3, "one event, then heartbeats while silent: " + text);
        assertTrue(text.toString().lines().allMatch(l -> l.contains("incumbent 2.00000  bound 1.00000  gap 5.0e-01")), text.toString());
    }
}
