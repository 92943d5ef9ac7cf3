package certus.app.cli;

import certus.formulations.ExactSolver;
import certus.solver.CancellationToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CertifyCommandTest {
    @TempDir
    Path dir;
    Path data;
    Path out;

    @BeforeEach
    void simulate() {
        data = dir.resolve("sim.csv");
        out = dir.resolve("cert.json");
        Cli.Result r = Cli.run("simulate", "--p", "10", "--tasks", "2", "--n", "30", "--s", "2", "--common", "1", "--seed", "5",
                "-o", data.toString());
        assertEquals(0, r.exit(), r.toString());
    }

    private Cli.Result certify(ExactSolver solver, String... extra) {
        return certify(Scripted.env(solver), extra);
    }

    private Cli.Result certify(CliEnvironment env, String... extra) {
        String[] base = {"certify", "--data", data.toString(), "--s", "2", "--ridge", "0.01", "-o", out.toString()};
        String[] args = Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new);
        return Cli.run(env, args);
    }

    private JsonNode written() throws IOException {
        return new ObjectMapper().readTree(out.toFile());
    }

    @Test
    void provenOptimalRunWritesAnOptimalCertificateInTheFitSchema() throws IOException {
        Cli.Result r = certify(Scripted.OPTIMAL);
        assertEquals(0, r.exit(), r.toString());
        JsonNode c = written();
        assertEquals("optimal", c.get("status").asText());
        assertEquals(0.0, c.get("gap").asDouble());
        assertEquals(c.get("objective").asDouble(), c.get("bound").asDouble());
        // Two L0L2 tasks with ridge > 0: the default is Certus's own branch and bound, which needs no MIP backend.
        assertEquals("bnb", c.get("method").asText(), "default method");
        assertEquals("certus-bnb", c.get("backend").asText(), "default backend");
        assertEquals(2, c.get("tasks").size());
        JsonNode cert = c.get("certificate");
        assertEquals(2, cert.get("fingerprint").get("tasks").size());
        assertEquals(1e-4, cert.get("gap_tolerance").asDouble());
        assertEquals("10.0.0", cert.get("backend_version").asText());
        assertTrue(r.err().contains("incumbent") && r.err().contains("bound") && r.err().contains("gap"), r.err());
        // a certificate is a model file
        Cli.Result p = Cli.run("predict", "--model", out.toString(), "--data", data.toString());
        assertEquals(0, p.exit(), p.toString());
        assertTrue(p.out().startsWith("task,prediction"));
    }

    @Test
    void timeLimitOrConditionalMIsFeasibleNeverOptimal() throws IOException {
        assertEquals(0, certify(Scripted.TIME_LIMIT, "--time-limit", "30").exit());
        assertEquals("feasible", written().get("status").asText());
        assertEquals("time", written().get("termination").get("limit").asText());
        assertEquals(0.05, written().get("gap").asDouble(), 1e-9);
        assertEquals(0, certify(Scripted.CONDITIONAL, "--method", "bigm").exit());
        assertEquals("feasible", written().get("status").asText());
        assertTrue(written().get("certificate").get("optimality_conditional").asBoolean());
        assertEquals("checked", written().get("certificate").get("m").get("kind").asText());
        assertEquals("bigm", written().get("method").asText());
    }

    @Test
    void boundAboveObjectiveIsASolverErrorWithTheCertificateStillWritten() throws IOException {
        Cli.Result r = certify(Scripted.BOUND_ABOVE);
        assertEquals(3, r.exit(), r.toString());
        assertEquals("error", written().get("status").asText());
        assertEquals("numerical_error", written().get("termination").get("reason").asText());
        Cli.Result v = Cli.run("verify", "--certificate", out.toString(), "--data", data.toString());
        assertEquals(5, v.exit(), v.toString());
    }

    @Test
    void solverErrorIsExitThree() throws IOException {
        assertEquals(3, certify(Scripted.CRASH).exit());
        assertEquals("error", written().get("status").asText());
    }

    @Test
    void solverWithoutAPointFallsBackToTheHeuristicsFeasiblePoint() throws IOException {
        assertEquals(0, certify(Scripted.NO_SOLUTION).exit());
        assertEquals("feasible", written().get("status").asText());
        assertTrue(written().get("bound").isNull());
    }

    @Test
    void ctrlCMidSolveWritesTheIncumbentWithItsTrueStatus() throws IOException {
        CancellationToken token = new CancellationToken();
        Cli.Result r = certify(Scripted.env(Scripted.cancelledMidSolve(token), token));
        assertEquals(0, r.exit(), r.toString());
        assertEquals("feasible", written().get("status").asText());
        assertEquals("interrupted", written().get("termination").get("limit").asText());
        assertEquals(0.2, written().get("gap").asDouble(), 1e-9);
        assertEquals(0, Cli.run("verify", "--certificate", out.toString(), "--data", data.toString()).exit());
    }

    @Test
    void ctrlCBeforeAnySolutionWritesANoSolutionCertificateAndExitsFour() throws IOException {
        CancellationToken token = new CancellationToken();
        token.cancel();
        Cli.Result r = certify(Scripted.env(Scripted.OPTIMAL, token));
        assertEquals(4, r.exit(), r.toString());
        assertEquals("no_solution", written().get("status").asText());
        assertEquals(0, written().get("tasks").size());
    }

    @Test
    void unavailableOrUnknownBackendIsExitThreeWithTheReasonAndNoFile() throws IOException {
        Cli.Result r = certify(Scripted.OPTIMAL, "--backend", "gurobi");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("GRBException 10009") && r.err().contains("Maybe"), r.err());
        assertFalse(Files.exists(out));
        Cli.Result u = certify(Scripted.OPTIMAL, "--backend", "cplex");
        assertEquals(3, u.exit());
        assertTrue(u.err().contains("unknown backend 'cplex'") && u.err().contains("scip, gurobi") && u.err().contains("Maybe"), u.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void realEngineCertifiesOptimalityAndTheCertificateVerifies() throws IOException {
        Double objective = null;
        for (String method : new String[]{"oa", "bigm", "perspective"}) {
            Path cert = dir.resolve(method + ".json");
            Cli.Result r = Cli.run("certify", "--data", data.toString(), "--s", "2", "--ridge", "0.05", "--zbar", "0.1",
                    "--method", method, "--backend", "scip", "-o", cert.toString());
            assertEquals(0, r.exit(), method + ": " + r);
            var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(cert));
            assertEquals("optimal", root.get("status").asText(), method + ": " + root);
            assertTrue(root.get("gap").asDouble() <= 1e-4, method + " gap " + root.get("gap"));
            assertTrue(root.get("bound").asDouble() <= root.get("objective").asDouble() + 1e-9, method);
            double f = root.get("objective").asDouble();
            if (objective == null) objective = f;
            assertEquals(objective, f, 1e-4 * Math.abs(objective), method + " agrees with the other methods");
            Cli.Result v = Cli.run("verify", "--certificate", cert.toString(), "--data", data.toString());
            assertEquals(0, v.exit(), method + " verify: " + v);
        }
    }

    @Test
    void defaultMethodOnCommonSupportIsTheJavaBranchAndBoundAndAgreesWithPerspective() throws IOException {
        Path bnb = dir.resolve("bnb.json");
        Path persp = dir.resolve("persp.json");
        Cli.Result r = Cli.run("certify", "--data", data.toString(), "--s", "2", "--ridge", "0.05", "--common-support", "-o", bnb.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("method bnb on certus-bnb"), r.err());
        Cli.Result p = Cli.run("certify", "--data", data.toString(), "--s", "2", "--ridge", "0.05", "--common-support",
                "--method", "perspective", "-o", persp.toString());
        assertEquals(0, p.exit(), p.toString());
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var a = mapper.readTree(Files.readString(bnb));
        var b = mapper.readTree(Files.readString(persp));
        assertEquals("optimal", a.get("status").asText(), a.toString());
        assertEquals("bnb", a.get("method").asText());
        assertEquals("optimal", b.get("status").asText(), b.toString());
        assertEquals(b.get("objective").asDouble(), a.get("objective").asDouble(), 1e-9 * Math.abs(b.get("objective").asDouble()));
        assertEquals(0, Cli.run("verify", "--certificate", bnb.toString(), "--data", data.toString()).exit());
        // A backend named without a method keeps the MIQP default on that backend.
        Cli.Result named = Cli.run("certify", "--data", data.toString(), "--s", "2", "--ridge", "0.05", "--backend", "scip",
                "-o", dir.resolve("named.json").toString());
        assertEquals(0, named.exit(), named.toString());
        assertTrue(named.err().contains("method perspective on scip"), named.err());
    }

    @Test
    void everyBadInputIsExitTwoWithNoOutputFile() throws IOException {
        Path params = Files.writeString(dir.resolve("p.json"), "{\"s\": 2, \"zbr\": 1}");
        String[][] cases = {
                {"--s", "11"}, {"--s", "0"}, {"--ridge=-1"}, {"--gap=-0.1"}, {"--threads", "0"}, {"--time-limit", "0"},
                {"--method", "branch-and-pray"}, {"--method", "bnb", "--backend", "scip"}, {"--standardize", "zscore"}, {"--params", params.toString()}, {"--bogus"},
        };
        for (String[] extra : cases) {
            Cli.Result r = certify(Scripted.OPTIMAL, extra);
            assertEquals(2, r.exit(), String.join(" ", extra) + "\n" + r);
            assertTrue(r.err().contains("error"), r.err());
            assertFalse(Files.exists(out), String.join(" ", extra));
        }
        Cli.Result noS = Cli.run(Scripted.env(Scripted.OPTIMAL), "certify", "--data", data.toString(), "-o", out.toString());
        assertEquals(2, noS.exit());
        Cli.Result noData = Cli.run(Scripted.env(Scripted.OPTIMAL), "certify", "--data", dir.resolve("missing.csv").toString(), "--s", "2",
                "-o", out.toString());
        assertEquals(2, noData.exit());
        assertFalse(Files.exists(out));
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void standardizedCertificateRecordsTheModeAndVerifies() throws IOException {
        assertEquals(0, certify(Scripted.OPTIMAL, "--standardize", "mle").exit());
        assertEquals("mle", written().get("problem").get("standardize").asText());
        Cli.Result v = Cli.run("verify", "--certificate", out.toString(), "--data", data.toString());
        assertEquals(0, v.exit(), v.toString());
    }
}
