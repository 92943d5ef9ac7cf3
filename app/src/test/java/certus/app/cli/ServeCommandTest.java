package certus.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The refusals of {@code certus serve} (a running server is exercised by ServiceIntegrationTest). */
class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void aNonLoopbackAddressWithoutATokenIsRefused() {
        Cli.Result r = Cli.run("serve", "--host", "0.0.0.0", "--port", "0", "--data-dir", dir.toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("--token-file"), r.err());
        Cli.Result missing = Cli.run("serve", "--host", "0.0.0.0", "--token-file", dir.resolve("none").toString(), "--data-dir", dir.toString());
        assertEquals(2, missing.exit(), missing.toString());
        Cli.Result workers = Cli.run("serve", "--workers", "0", "--data-dir", dir.toString());
        assertEquals(2, workers.exit(), workers.toString());
    }
}
