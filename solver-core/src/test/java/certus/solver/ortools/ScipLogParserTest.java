package certus.solver.ortools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certus.solver.SolveListener.SolveProgress;
import org.junit.jupiter.api.Test;

/** The progress table of SCIP's log, in the layout SCIP 10 prints (columns found from the header). */
class ScipLogParserTest {
    private static final String HEADER =
            " time | node  | left  |LP iter|LP it/n|mem/heur|mdpt |vars |cons |rows |cuts |sepa|confs|strbr|  dualbound   | primalbound  |  gap   | compl. ";

    @Test
    void rowsAfterAHeaderBecomeProgressAndOtherLinesDoNot() {
        ScipLogParser p = new ScipLogParser();
        assertTrue(p.progress("presolving:", 0.1).isEmpty());
        assertTrue(p.progress(" 0.1s|     1 |     0 |    12 |     - |   LP  |   0 |  10 |  5 |  5 |   0 |  0 |   0 |   0 | 1.0e+00 | 2.0e+00 | 100% | unknown", 0.1)
                .isEmpty(), "no header seen yet");
        assertTrue(p.progress(HEADER, 0.2).isEmpty());
        SolveProgress none = p.progress("p 0.0s|     1 |     0 |     0 |     - |  locks|   0 | 400 |  15 |  15 |   0 |  0 |   0 |   0 |      --      | -2.112000e+04 |    Inf | unknown", 0.3)
                .orElseThrow();
        assertEquals(Double.NEGATIVE_INFINITY, none.bound());
        assertEquals(-21120, none.incumbent(), 1e-9);
        assertEquals(1, none.nodes());
        SolveProgress row = p.progress(" 2.1s| 12k   |  3021 | 51234 |   4.1 |    11M |  25 | 400 |  15 |  16 |   1 |  1 |   0 |   0 |-2.153812e+04 |-2.150500e+04 |   0.15%| 41.20%", 2.5)
                .orElseThrow();
        assertEquals(-21538.12, row.bound(), 1e-9);
        assertEquals(-21505, row.incumbent(), 1e-9);
        assertEquals(12_000, row.nodes());
        assertEquals(2.5, row.seconds());
        assertTrue(p.progress("SCIP Status        : solving was interrupted [user interrupt]", 3).isEmpty());
        assertTrue(p.progress(" a | b | c", 3).isEmpty(), "rows whose column count differs from the header's are skipped");
    }

    @Test
    void infiniteValuesMapToInfinities() {
        ScipLogParser p = new ScipLogParser();
        p.progress(" node | dualbound | primalbound ", 0);
        SolveProgress row = p.progress("  1 | -1.000000e+20 | 1.000000e+20 ", 0).orElseThrow();
        assertEquals(Double.NEGATIVE_INFINITY, row.bound());
        assertEquals(Double.POSITIVE_INFINITY, row.incumbent());
    }
}
