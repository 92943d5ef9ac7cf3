package certus.data;

import certus.tensor.DenseMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Well-formed inputs are read exactly, in order, with the documented warnings. */
class MultiTaskCsvReaderTest {
    @TempDir
    Path dir;

    private static MultiTaskData randomData(long seed, int[] rows, int p) {
        Random rnd = new Random(seed);
        List<String> features = new java.util.ArrayList<>();
        for (int j = 0; j < p; j++) features.add("x" + j);
        List<TaskData> tasks = new java.util.ArrayList<>();
        for (int k = 0; k < rows.length; k++) {
            double[][] x = new double[rows[k]][p];
            double[] y = new double[rows[k]];
            for (int i = 0; i < rows[k]; i++) {
                for (int j = 0; j < p; j++) x[i][j] = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(7) - 3);
                y[i] = rnd.nextGaussian();
            }
            tasks.add(new TaskData("task, \"" + k + "\"", DenseMatrix.fromRows(x), y));
        }
        return new MultiTaskData(features, tasks);
    }

    @Test
    void roundTripGivesEqualDataAndInterleavedRowOrder() {
        MultiTaskData original = randomData(7, new int[]{5, 2, 4}, 3);
        Path f = CsvTestFiles.writeRaw(dir, "rt.csv", CsvTestFiles.toInterleavedCsv(original, "task", "y"));
        LoadedData loaded = new MultiTaskCsvReader(CsvFormatOptions.defaults()).read(f);

        assertEquals(original.featureNames(), loaded.data().featureNames());
        assertEquals(original.tasks(), loaded.data().tasks());
        assertTrue(loaded.warnings().isEmpty(), loaded.warnings()::toString);
        assertEquals(f.toString(), loaded.source());

        // Round-robin writing: row i of each task, task by task, skipping exhausted tasks.
        int[][] expected = {{0, 0}, {1, 0}, {2, 0}, {0, 1}, {1, 1}, {2, 1}, {0, 2}, {2, 2}, {0, 3}, {2, 3}, {0, 4}};
        assertEquals(expected.length, loaded.rowCount());
        for (int r = 0; r < expected.length; r++) {
            RowOrigin o = loaded.rowOrder().get(r);
            assertEquals(expected[r][0], o.task(), "task of input row " + r);
            assertEquals(expected[r][1], o.row(), "row of input row " + r);
            assertEquals(r + 2, o.line(), "line of input row " + r);
        }
    }

    @Test
    void tasksFollowFirstAppearanceAndRowsFileOrder() {
        Path f = CsvTestFiles.write(dir, "d.csv", "x1,task,y", "1,b,10", "2,a,20", "3,b,30", "4,a,40", "5,b,50");
        LoadedData d = new MultiTaskCsvReader(CsvFormatOptions.defaults()).read(f);
        assertEquals(List.of("b", "a"), d.data().taskLabels());
        assertArrayEquals(new double[]{10, 30, 50}, d.data().task(0).y());
        assertArrayEquals(new double[]{1, 3, 5}, d.data().task(0).x().column(0));
        assertArrayEquals(new double[]{20, 40}, d.data().task(1).y());
        assertEquals(new RowOrigin(1, 1, 5), d.rowOrder().get(3));
    }

    @Test
    void dropRemovesColumnsAndCustomColumnNamesWork() {
        Path f = CsvTestFiles.write(dir, "d.csv", "id,grp,x1,target,leak,x2", "1,a,1,10,0,5", "2,a,2,20,0,7", "3,b,3,30,0,1", "4,b,5,40,0,2");
        CsvFormatOptions o = new CsvFormatOptions("grp", "target", Set.of("id", "leak"), true);
        LoadedData d = new MultiTaskCsvReader(o).read(f);
        assertEquals(List.of("x1", "x2"), d.data().featureNames());
        assertArrayEquals(new double[]{5, 7}, d.data().task(0).x().column(1));
        assertArrayEquals(new double[]{30, 40}, d.data().task(1).y());
    }

    @Test
    void quotedLabelsWithCommasQuotesAndNewlinesAreKept() {
        Path f = CsvTestFiles.writeRaw(dir, "d.csv",
                "\"task\",\"y\",\"x, one\"\n\"Smith, J.\",1,2\n\"say \"\"hi\"\"\",2,3\n\"Smith, J.\",3,4\n\"say \"\"hi\"\"\",4,\"6\"\n");
        LoadedData d = new MultiTaskCsvReader(CsvFormatOptions.defaults()).read(f);
        assertEquals(List.of("Smith, J.", "say \"hi\""), d.data().taskLabels());
        assertEquals(List.of("x, one"), d.data().featureNames());
        assertArrayEquals(new double[]{3, 6}, d.data().task(1).x().column(0));
    }

    @Test
    void byteOrderMarkAndCrlfAreTolerated() {
        Path f = CsvTestFiles.writeRaw(dir, "d.csv", "\uFEFFtask,y,x1\r\na,1,2\r\na,2,3\r\n");
        LoadedData d = new MultiTaskCsvReader(CsvFormatOptions.defaults()).read(f);
        assertEquals(List.of("a"), d.data().taskLabels());
        assertEquals(3, d.rowOrder().get(1).line());
    }

    @Test
    void constantColumnGivesExactlyOneWarningListingItsTasks() {
        Path f = CsvTestFiles.write(dir, "d.csv", "task,y,x1,x2,x3",
                "A,1,1,5,9", "B,2,2,5,9", "C,3,3,6,9", "A,4,1,5,9", "B,5,3,5,9", "C,6,4,7,9");
        LoadedData d = new MultiTaskCsvReader(CsvFormatOptions.defaults()).read(f);
        List<String> w = d.warnings();
        assertEquals(3, w.size(), w::toString);
        assertEquals(1, w.stream().filter(s -> s.startsWith("column 'x1'")).count());
        assertTrue(w.contains("column 'x1' is constant within task(s) A; it will never be selected for those tasks"), w::toString);
        assertTrue(w.contains("column 'x2' is constant within task(s) A, B; it will never be selected for those tasks"), w::toString);
        assertTrue(w.stream().anyMatch(s -> s.startsWith("column 'x3' is constant within every task (3 of 3)")), w::toString);
    }

    @Test
    void readsFromAStreamWithAGivenName() {
        LoadedData d = new MultiTaskCsvReader(CsvFormatOptions.defaults())
                .read(new StringReader("task,y,x\na,1,2\na,2,3\n"), "upload.csv");
        assertEquals("upload.csv", d.source());
        assertEquals(2, d.data().totalRows());
    }

    @Test
    void predictionFileMapsColumnsToModelOrderAndKeepsInputOrder() {
        Path f = CsvTestFiles.write(dir, "p.csv", "x2,id,task,x1", "20,7,b,1", "40,8,a,3", "60,9,b,5");
        MultiTaskCsvReader r = new MultiTaskCsvReader(CsvFormatOptions.forPrediction().withDropColumns(Set.of("id")));
        PredictionData p = r.readForPrediction(f, List.of("x1", "x2"), List.of("a", "b"));
        assertEquals(3, p.rowCount());
        assertArrayEquals(new double[]{1, 20}, p.row(0));
        assertArrayEquals(new double[]{3, 40}, p.row(1));
        assertEquals(List.of("b", "a", "b"), p.taskLabels());
        assertEquals(1, p.taskIndex(0));
        assertEquals(0, p.taskIndex(1));
        assertEquals(4, p.line(2));
        assertFalse(p.hasResponse());
        assertTrue(p.response().isEmpty());
    }

    @Test
    void predictionFileMayCarryTheResponseAndSingleRowTasks() {
        Path f = CsvTestFiles.write(dir, "p.csv", "task,y,x1", "a,1.5,2");
        PredictionData p = new MultiTaskCsvReader(CsvFormatOptions.forPrediction()).readForPrediction(f, List.of("x1"), List.of("a"));
        assertArrayEquals(new double[]{1.5}, p.response().orElseThrow());
    }

    @Test
    void realParkinsonsTelemonitoringFile() {
        Path file = locateShared("data/parkinsons_telemonitoring/parkinsons_updrs.csv");
        assumeTrue(file != null, "shared Parkinsons data not present; skipping");
        CsvFormatOptions o = new CsvFormatOptions("subject#", "motor_UPDRS", Set.of("total_UPDRS"), true);
        LoadedData d = new MultiTaskCsvReader(o).read(file);
        assertEquals(42, d.data().taskCount());
        assertEquals(5875, d.data().totalRows());
        assertEquals(5875, d.rowCount());
        assertEquals(19, d.data().featureCount());
        assertFalse(d.data().featureNames().contains("total_UPDRS"));
        assertEquals("1", d.data().task(0).label());
        // age and sex are per-subject attributes: constant within every task, one warning each.
        assertEquals(1, d.warnings().stream().filter(s -> s.startsWith("column 'age'")).count(), d.warnings()::toString);
        assertEquals(1, d.warnings().stream().filter(s -> s.startsWith("column 'sex'")).count(), d.warnings()::toString);
    }

    /** shared/ sits beside the repository root; Surefire runs in the module directory. */
    static Path locateShared(String relative) {
        for (Path base : List.of(Paths.get("../../shared"), Paths.get("/work/shared"))) {
            Path p = base.resolve(relative);
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }
}
