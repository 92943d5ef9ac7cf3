package certus.benchmarks.tenmtl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ablation command writes its two CSV tables and two PNG plots, and the true rank is not beaten by rank 1. */
class AblationsTest {
    @TempDir
    Path dir;

    @Test
    void writesTablesAndPlots() throws IOException {
        Ablations.run(dir, 1);
        List<String> rank = Files.readAllLines(dir.resolve("ablation_rank.csv"));
        assertEquals(1 + Ablations.MAX_TASK_RANK, rank.size(), rank.toString());
        List<String> init = Files.readAllLines(dir.resolve("ablation_init.csv"));
        assertEquals(2 + Ablations.RANDOM_STARTS, init.size(), init.toString());
        for (String png : new String[]{"ablation_rank.png", "ablation_init.png"}) {
            byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(dir.resolve(png)), 4);
            assertArrayEquals(new byte[]{(byte) 0x89, 'P', 'N', 'G'}, head, png);
        }
        double rank1 = Double.parseDouble(rank.get(1).split(",")[2]);
        double rank2 = Double.parseDouble(rank.get(2).split(",")[2]);
        assertTrue(rank2 < rank1, "the true task rank 2 recovers better than rank 1: " + rank2 + " vs " + rank1);
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".tmp")), "no temporary file left");
        }
    }
}
