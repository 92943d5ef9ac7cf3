package certus.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CvCommandTest {
    @TempDir
    Path dir;
    Path data;

    @BeforeEach
    void simulate() {
        data = dir.resolve("sim.csv");
        assertEquals(0, Cli.run("simulate", "--p", "15", "--tasks", "3", "--n", "40", "--s", "3", "--common", "2", "--snr", "8",
                "--seed", "5", "-o", data.toString()).exit());
    }

    @Test
    void badGridOrFoldsFailBeforeWritingAnything() {
        Path out = dir.resolve("m.json");
        Path table = dir.resolve("cv.csv");
        Cli.Result r = Cli.run("cv", "--data", data.toString(), "--s-grid", "2,20", "-o", out.toString(), "--table", table.toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("s=20") && r.err().contains("p=15"), r.err());
        Cli.Result f = Cli.run("cv", "--data", data.toString(), "--s-grid", "2", "--folds", "1", "-o", out.toString(), "--table", table.toString());
        assertEquals(2, f.exit());
        assertTrue(f.err().contains("folds must be >= 2"), f.err());
        Cli.Result z = Cli.run("cv", "--data", data.toString(), "--s-grid", "2", "--zbar-grid=0,-1", "-o", out.toString());
        assertEquals(2, z.exit());
        assertTrue(z.err().contains("zbar must be a finite number >= 0"), z.err());
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(table));
    }

    @Test
    void endToEndCvWritesModelAndTable() throws IOException {
        Path out = dir.resolve("m.json");
        Path table = dir.resolve("cv.csv");
        Cli.Result r = Cli.run("cv", "--data", data.toString(), "--s-grid", "2,3,5", "--zbar-grid", "0,0.01", "--ridge", "0.001",
                "--folds", "4", "--threads", "2", "-o", out.toString(), "--table", table.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("[cv 4/4]") && r.err().contains("chosen by 1-SE rule"), r.err());
        List<String> rows = Files.readAllLines(table);
        assertEquals("s,ridge,bbar,zbar,mean_rmse,se_rmse,fold_1,fold_2,fold_3,fold_4,best,chosen", rows.get(0));
        assertEquals(1 + 6, rows.size());
        assertEquals(1, rows.stream().filter(l -> l.endsWith(",true")).count(), "exactly one chosen row");
        String chosen = rows.stream().filter(l -> l.endsWith(",true")).findFirst().orElseThrow();
        JsonNode model = new ObjectMapper().readTree(out.toFile());
        assertEquals("feasible", model.get("status").asText());
        assertEquals(Integer.parseInt(chosen.split(",")[0]), model.get("problem").get("s").asInt());
    }
}
