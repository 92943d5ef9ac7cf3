package certus.data;

import certus.smtl.SmtlSolution;
import certus.tensor.DenseMatrix;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Identities of standardization over random data (jqwik drives the seed and the mode). */
class StandardizerProperties {
    /** Random K, n_k, p; columns with wildly different magnitudes and means; some columns constant in a task. */
    private static MultiTaskData randomData(Random rnd) {
        int taskCount = 1 + rnd.nextInt(3);
        int p = 1 + rnd.nextInt(4);
        List<String> names = new ArrayList<>();
        for (int j = 0; j < p; j++) names.add("f" + j);
        List<TaskData> tasks = new ArrayList<>();
        for (int k = 0; k < taskCount; k++) {
            int n = 2 + rnd.nextInt(8);
            double[][] x = new double[n][p];
            for (int j = 0; j < p; j++) {
                boolean constant = rnd.nextInt(5) == 0;
                double mag = Math.pow(10, rnd.nextInt(9) - 4);
                double mean = rnd.nextGaussian() * 10 * mag;
                for (int i = 0; i < n; i++) x[i][j] = constant ? mean : mean + mag * rnd.nextGaussian();
            }
            double[] y = new double[n];
            for (int i = 0; i < n; i++) y[i] = rnd.nextGaussian();
            tasks.add(new TaskData("t" + k, DenseMatrix.fromRows(x), y));
        }
        return new MultiTaskData(names, tasks);
    }

    @Property(tries = 200)
    void rawCoefficientsOnRawDataPredictLikeScaledCoefficientsOnScaledData(@ForAll long seed, @ForAll Standardizer mode) {
        Random rnd = new Random(seed);
        MultiTaskData raw = randomData(rnd);
        StandardizedData s = mode.standardize(raw);
        int taskCount = raw.taskCount();
        int p = raw.featureCount();
        double[] b = new double[taskCount];
        double[][] beta = new double[taskCount][p];
        for (int k = 0; k < taskCount; k++) {
            b[k] = rnd.nextGaussian();
            for (int j = 0; j < p; j++) beta[k][j] = rnd.nextBoolean() ? 0 : rnd.nextGaussian();
        }
        SmtlSolution scaledFit = SmtlSolution.fromCoefficients(b, beta);
        SmtlSolution rawFit = s.toRaw(scaledFit);
        LinearCoefficients rawArrays = s.toRaw(b, beta);
        for (int k = 0; k < taskCount; k++) {
            TaskData rawTask = raw.task(k);
            TaskData scaledTask = s.data().task(k);
            for (int i = 0; i < rawTask.rows(); i++) {
                double expected = scaledFit.predict(k, scaledTask.x().row(i));
                double[] xr = rawTask.x().row(i);
                double magnitude = Math.abs(b[k]);
                double viaArrays = rawArrays.intercepts()[k];
                for (int j = 0; j < p; j++) {
                    magnitude += Math.abs(beta[k][j] * scaledTask.x().get(i, j));
                    viaArrays += rawArrays.coefficients()[k][j] * xr[j];
                }
                double tol = 1e-12 * Math.max(1.0, magnitude);
                assertEquals(expected, rawFit.predict(k, xr), tol, "task " + k + " row " + i);
                assertEquals(expected, viaArrays, tol, "task " + k + " row " + i + " (arrays)");
            }
        }
    }

    @Property(tries = 200)
    void scalesArePositiveFiniteAndOneExactlyOnConstantColumns(@ForAll long seed, @ForAll Standardizer mode) {
        MultiTaskData raw = randomData(new Random(seed));
        StandardizedData s = mode.standardize(raw);
        for (int k = 0; k < raw.taskCount(); k++) {
            for (int j = 0; j < raw.featureCount(); j++) {
                double sc = s.scale(k, j);
                if (!(sc > 0 && Double.isFinite(sc))) throw new AssertionError("scale " + sc);
                if (raw.isConstant(k, j) || mode == Standardizer.NONE) assertEquals(1.0, sc);
                assertEquals(raw.isConstant(k, j), s.isZeroVariance(k, j));
            }
        }
    }

    @Property(tries = 200)
    void mleScaledColumnsHaveUnitBiasedVariance(@ForAll long seed) {
        MultiTaskData raw = randomData(new Random(seed));
        StandardizedData s = Standardizer.MLE.standardize(raw);
        for (int k = 0; k < raw.taskCount(); k++) {
            TaskData t = s.data().task(k);
            for (int j = 0; j < raw.featureCount(); j++) {
                if (raw.isConstant(k, j)) continue;
                assertEquals(1.0, t.x().columnCenteredSumOfSquares(j) / t.rows(), 1e-9, "task " + k + " col " + j);
            }
        }
    }
}
