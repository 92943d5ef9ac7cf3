package certus.app.cli;

import certus.solver.Backends;
import certus.solver.CancellationToken;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackendsCommandTest {
    @Test
    void listsEveryBackendWithVersionCapabilitiesAndWhyOneIsUnavailable() {
        Cli.Result r = Cli.run(Scripted.env(Scripted.OPTIMAL), "backends");
        assertEquals(0, r.exit(), r.toString());
        String[] lines = r.out().split("\n");
        assertEquals(3, lines.length, r.out());
        assertTrue(lines[0].startsWith("NAME"));
        assertTrue(lines[1].startsWith("scip") && lines[1].contains("10.0.0") && lines[1].contains("hints,milp,miqp")
                && lines[1].endsWith("yes"), lines[1]);
        assertTrue(lines[2].startsWith("gurobi") && lines[2].contains("no: no licence found (GRBException 10009). Maybe"), lines[2]);
    }

    @Test
    void noBackendsSaysSoWithAHint() {
        Cli.Result r = Cli.run(new CliEnvironment(() -> Backends.of(List.of()), m -> null, CancellationToken::new, false), "backends");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("no solver backends found") && r.out().contains("Maybe"), r.out());
    }
}
