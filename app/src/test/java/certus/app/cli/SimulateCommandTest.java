package certus.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulateCommandTest {
    @TempDir
    Path dir;

    private Cli.Result simulate(String csv, String truth, String seed) {
        return Cli.run("simulate", "--p", "30", "--tasks", "4", "--n", "25", "--s", "5", "--common", "3", "--rho", "0.4",
                "--noise-var", "0.5", "--seed", seed, "-o", dir.resolve(csv).toString(), "--truth", dir.resolve(truth).toString());
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherData() throws IOException {
        assertEquals(0, simulate("a.csv", "a.json", "9").exit());
        assertEquals(0, simulate("b.csv", "b.json", "9").exit());
        assertEquals(0, simulate("c.csv", "c.json", "10").exit());
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.csv")), Files.readAllBytes(dir.resolve("b.csv")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.json")), Files.readAllBytes(dir.resolve("b.json")));
        assertFalse(Files.readString(dir.resolve("a.csv")).equals(Files.readString(dir.resolve("c.csv"))));
    }

    @Test
    void csvAndTruthHaveTheRequestedShapes() throws IOException {
        assertEquals(0, simulate("a.csv", "a.json", "1").exit());
        List<String> lines = Files.readAllLines(dir.resolve("a.csv"));
        String[] header = lines.get(0).split(",");
        assertEquals(32, header.length);
        assertEquals("task", header[0]);
        assertEquals("y", header[1]);
        assertEquals("x30", header[31]);
        assertEquals(1 + 4 * 25, lines.size());
        Set<String> tasks = new HashSet<>();
        for (String l : lines.subList(1, lines.size())) {
            assertEquals(32, l.split(",").length);
            tasks.add(l.split(",")[0]);
        }
        assertEquals(Set.of("task1", "task2", "task3", "task4"), tasks);
        JsonNode truth = new ObjectMapper().readTree(dir.resolve("a.json").toFile());
        assertEquals(4, truth.get("tasks").size());
        assertEquals(0.5, truth.get("design").get("noise_var").asDouble());
        Set<String> common = null;
        for (JsonNode t : truth.get("tasks")) {
            assertEquals(5, t.get("support").size());
            assertEquals(5, t.get("coefficients").size());
            Set<String> s = new HashSet<>();
            t.get("support").forEach(n -> s.add(n.asText()));
            if (common == null) common = s; else common.retainAll(s);
        }
        assertEquals(3, common.size(), "3 features shared by all tasks");
    }

    @Test
    void simulatedCsvLoadsBackAsTheSameData() {
        assertEquals(0, simulate("a.csv", "a.json", "3").exit());
        var loaded = new certus.data.MultiTaskCsvReader(certus.data.CsvFormatOptions.defaults()).read(dir.resolve("a.csv"));
        var sim = certus.estimators.sim.Simulator.simulate(new certus.estimators.sim.SimulationDesign(30, 4, 25, 0, 5, 3, 0.4, 0, 0.5, null, 3));
        assertEquals(sim.train().tasks(), loaded.data().tasks(), "Double.toString round-trips exactly");
    }

    @Test
    void impossibleDesignIsAUsageError() {
        Cli.Result r = Cli.run("simulate", "--p", "10", "--tasks", "5", "--s", "4", "--common", "1", "-o", dir.resolve("x.csv").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("error: p=10 is too small"), r.err());
        assertFalse(Files.exists(dir.resolve("x.csv")));
        Cli.Result both = Cli.run("simulate", "--snr", "2", "--noise-var", "1");
        assertEquals(2, both.exit());
        assertTrue(both.err().startsWith("error: "), both.err());
    }
}
