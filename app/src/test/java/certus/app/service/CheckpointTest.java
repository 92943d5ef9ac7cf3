package certus.app.service;

import certus.data.CsvFormatOptions;
import certus.data.MultiTaskCsvReader;
import certus.data.MultiTaskData;
import certus.estimators.io.CertificateJsonReader;
import certus.estimators.sim.SimulationDesign;
import certus.estimators.sim.Simulator;
import certus.formulations.cert.Certificate;
import certus.formulations.cert.CertificateVerifier;
import certus.formulations.cert.VerificationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static certus.app.service.TestServer.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A long certify job keeps a checkpoint (its warm start with the bound proven so far) that passes independent
 * verification while it runs; a server stopped under it reports the job INTERRUPTED with that saved state at the next
 * start, and never as optimal.
 */
class CheckpointTest {
    @TempDir
    Path dir;

    /** Zbar coupling over 3 tasks, p = 150, s = 10: far from certified within the test's patience. */
    static String hardCsv() {
        return ServiceIntegrationTest.csv(Simulator.simulate(new SimulationDesign(150, 3, 100, 0, 10, 3, 0.5, 0.0, null, 5.0, 1)).train());
    }

    static ObjectNode hardJob(double timeLimit) {
        ObjectNode n = JSON.createObjectNode().put("kind", "certify").put("csv", hardCsv()).put("time_limit", timeLimit);
        n.putObject("params").put("s", 10).put("ridge", 0.1).put("zbar", 0.05);
        return n;
    }

    /** Parses a certificate and checks it against the data with the verifier behind {@code certus verify}. */
    static Certificate verified(String certificateJson, String csv) {
        MultiTaskData data = new MultiTaskCsvReader(CsvFormatOptions.defaults()).read(new StringReader(csv), "csv").data();
        Certificate c = CertificateJsonReader.parse(certificateJson, "checkpoint");
        VerificationReport report = CertificateVerifier.verify(c, data);
        assertTrue(report.passed(), "independent verification failed: " + report.failures());
        assertTrue(c.bound() <= c.objective(), "bound " + c.bound() + " above objective " + c.objective());
        return c;
    }

    @Test
    void aRunningCertifyJobHasAVerifiableCheckpointAndAStopLeavesItInterrupted() throws Exception {
        String id;
        try (TestServer first = TestServer.start(dir.resolve("data"))) {
            id = first.submit(hardJob(50).toString());
            JsonNode status;
            long deadline = System.nanoTime() + 30_000_000_000L;
            do {
                Thread.sleep(50);
                status = JSON.readTree(first.send("GET", "/v1/jobs/" + id, null).body());
                assertTrue(System.nanoTime() < deadline, "no checkpoint and bound after 30 s: " + status);
            } while (!status.get("has_checkpoint").asBoolean() || !status.path("progress").path("bound").isNumber());
            assertEquals("RUNNING", status.get("state").asText());
            HttpResponse<String> checkpoint = first.send("GET", "/v1/jobs/" + id + "/checkpoint", null);
            assertEquals(200, checkpoint.statusCode());
            Certificate c = verified(checkpoint.body(), hardCsv());
            assertEquals("feasible", c.status().jsonName(), "a checkpoint is never optimal");
        } // graceful stop after a bound was proven: the worker is cancelled, its interrupted certificate (with that bound)
          // becomes the checkpoint, the job stays RUNNING

        try (TestServer second = TestServer.start(dir.resolve("data"))) {
            assertEquals(1, second.jobs.recovery().interrupted());
            JsonNode s = JSON.readTree(second.send("GET", "/v1/jobs/" + id, null).body());
            assertEquals("INTERRUPTED", s.get("state").asText(), s.toString());
            assertTrue(s.get("error").asText().contains("last checkpoint"), s.toString());
            HttpResponse<String> result = second.send("GET", "/v1/jobs/" + id + "/result", null);
            assertEquals(200, result.statusCode());
            Certificate c = verified(result.body(), hardCsv());
            assertEquals("feasible", c.status().jsonName());
            assertTrue(Double.isFinite(c.bound()), "the bound proven before the stop is kept: " + result.body().substring(0, 900));
        }
    }

    @Test
    void jobsWithoutACheckpointHaveNone() throws Exception {
        try (TestServer server = TestServer.start(dir.resolve("data"))) {
            ObjectNode fit = JSON.createObjectNode().put("kind", "fit").put("csv", hardCsv());
            fit.putObject("params").put("s", 3).put("ridge", 0.1);
            String id = server.submit(fit.toString());
            server.waitFor(id);
            HttpResponse<String> r = server.send("GET", "/v1/jobs/" + id + "/checkpoint", null);
            assertEquals(404, r.statusCode());
            assertTrue(r.body().contains("only certify jobs"), r.body());
        }
    }
}
