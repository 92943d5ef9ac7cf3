package certus.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every malformed input fails with a DataFormatException that says where (file, line, column) and what. */
class MultiTaskCsvReaderErrorsTest {
    @TempDir
    Path dir;

    private static final MultiTaskCsvReader READER = new MultiTaskCsvReader(CsvFormatOptions.defaults());

    private DataFormatException fails(MultiTaskCsvReader reader, Path file) {
        return assertThrows(DataFormatException.class, () -> reader.read(file));
    }

    private DataFormatException fails(Path file) {
        return fails(READER, file);
    }

    private static void assertMentions(DataFormatException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "message should contain <" + p + ">: " + e.getMessage());
        }
    }

    @Test
    void missingFileNamesTheFile() {
        DataFormatException e = fails(dir.resolve("nope.csv"));
        assertMentions(e, "nope.csv", "not found");
    }

    @Test
    void directoryIsRejected() {
        DataFormatException e = fails(dir);
        assertMentions(e, dir.toString(), "directory");
    }

    @Test
    void fileWithoutHeaderGetsAHint() {
        DataFormatException e = fails(CsvTestFiles.write(dir, "nohdr.csv", "a,1.5,2", "a,2,3"));
        assertMentions(e, "nohdr.csv line 1", "looks like data", "header row");
    }

    @Test
    void emptyFileIsRejected() {
        DataFormatException e = fails(CsvTestFiles.writeRaw(dir, "empty.csv", ""));
        assertMentions(e, "empty.csv", "empty");
    }

    @Test
    void blankLinesOnlyCountAsEmpty() {
        DataFormatException e = fails(CsvTestFiles.writeRaw(dir, "blank.csv", "\n\n  \n"));
        assertMentions(e, "blank.csv", "empty");
    }

    @Test
    void headerWithoutDataRowsIsRejected() {
        DataFormatException e = fails(CsvTestFiles.write(dir, "hdr.csv", "task,y,x1"));
        assertMentions(e, "hdr.csv line 1", "no data rows");
    }

    @Test
    void missingTaskColumnListsHeaderAndSuggestsOption() {
        DataFormatException e = fails(CsvTestFiles.write(dir, "d.csv", "group,y,x1", "a,1,2", "a,2,3"));
        assertMentions(e, "d.csv line 1", "'task'", "[group, y, x1]", "Maybe", "--task-col");
    }

    @Test
    void missingTaskColumnSuggestsCaseInsensitiveMatch() {
        DataFormatException e = fails(CsvTestFiles.write(dir, "d.csv", "Task,y,x1", "a,1,2", "a,2,3"));
        assertMentions(e, "--task-col 'Task'");
    }

    @Test
    void missingResponseColumnIsRejectedForTraining() {
        DataFormatException e = fails(CsvTestFiles.write(dir, "d.csv", "task,target,x1", "a,1,2", "a,2,3"));
        assertMentions(e, "d.csv line 1", "'y'", "[task, target, x1]", "--response");
    }

    @Test
    void dropColumnThatDoesNotExistIsRejected() {
        MultiTaskCsvReader r = new MultiTaskCsvReader(CsvFormatOptions.defaults().withDropColumns(Set.of("idd")));
        DataFormatException e = fails(r, CsvTestFiles.write(dir, "d.csv", "task,y,id,x1", "a,1,7,2", "a,2,8,3"));
        assertMentions(e, "d.csv line 1", "'idd'", "--drop", "[task, y, id, x1]");
    }

    @Test
    void droppingTheTaskColumnIsRejected() {
        MultiTaskCsvReader r = new MultiTaskCsvReader(CsvFormatOptions.defaults().withDropColumns(Set.of("task")));
        DataFormatException e = fails(r, CsvTestFiles.write(dir, "d.csv", "task,y,x1", "a,1,2", "a,2,3"));
        assertMentions(e, "d.csv line 1", "'task'", "--drop");
    }

    @Test
    void nonNumericCellIsQuotedWithLineAndColumn() {
        DataFormatException e = fails(CsvTestFiles.write(dir, "data.csv", "task,y,x1,x3", "a,1,2,3", "a,2,3,abc"));
        assertMentions(e, "data.csv line 3, column 'x3' (4): 'abc' is not a number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "nan", "Inf", "-Infinity", "Infinity", "+inf", "NA", ""})
    void nonFiniteOrEmptyFeatureIsRejected(String bad) {
        DataFormatException e = fails(CsvTestFiles.write(dir, "data.csv", "task,y,x1,x2", "a,1,2,3", "a,2," + bad + ",4"));
        assertMentions(e, "data.csv line 3, column 'x1' (3)");
        if (!bad.isEmpty()) assertMentions(e, "'" + bad + "'", "finite");
        else assertMentions(e, "empty cell");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "", "1e999", "0x1p3", "1d"})
    void nonFiniteOrMalformedResponseIsRejected(String bad) {
        DataFormatException e = fails(CsvTestFiles.write(dir, "data.csv", "task,y,x1", "a,1,2", "a,\"" + bad + "\",4"));
        assertMentions(e, "data.csv line 3, column 'y' (2)");
    }

    @Test
    void whitespaceAroundNumbersIsAccepted() {
        LoadedData d = READER.read(CsvTestFiles.write(dir, "d.csv", "task,y,x1", "a, 1 ,\t2 ", "a,2,3e-005"));
        assertTrue(d.data().task(0).x().get(1, 0) == 3e-5);
    }

    @Test
    void decimalCommaGetsAHint() {
        DataFormatException e = fails(CsvTestFiles.write(dir, "d.csv", "task,y,x1", "a,1,2", "a,2,\"3,5\""));
        assertMentions(e, "d.csv line 3, column 'x1' (3)", "'3,5'", "decimal comma");
    }

    @Test
    void raggedRowNamesBothWidths() {
        DataFormatException e = fails(CsvTestFiles.write(dir, "d.csv", "task,y,x1,x2", "a,1,2,3", "a,2,3", "a,3,4,5"));
        assertMentions(e, "d.csv line 3", "3 fields", "header has 4");
        e = fails(CsvTestFiles.write(dir, "e.csv", "task,y,x1,x2", "a,1,2,3", "a,3,4,5", "a,2,3,4,5"));
        assertMentions(e, "e.csv line 4", "5 fields", "header has 4");
    }

    @Test
    void lineNumbersCountBlankLinesAndMultiLineQuotedFields() {
        DataFormatException e = fails(CsvTestFiles.writeRaw(dir, "d.csv",
                "task,y,x1\n\n\"multi\nline\",1,2\n\"multi\nline\",2,3\n\nb,1,oops\n"));
        assertMentions(e, "d.csv line 8, column 'x1' (3): 'oops'");
    }

    @Test
    void duplicateColumnNamesAreRejected() {
        DataFormatException e = fails(CsvTestFiles.write(dir, "d.csv", "task,y,x1,x2,x1", "a,1,2,3,4", "a,2,3,4,5"));
        assertMentions(e, "d.csv line 1, column 'x1' (5)", "duplicate", "column 3");
    }

    @Test
    void emptyColumnNameIsRejected() {
        DataFormatException e = fails(CsvTestFiles.write(dir, "d.csv", "task,y,x1,", "a,1,2,", "a,2,3,"));
        assertMentions(e, "d.csv line 1, column 4", "empty column name");
    }

    @Test
    void emptyTaskLabelIsRejected() {
        DataFormatException e = fails(CsvTestFiles.write(dir, "d.csv", "y,task,x1", "1,a,2", "2,a,3", "3, ,4"));
        assertMentions(e, "d.csv line 4, column 'task' (2)", "empty task label");
    }

    @Test
    void taskWithOneRowNamesTaskCountAndLine() {
        DataFormatException e = fails(CsvTestFiles.write(dir, "d.csv", "task,y,x1", "a,1,2", "a,2,3", "lonely,3,4", "a,4,5"));
        assertMentions(e, "d.csv", "'lonely' has 1 row", "line 4", "at least 2");
    }

    @Test
    void noFeatureColumnLeftIsRejected() {
        MultiTaskCsvReader r = new MultiTaskCsvReader(CsvFormatOptions.defaults().withDropColumns(Set.of("id")));
        DataFormatException e = fails(r, CsvTestFiles.write(dir, "d.csv", "task,y,id", "a,1,2", "a,2,3"));
        assertMentions(e, "d.csv line 1", "no feature columns");
    }

    @Test
    void unclosedQuoteIsReportedWithLine() {
        DataFormatException e = fails(CsvTestFiles.write(dir, "d.csv", "task,y,x1", "a,1,2", "\"a,2,3", "a,3,4"));
        assertMentions(e, "d.csv line 3", "malformed CSV");
    }

    @Test
    void invalidUtf8IsReported() throws Exception {
        Path f = dir.resolve("latin.csv");
        java.nio.file.Files.write(f, new byte[]{'t', 'a', 's', 'k', ',', 'y', ',', 'x', '\n', (byte) 0xE9, ',', '1', ',', '2', '\n'});
        DataFormatException e = fails(f);
        assertMentions(e, "latin.csv", "UTF-8");
    }

    // ---- prediction files ----

    private static final List<String> FEATURES = List.of("x1", "x2");
    private static final List<String> TASKS = List.of("a", "b");

    private DataFormatException failsPrediction(Path file) {
        MultiTaskCsvReader r = new MultiTaskCsvReader(CsvFormatOptions.forPrediction());
        return assertThrows(DataFormatException.class, () -> r.readForPrediction(file, FEATURES, TASKS));
    }

    @Test
    void predictionUnknownTaskNamesLineAndLabel() {
        DataFormatException e = failsPrediction(CsvTestFiles.write(dir, "p.csv", "task,x2,x1", "a,1,2", "zz,2,3"));
        assertMentions(e, "p.csv line 3, column 'task' (1)", "unknown task 'zz'", "[a, b]");
    }

    @Test
    void predictionExtraFeatureColumnIsRejectedWithDropHint() {
        DataFormatException e = failsPrediction(CsvTestFiles.write(dir, "p.csv", "task,x1,x9,x2", "a,1,2,3"));
        assertMentions(e, "p.csv line 1, column 'x9' (3)", "not a feature of the model", "--drop");
    }

    @Test
    void predictionMissingModelFeatureIsRejected() {
        DataFormatException e = failsPrediction(CsvTestFiles.write(dir, "p.csv", "task,x1", "a,1"));
        assertMentions(e, "p.csv line 1", "'x2'", "missing");
    }

    @Test
    void predictionNonNumericCellIsRejected() {
        DataFormatException e = failsPrediction(CsvTestFiles.write(dir, "p.csv", "x2,task,x1", "1,a,2", "1,b,?"));
        assertMentions(e, "p.csv line 3, column 'x1' (3)", "'?'");
    }

    @Test
    void predictionHeaderOnlyIsRejected() {
        DataFormatException e = failsPrediction(CsvTestFiles.write(dir, "p.csv", "task,x1,x2"));
        assertMentions(e, "p.csv line 1", "no data rows");
    }

    @Test
    void predictionRequiringResponseRejectsItsAbsence() {
        MultiTaskCsvReader r = new MultiTaskCsvReader(CsvFormatOptions.defaults());
        Path f = CsvTestFiles.write(dir, "p.csv", "task,x1,x2", "a,1,2");
        DataFormatException e = assertThrows(DataFormatException.class, () -> r.readForPrediction(f, FEATURES, TASKS));
        assertMentions(e, "p.csv line 1", "'y'");
    }
}
