package certus.app.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end through the CLI: each kind of bad CSV stops `fit` with exit code 2, one error line naming the file
 * (and line/column where there is one), nothing on stdout, and no output or temp file left behind.
 */
class BadCsvInputTest {
    @TempDir
    Path dir;

    private static final String GOOD_ROWS = "a,1.0,0.5,1.5\na,2.0,1.5,0.5\nb,0.5,2.5,1.0\nb,1.5,0.0,2.0\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            non-numeric cell   | task,y,x1,x2\\na,1.0,abc,1.5\\na,2.0,1.5,0.5\\nb,0.5,2.5,1.0\\nb,1.5,0.0,2.0\\n | line 2, column 'x1' (3): 'abc' is not a number
            NaN cell           | task,y,x1,x2\\na,1.0,0.5,1.5\\na,NaN,1.5,0.5\\nb,0.5,2.5,1.0\\nb,1.5,0.0,2.0\\n | line 3, column 'y' (2)
            Inf cell           | task,y,x1,x2\\na,1.0,0.5,1.5\\na,2.0,1.5,0.5\\nb,0.5,Inf,1.0\\nb,1.5,0.0,2.0\\n | line 4, column 'x1' (3)
            ragged row         | task,y,x1,x2\\na,1.0,0.5\\na,2.0,1.5,0.5\\nb,0.5,2.5,1.0\\nb,1.5,0.0,2.0\\n    | line 2
            duplicate column   | task,y,x1,x1\\n%s                                                                | 'x1'
            missing task col   | grp,y,x1,x2\\n%s                                                                 | --task-col
            too few task rows  | task,y,x1,x2\\na,1.0,0.5,1.5\\na,2.0,1.5,0.5\\nb,0.5,2.5,1.0\\n               | 'b'
            empty file         | ''                                                                              | empty
            header only        | task,y,x1,x2\\n                                                                  | no data rows
            """)
    void badCsvStopsFitWithAClearErrorAndWritesNothing(String kind, String content, String expected) throws IOException {
        Path data = dir.resolve("bad.csv");
        Files.writeString(data, content.replace("\\n", "\n").replace("%s", GOOD_ROWS));
        Path out = dir.resolve("out.json");
        Cli.Result r = Cli.run("fit", "--data", data.toString(), "--s", "1", "-o", out.toString());
        assertEquals(2, r.exit(), kind + ": " + r);
        assertTrue(r.err().startsWith("error: ") && r.err().contains("bad.csv"), kind + ": " + r.err());
        assertTrue(r.err().contains(expected), kind + ": expected '" + expected + "' in " + r.err());
        assertEquals("", r.out(), kind);
        assertFalse(Files.exists(out), kind + ": no output after a failed run");
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.allMatch(f -> f.equals(data)), kind + ": nothing but the input is left in the directory");
        }
    }
}
