package certus.app.cli;

import certus.estimators.FitStatus;
import certus.estimators.SmtlModel;
import certus.estimators.SmtlParams;
import certus.estimators.Termination;
import certus.estimators.io.ModelJson;
import certus.smtl.SmtlSolution;
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

class PredictCommandTest {
    @TempDir
    Path dir;
    Path model;

    /** a: 1 + 2*x1 ; b: -1 + 0.5*x2 ; c: 10 (x3 in its support with coefficient 0). */
    @BeforeEach
    void writeModel() throws IOException {
        SmtlSolution sol = new SmtlSolution(new double[]{1, -1, 10},
                new double[][]{{2, 0, 0}, {0, 0.5, 0}, {0, 0, 0}},
                new boolean[][]{{true, false, false}, {false, true, false}, {false, false, true}});
        SmtlModel m = new SmtlModel(FitStatus.FEASIBLE, new Termination(Termination.Reason.CONVERGED, Termination.Limit.NONE, ""),
                1.0, null, null, 0.1, "heuristic:bcd", null, new SmtlParams(1, 0, 0, 0, false), certus.data.Standardizer.NONE,
                List.of("x1", "x2", "x3"), List.of("a", "b", "c"), sol);
        model = Files.writeString(dir.resolve("model.json"), ModelJson.write(m));
    }

    @Test
    void oneRowPerInputRowInInputOrderForInterleavedTasks() throws IOException {
        // columns in another order than the model's, a response column present, tasks interleaved
        Path data = Files.writeString(dir.resolve("new.csv"), String.join("\n",
                "x3,task,x2,y,x1",
                "5,b,4,0,1",
                "0,a,0,0,3",
                "1,c,1,0,1",
                "0,b,-2,0,0",
                "9,a,9,0,-1", ""));
        Path out = dir.resolve("pred.csv");
        Cli.Result r = Cli.run("predict", "--model", model.toString(), "--data", data.toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.toString());
        List<String> lines = Files.readAllLines(out);
        assertEquals(List.of("task,prediction", "b,1.0", "a,7.0", "c,10.0", "b,-2.0", "a,-1.0"), lines);
        Cli.Result stdout = Cli.run("predict", "--model", model.toString(), "--data", data.toString());
        assertEquals(String.join("\n", lines) + "\n", stdout.out());
    }

    @Test
    void unknownTaskOrMissingFeatureIsBadInputAndWritesNothing() throws IOException {
        Path out = dir.resolve("pred.csv");
        Path unknown = Files.writeString(dir.resolve("u.csv"), "task,x1,x2,x3\na,1,1,1\nzzz,1,1,1\n");
        Cli.Result r = Cli.run("predict", "--model", model.toString(), "--data", unknown.toString(), "-o", out.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("line 3") && r.err().contains("unknown task 'zzz'"), r.err());
        assertFalse(Files.exists(out));
        Path missing = Files.writeString(dir.resolve("m.csv"), "task,x1,x2\na,1,1\n");
        Cli.Result r2 = Cli.run("predict", "--model", model.toString(), "--data", missing.toString(), "-o", out.toString());
        assertEquals(2, r2.exit());
        assertTrue(r2.err().contains("'x3'"), r2.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void brokenModelFileIsBadInputNamingTheKey() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.json"), Files.readString(model).replace("\"intercept\"", "\"icept\""));
        Path data = Files.writeString(dir.resolve("new.csv"), "task,x1,x2,x3\na,1,1,1\n");
        Cli.Result r = Cli.run("predict", "--model", broken.toString(), "--data", data.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("error: model file " + broken) && r.err().contains("tasks[0].intercept"), r.err());
    }

    @Test
    void predictionsFromAFittedModelRoundTrip() throws IOException {
        Path data = dir.resolve("sim.csv");
        assertEquals(0, Cli.run("simulate", "--p", "10", "--tasks", "2", "--n", "30", "--s", "2", "--common", "1", "-o", data.toString()).exit());
        Path fitted = dir.resolve("fitted.json");
        assertEquals(0, Cli.run("fit", "--data", data.toString(), "--s", "2", "--ridge", "0.01", "-o", fitted.toString()).exit());
        SmtlModel m = ModelJson.read(fitted);
        Cli.Result r = Cli.run("predict", "--model", fitted.toString(), "--data", data.toString());
        assertEquals(0, r.exit(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertEquals(61, lines.size());
        List<String> csv = Files.readAllLines(data);
        for (int i = 1; i < csv.size(); i++) {
            String[] f = csv.get(i).split(",");
            double[] x = new double[10];
            for (int j = 0; j < 10; j++) x[j] = Double.parseDouble(f[j + 2]);
            String[] pred = lines.get(i).split(",");
            assertEquals(f[0], pred[0]);
            assertEquals(m.predict(f[0], x), Double.parseDouble(pred[1]), 1e-12);
        }
    }
}
