package certus.solver.io;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every malformed file is refused with the line number and the problem in the message. */
class MpsReaderErrorsTest {
    private static final String GOOD = "NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n x obj 1 c1 1\nRHS\n RHS c1 4\nBOUNDS\n UP BND x 3\nENDATA\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown row in COLUMNS | x obj 1 c1 1 | x obj 1 c9 1 | 6 | names row 'c9', which ROWS does not declare",
            "bad number | x obj 1 c1 1 | x obj 1 c1 1.2.3 | 6 | '1.2.3' is not a number",
            "odd COLUMNS fields | x obj 1 c1 1 | x obj 1 c1 | 6 | COLUMNS entry needs a column",
            "bad row type | L c1 | X c1 | 4 | row type 'X'",
            "bound on unknown column | UP BND x 3 | UP BND y 3 | 10 | column 'y', which COLUMNS does not declare",
            "bad bound type | UP BND x 3 | SC BND x 3 | 10 | semi-continuous is not supported",
            "maximization | NAME t | NAME t\\nOBJSENSE\\n    MAX | 3 | Certus models minimize",
            "unsupported section | ENDATA | INDICATORS\\nENDATA | 11 | section INDICATORS is not supported",
            "duplicate QUADOBJ pair | ENDATA | QUADOBJ\\n x x 2\\n x x 2\\nENDATA | 13 | QUADOBJ lists the pair (x, x) again (first on line 12)",
            "truncated file | ENDATA |  | 10 | no ENDATA line",
            "lower above upper | UP BND x 3 | LO BND x 5\\n UP BND x 3 | 0 | column x has lower bound 5.0 > upper bound 3.0",
    })
    void malformedFileNamesLineAndProblem(String label, String find, String replace, int line, String expected) {
        String text = GOOD.replace(find, replace == null ? "" : replace.replace("\\n", "\n"));
        ModelFileException e = assertThrows(ModelFileException.class, () -> MpsReader.read(text, "m.mps"), label);
        String where = line > 0 ? "m.mps:" + line + ": " : "m.mps: ";
        assertTrue(e.getMessage().startsWith(where), label + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(expected), label + ": " + e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void missingFileIsNamed() {
        ModelFileException e = assertThrows(ModelFileException.class, () -> MpsReader.read(Path.of("/nonexistent/x.mps")));
        assertTrue(e.getMessage().contains("/nonexistent/x.mps: no such file"), e.getMessage());
    }
}
