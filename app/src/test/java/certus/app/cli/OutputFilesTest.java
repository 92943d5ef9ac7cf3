package certus.app.cli;

import certus.estimators.SmtlParams;
import certus.estimators.cv.CvResult;
import certus.estimators.cv.CvRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OutputFilesTest {
    @TempDir
    Path dir;

    @Test
    void atomicWriteReplacesWholeFileAndLeavesNoTemp() throws IOException {
        Path f = dir.resolve("r.json");
        certus.data.AtomicFiles.writeString(f, "first");
        certus.data.AtomicFiles.writeString(f, "second");
        assertEquals("second", Files.readString(f));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(f), files.toList());
        }
    }

    @Test
    void unwritableTargetIsAnErrorAndCreatesNothing() {
        Path f = dir.resolve("missing-dir").resolve("r.json");
        assertThrows(UncheckedIOException.class, () -> certus.data.AtomicFiles.writeString(f, "x"));
        assertFalse(Files.exists(f));
        assertEquals(2, ExitCodes.of(new UncheckedIOException(new IOException("x"))));
    }

    @Test
    void cvTableHasOneRowPerGridPointWithFoldsAndFlags() {
        List<CvRow> rows = List.of(
                CvRow.of(new SmtlParams(4, 0.1, 0, 0, false), new double[]{1.0, 3.0}),
                CvRow.of(new SmtlParams(2, 0.1, 0, 0.5, false), new double[]{2.0, 2.5}));
        String csv = CvTableCsv.write(new CvResult(rows, 2, 0, 1, null));
        assertEquals(String.join("\n",
                "s,ridge,bbar,zbar,mean_rmse,se_rmse,fold_1,fold_2,best,chosen",
                "4,0.1,0.0,0.0,2.0,1.0,1.0,3.0,true,false",
                "2,0.1,0.0,0.5,2.25,0.25,2.0,2.5,false,true", ""), csv);
    }
}
