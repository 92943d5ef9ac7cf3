package certus.benchmarks.data;

import certus.data.CsvFormatOptions;
import certus.data.LoadedData;
import certus.data.MultiTaskCsvReader;
import certus.data.MultiTaskData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real-data preparations: small hand-made sources check the join, the transforms and the reporting of
 * left-out rows exactly; the shared raw data (when present, ../../shared/data from this module) checks the
 * documented counts and that the committed benchmarks/data files are exactly what the preparation writes.
 */
class RealDataPreparationTest {
    /** The module directory is the working directory under Maven; the repository root is its parent. */
    private static final Path REPO = Path.of("").toAbsolutePath().getParent();
    private static final Path SHARED = REPO.resolveSibling("shared").resolve("data");

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void pdxJoinsOnModelLogsTheResponseAndRnaAndReportsModelsLeftOut() throws IOException {
        Path response = file("r.csv", """
                Model,TumorType,TimeToDouble
                X-2,CRC,8
                X-1,BRCA,2.5
                X-3,CRC,20
                X-9,CRC,4
                """);
        Path features = file("f.csv", """
                Model,TumorType,G1.cn,G1.rna
                X-1,BRCA,1.5,0
                X-3,CRC,2.25,3
                X-2,CRC,0.5,1023
                X-7,BRCA,1,1
                """);
        PreparedTable t = PdxPreparation.prepare(response, features);
        assertEquals(List.of("task", "model", "log_time_to_double", "G1.cn", "G1.rna"), t.header());
        // sorted by task then model; X-9 (no features) and X-7 (no response) left out
        assertEquals(List.of("X-1", "X-2", "X-3"), t.rows().stream().map(r -> r.get(1)).toList());
        assertEquals(Map.of("BRCA", 1, "CRC", 2), t.taskCounts());
        List<String> x2 = t.rows().get(1);
        assertEquals(Math.log(8), Double.parseDouble(x2.get(2)), 0.0);
        assertEquals("0.5", x2.get(3), ".cn copied unchanged");
        assertEquals(10.0, Double.parseDouble(x2.get(4)), 1e-12, "log2(1023 + 1)");
        assertEquals(0.0, Double.parseDouble(t.rows().get(0).get(4)), 0.0, "log2(0 + 1)");
        String notes = String.join("\n", t.notes());
        assertTrue(notes.contains("features but no untreated response: [X-7]"), notes);
        assertTrue(notes.contains("a response but no features: [X-9]"), notes);
    }

    @Test
    void pdxRejectsMismatchedTumorTypesNonNumericCellsAndDuplicates() throws IOException {
        Path response = file("r.csv", "Model,TumorType,TimeToDouble\nX-1,BRCA,3\n");
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
                () -> PdxPreparation.prepare(response, file("f1.csv", "Model,TumorType,G.cn\nX-1,CRC,1\n")));
        assertTrue(type.getMessage().contains("X-1 is BRCA") && type.getMessage().contains("but CRC"), type.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> PdxPreparation.prepare(response, file("f2.csv", "Model,TumorType,G.cn\nX-1,BRCA,NA\n")));
        assertTrue(nan.getMessage().contains("f2.csv line 2, column 'G.cn'"), nan.getMessage());
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class,
                () -> PdxPreparation.prepare(response, file("f3.csv", "Model,TumorType,G.cn\nX-1,BRCA,1\nX-1,BRCA,2\n")));
        assertTrue(dup.getMessage().contains("duplicate Model 'X-1'"), dup.getMessage());
    }

    @Test
    void schoolKeepsTheLargestSchoolsWithoutBiasInIdOrder() throws IOException {
        Path f = file("school.csv", """
                school,student_in_school,exam_score,a,b,bias
                1,1,10,1,0,1
                2,1,20,0,1,1
                2,2,21,1,0,1
                3,1,30,0,1,1
                3,2,31,1,0,1
                """);
        PreparedTable t = SchoolPreparation.prepareFile(f, 2); // schools 2 and 3 (2 students each)
        assertEquals(List.of("school", "student_in_school", "exam_score", "a", "b"), t.header());
        assertEquals(List.of("2", "2", "3", "3"), t.rows().stream().map(r -> r.get(0)).toList());
        assertEquals(Map.of("2", 2, "3", 2), t.taskCounts());
        assertThrows(IllegalArgumentException.class, () -> SchoolPreparation.prepareFile(file("bad.csv",
                "school,student_in_school,exam_score,a,bias\n1,1,10,1,0\n"), 1), "bias must be 1");
    }

    @Test
    void writeIsAtomicAndTheCertusReaderAcceptsTheOutput() throws IOException {
        PreparedTable t = PdxPreparation.prepare(
                file("r.csv", "Model,TumorType,TimeToDouble\nA,T1,2\nB,T1,3\nC,T2,4\nD,T2,5\n"),
                file("f.csv", "Model,TumorType,G.cn,G.rna\nA,T1,1,0\nB,T1,2,1\nC,T2,3,3\nD,T2,4,7\n"));
        Path out = dir.resolve("out/p.csv");
        t.write(out);
        t.write(out); // replacing is fine
        try (var listing = Files.list(out.getParent())) {
            assertEquals(List.of("p.csv"), listing.map(p -> p.getFileName().toString()).toList(), "no temporary file left");
        }
        LoadedData d = reader(PdxPreparation.TASK, PdxPreparation.RESPONSE, PdxPreparation.ID).read(out);
        assertEquals(List.of("G.cn", "G.rna"), d.data().featureNames());
        assertEquals(3.0, d.data().task(1).x().get(1, 1), 1e-15, "log2(7 + 1)");
    }

    private static MultiTaskCsvReader reader(String task, String response, String id) {
        return new MultiTaskCsvReader(new CsvFormatOptions(task, response, Set.of(id), true));
    }

    @Test
    void sharedPdxGives173ModelsIn5TasksAndMatchesTheCommittedFile() throws IOException {
        Path pdxe = SHARED.resolve("pdxe");
        assumeTrue(Files.isDirectory(pdxe), "shared PDX data not present at " + pdxe);
        PreparedTable t = PdxPreparation.prepare(pdxe);
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("BRCA", 38);
        expected.put("CM", 32);
        expected.put("CRC", 43);
        expected.put("NSCLC", 25);
        expected.put("PDAC", 35);
        assertEquals(expected, t.taskCounts());
        assertEquals(173, t.rows().size());
        assertEquals(3 + 178, t.header().size());
        assertTrue(String.join("\n", t.notes()).contains("no untreated response: [X-2283, X-4377]"), t.notes()::toString);
        MultiTaskData data = readAndCheck(t, PdxPreparation.TASK, PdxPreparation.RESPONSE, PdxPreparation.ID);
        assertEquals(List.copyOf(expected.keySet()), data.tasks().stream().map(x -> x.label()).toList());
        // log scales: ln(2..136 days) is within [0.69, 4.92]; log2(FPKM + 1) of FPKM <= ~13,500 is below 14
        int rna = t.header().indexOf("TYMS.rna");
        for (List<String> r : t.rows()) {
            double y = Double.parseDouble(r.get(2));
            assertTrue(y >= Math.log(2) - 1e-12 && y <= Math.log(136) + 1e-12, r.get(1) + ": " + y);
            assertTrue(Double.parseDouble(r.get(rna)) < 14, r.get(1));
        }
        assertCommittedFileEquals(t, RealDataPreparation.PDX_OUTPUT);
    }

    @Test
    void sharedSchoolTop10Gives2259StudentsAnd27Features() throws IOException {
        Path school = SHARED.resolve("school_exam");
        assumeTrue(Files.isDirectory(school), "shared school data not present at " + school);
        PreparedTable t = SchoolPreparation.prepare(school, RealDataPreparation.SCHOOLS);
        assertEquals(Set.of("4", "11", "24", "30", "39", "72", "111", "130", "133", "134"), t.taskCounts().keySet());
        assertEquals(2259, t.rows().size());
        assertFalse(t.header().contains("bias"));
        MultiTaskData data = readAndCheck(t, SchoolPreparation.TASK, SchoolPreparation.RESPONSE, SchoolPreparation.ID);
        assertEquals(27, data.featureCount());
        int schoolGender = data.featureNames().indexOf("school_gender_1");
        for (int k = 0; k < data.taskCount(); k++) assertTrue(data.isConstant(k, schoolGender), "school-level column is constant within a school");
        assertCommittedFileEquals(t, RealDataPreparation.SCHOOL_OUTPUT);
    }

    /** Writes, reads back with the Certus reader (which rejects NaN/Inf and ragged rows) and returns the data. */
    private MultiTaskData readAndCheck(PreparedTable t, String task, String response, String id) {
        Path out = dir.resolve("check.csv");
        t.write(out);
        LoadedData d = reader(task, response, id).read(out);
        assertEquals(t.rows().size(), d.rowCount());
        for (var td : d.data().tasks()) {
            for (double y : td.y()) assertTrue(Double.isFinite(y));
        }
        return d.data();
    }

    private static void assertCommittedFileEquals(PreparedTable t, String name) throws IOException {
        Path committed = REPO.resolve("benchmarks/data").resolve(name);
        assertTrue(Files.exists(committed), committed + " missing: run benchmarks/scripts/realdata.sh");
        assertEquals(t.toCsv(), Files.readString(committed), committed + " differs from what the preparation writes");
    }
}
