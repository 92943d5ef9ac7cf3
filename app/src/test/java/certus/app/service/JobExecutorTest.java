package certus.app.service;

import certus.estimators.sim.SimulationDesign;
import certus.estimators.sim.Simulator;
import certus.solver.CancellationToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A cancelled token reaches the solver for both kinds: the result is the best so far, marked interrupted. */
class JobExecutorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JobRequest request(String kind) {
        String csv = ServiceIntegrationTest.csv(Simulator.simulate(new SimulationDesign(30, 3, 60, 0, 4, 2, 0.5, 0.0, null, 5.0, 4)).train());
        ObjectNode n = JSON.createObjectNode().put("kind", kind).put("csv", csv);
        n.putObject("params").put("s", 4).put("ridge", 0.05).put("zbar", 0.05);
        return JobRequest.parse(n, 60);
    }

    @Test
    void aCancelledTokenInterruptsFitsAndCertifiesWithTheirBestSoFar() throws Exception {
        for (String kind : new String[]{"fit", "certify"}) {
            CancellationToken token = new CancellationToken();
            token.cancel();
            List<String> progress = new ArrayList<>();
            JsonNode result = JSON.readTree(JobExecutor.run(request(kind), token, progress::add));
            assertEquals("interrupted", result.get("termination").get("limit").asText(), kind + ": " + result);
            assertFalse(result.get("status").asText().equals("optimal"), "never optimal when stopped: " + result);
        }
        JsonNode full = JSON.readTree(JobExecutor.run(request("certify"), new CancellationToken(), s -> { }));
        assertEquals("optimal", full.get("status").asText());
    }
}
