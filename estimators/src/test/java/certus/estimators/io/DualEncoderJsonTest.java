package certus.estimators.io;

import certus.data.DataFormatException;
import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.estimators.dualenc.DualEncoderFitter;
import certus.estimators.dualenc.DualEncoderModel;
import certus.estimators.dualenc.DualEncoderOptions;
import certus.estimators.dualenc.DualEncoderSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DualEncoderJsonTest {
    @TempDir
    Path dir;

    private static DualEncoderSimulator.Synthetic data() {
        return DualEncoderSimulator.simulate(5, new DualEncoderSimulator.Settings(3, 4, 40, 15, 1.0, 0.5, 0.3));
    }

    private static DualEncoderOptions options() {
        return DualEncoderOptions.defaults(7).withLatentSizes(2, 3).withSchedule(4, 3, 2, 5)
                .withArchitecture(new DualEncoderOptions.Fixed(List.of(6)));
    }

    @ParameterizedTest(name = "q={0}, p={1}")
    @CsvSource({"2,3", "0,3", "2,0"}) // both encoders, shared only, specific only (an encoder switched off)
    void readBackModelPredictsBitForBitLikeTheFittedOne(int q, int p) throws IOException {
        DualEncoderSimulator.Synthetic s = data();
        DualEncoderOptions o = options().withLatentSizes(q, p);
        DualEncoderModel fitted = DualEncoderFitter.fit(s.train(), o, null);
        Path file = dir.resolve("m.json");
        Files.writeString(file, DualEncoderJson.write(fitted, s.train().featureNames(), o));
        DualEncoderJson.Saved back = DualEncoderJson.read(file);
        assertEquals(o, back.options());
        assertEquals(s.train().featureNames(), back.features());
        assertEquals(fitted.taskLabels(), back.model().taskLabels());
        assertEquals(fitted.bestEpoch(), back.model().bestEpoch());
        assertEquals(fitted.validationLosses(), back.model().validationLosses());
        MultiTaskData test = s.test();
        for (int r = 0; r < test.taskCount(); r++) {
            TaskData t = test.task(r);
            assertArrayEquals(fitted.predict(t.label(), t.x()), back.model().predict(t.label(), t.x()), 0.0, "task " + t.label());
            double[] row = t.x().row(0);
            assertEquals(Double.doubleToLongBits(fitted.predict(t.label(), t.x())[0]), Double.doubleToLongBits(back.predict(t.label(), row)));
        }
        // writing the read-back model gives the same file
        assertEquals(Files.readString(file), DualEncoderJson.write(back.model(), back.features(), back.options()));
    }

    @Test
    void readErrorsNameTheFileAndTheField() throws IOException {
        DualEncoderSimulator.Synthetic s = data();
        DualEncoderOptions o = options().withSchedule(1, 1, 1, 1);
        String json = DualEncoderJson.write(DualEncoderFitter.fit(s.train(), o, null), s.train().featureNames(), o);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, json.replaceFirst("\"intercept\" : [-0-9.eE]+", "\"intercept\" : \"x\""));
        DataFormatException e = assertThrows(DataFormatException.class, () -> DualEncoderJson.read(bad));
        assertTrue(e.getMessage().contains(bad.toString()) && e.getMessage().contains("tasks[0].intercept"), e.getMessage());

        Files.writeString(bad, json.replace("\"model\" : \"dualenc\"", "\"model\" : \"tenmtl\""));
        e = assertThrows(DataFormatException.class, () -> DualEncoderJson.read(bad));
        assertTrue(e.getMessage().contains("'model'"), e.getMessage());

        Files.writeString(bad, json.replace("\"q\" : 2", "\"q\" : -1"));
        e = assertThrows(DataFormatException.class, () -> DualEncoderJson.read(bad));
        assertTrue(e.getMessage().contains("options"), e.getMessage());

        Files.writeString(bad, json.replace("\"q\" : 2", "\"q\" : 0")); // valid options, but not this model's
        e = assertThrows(DataFormatException.class, () -> DualEncoderJson.read(bad));
        assertTrue(e.getMessage().contains("options") && e.getMessage().contains("encoders output 2"), e.getMessage());

        Files.writeString(bad, "{ not json");
        e = assertThrows(DataFormatException.class, () -> DualEncoderJson.read(bad));
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }
}
