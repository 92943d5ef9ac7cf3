package certus.estimators;

import certus.data.MultiTaskData;
import certus.data.Standardizer;
import certus.data.TaskData;
import certus.estimators.io.ModelJson;
import certus.estimators.io.ModelJsonReader;
import certus.estimators.sim.Simulation;
import certus.estimators.sim.SimulationDesign;
import certus.estimators.sim.Simulator;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class StandardizationTest {
    private static final Simulation SIM = Simulator.simulate(new SimulationDesign(12, 3, 80, 0, 3, 2, 0.5, 0, null, 8.0, 9));

    /** The same data with column j multiplied by c in every task. */
    private static MultiTaskData scaleColumn(MultiTaskData data, int j, double c) {
        double[] factors = new double[data.featureCount()];
        java.util.Arrays.fill(factors, 1.0);
        factors[j] = c;
        List<TaskData> tasks = new ArrayList<>();
        for (TaskData t : data.tasks()) tasks.add(new TaskData(t.label(), t.x().scaleColumns(factors), t.y()));
        return new MultiTaskData(data.featureNames(), tasks);
    }

    @Test
    void withStandardizationRescalingAColumnByCScalesItsCoefficientByOneOverC() {
        Smtl estimator = Smtl.builder().s(3).ridge(1e-2).zbar(0.05).standardize(Standardizer.MLE).build();
        SmtlModel base = estimator.fit(SIM.train());
        int j = base.solution().supportIndices(0)[0];
        double c = 250.0;
        SmtlModel scaled = estimator.fit(scaleColumn(SIM.train(), j, c));
        assertEquals(base.objective(), scaled.objective(), 1e-9 * Math.abs(base.objective()));
        for (int k = 0; k < SIM.train().taskCount(); k++) {
            assertArrayEquals(base.solution().supportIndices(k), scaled.solution().supportIndices(k), "task " + k);
            assertEquals(base.solution().intercept(k), scaled.solution().intercept(k), 1e-8);
            for (int f = 0; f < SIM.train().featureCount(); f++) {
                double expected = f == j ? base.solution().coefficient(k, f) / c : base.solution().coefficient(k, f);
                assertEquals(expected, scaled.solution().coefficient(k, f), 1e-8 * (1 + Math.abs(expected)), "task " + k + " feature " + f);
            }
        }
    }

    @Test
    void rawScaleCoefficientsPredictTheSameAsTheScaledFitOnScaledData() {
        Smtl estimator = Smtl.builder().s(3).ridge(1e-2).standardize(Standardizer.REFERENCE).build();
        SmtlModel model = estimator.fit(SIM.train());
        var scaledData = Standardizer.REFERENCE.standardize(SIM.train());
        SmtlModel onScaled = Smtl.builder().s(3).ridge(1e-2).build().fit(scaledData.data());
        assertEquals(onScaled.objective(), model.objective(), 1e-12 * Math.abs(model.objective()));
        for (int k = 0; k < SIM.train().taskCount(); k++) {
            TaskData raw = SIM.train().task(k);
            TaskData scaled = scaledData.data().task(k);
            for (int i = 0; i < raw.rows(); i += 7) {
                assertEquals(onScaled.solution().predict(k, scaled.x().row(i)), model.solution().predict(k, raw.x().row(i)), 1e-9);
            }
        }
    }

    @Test
    void theModelFileRecordsTheStandardization() throws Exception {
        SmtlModel model = Smtl.builder().s(2).standardize(Standardizer.MLE).build().fit(SIM.train());
        String json = ModelJson.write(model);
        assertEquals("mle", new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("problem").get("standardize").asText());
        Path file = Files.createTempFile("certus-model", ".json");
        try {
            Files.writeString(file, json);
            SmtlModel back = ModelJsonReader.read(file);
            assertEquals(Standardizer.MLE, back.standardize());
            double[] x = SIM.train().task(1).x().row(3);
            assertEquals(model.predict(model.tasks().get(1), x), back.predict(back.tasks().get(1), x), 1e-12);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
