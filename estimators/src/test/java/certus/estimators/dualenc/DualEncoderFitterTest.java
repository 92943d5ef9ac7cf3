package certus.estimators.dualenc;

import certus.data.MultiTaskData;
import certus.data.TaskData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** End-to-end properties of the alternating fit (dualencoder.md §3, §7.2, §7.7, §7.8). */
class DualEncoderFitterTest {

    private static DualEncoderSimulator.Synthetic data(long seed, int tasks, int trainRows) {
        return DualEncoderSimulator.simulate(seed, new DualEncoderSimulator.Settings(tasks, 10, trainRows, 300, 1.0, 0.5, 1.0));
    }

    /** Mean over tasks of the test MSE, and of the test response variance (the MSE of predicting each task's mean). */
    private static double[] testMseAndVariance(DualEncoderModel m, MultiTaskData test) {
        double mse = 0, var = 0;
        for (int r = 0; r < test.taskCount(); r++) {
            TaskData t = test.task(r);
            double[] f = m.predict(r, t.x());
            double mean = t.responseMean();
            for (int i = 0; i < f.length; i++) {
                mse += Math.pow(t.y(i) - f[i], 2) / f.length;
                var += Math.pow(t.y(i) - mean, 2) / f.length;
            }
        }
        return new double[]{mse / test.taskCount(), var / test.taskCount()};
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void learnsASharedNonlinearSignal(long seed) {
        DualEncoderSimulator.Synthetic syn = data(seed, 3, 150);
        DualEncoderOptions o = DualEncoderOptions.defaults(seed);
        double[] fitted = testMseAndVariance(DualEncoderFitter.fit(syn.train(), o, null), syn.test());
        double[] init = testMseAndVariance(DualEncoderFitter.fit(syn.train(), o.withSchedule(0, 30, 5, 20), null), syn.test());
        // Measured on seeds 1..12 (R = 3, d = 10, 150 training rows, noise variance 1 against signal variance 5-35):
        // fitted MSE / var(y) was 0.21-0.58 (seed 1: 0.30, seed 2: 0.27); the ridge on the random initial latents
        // (epoch 0) 0.46-0.73, and training lowered the MSE in every seed, by factors 0.45-0.85 (seed 1: 0.55, seed 2: 0.47).
        assertTrue(fitted[0] < 0.5 * fitted[1], "test MSE " + fitted[0] + " vs var(y) " + fitted[1]);
        assertTrue(fitted[0] < 0.8 * init[0], "test MSE " + fitted[0] + " vs the initial state's " + init[0]);
    }

    @Test
    void sameSeedGivesIdenticalPredictionsAndProgressLines() {
        DualEncoderSimulator.Synthetic syn = data(3, 3, 60);
        DualEncoderOptions o = DualEncoderOptions.defaults(11).withSchedule(15, 30, 5, 20).withBatchSize(16);
        List<String> lines1 = new ArrayList<>(), lines2 = new ArrayList<>();
        DualEncoderModel a = DualEncoderFitter.fit(syn.train(), o, lines1::add);
        DualEncoderModel b = DualEncoderFitter.fit(syn.train(), o, lines2::add);
        DualEncoderModel c = DualEncoderFitter.fit(syn.train(), o.withSeed(12), null);
        assertEquals(lines1, lines2);
        assertEquals(15, lines1.size(), "one progress line per epoch");
        assertEquals(15, a.validationLosses().size());
        boolean differs = false;
        for (int r = 0; r < 3; r++) {
            double[] pa = a.predict(r, syn.test().task(r).x());
            assertArrayEquals(pa, b.predict(r, syn.test().task(r).x()), 0.0);
            differs |= !java.util.Arrays.equals(pa, c.predict(r, syn.test().task(r).x()));
        }
        assertTrue(differs, "another seed should give another model");
    }

    @Test
    void hugeCenterPenaltiesFuseEveryTaskToTheCenters() {
        DualEncoderSimulator.Synthetic syn = data(4, 4, 60);
        DualEncoderOptions o = DualEncoderOptions.defaults(5).withSchedule(10, 30, 5, 20).withPenalties(0.1, 1e6, 1e6);
        DualEncoderModel m = DualEncoderFitter.fit(syn.train(), o, null);
        assertEquals(m.taskLabels(), m.fusedToBetaCenter());
        assertEquals(m.taskLabels(), m.fusedToAlphaCenter());
        for (double[] beta : m.betas()) assertArrayEquals(m.betaCenter(), beta, 0.0);
        // without the center penalty no task sits exactly at the center (so the assertion above is not vacuous)
        DualEncoderModel free = DualEncoderFitter.fit(syn.train(), o.withPenalties(0.1, 0, 0), null);
        assertTrue(free.fusedToBetaCenter().isEmpty(), "fused without penalty: " + free.fusedToBetaCenter());
    }

    @Test
    void singleTaskFitsAndItsCoefficientsAreTheCenters() {
        DualEncoderSimulator.Synthetic syn = data(6, 1, 120);
        DualEncoderModel m = DualEncoderFitter.fit(syn.train(), DualEncoderOptions.defaults(7).withSchedule(60, 30, 5, 20), null);
        // R = 1: the median of one point is the point, so both center penalties vanish (spec §7.8)
        assertArrayEquals(m.betaCenter(), m.betas()[0], 0.0);
        assertArrayEquals(m.alphaCenter(), m.alphas()[0], 0.0);
        double[] mv = testMseAndVariance(m, syn.test());
        // measured MSE/var 0.47 for this seed; over data seeds 6..13 (fit seed + 1) 0.22-1.01: one fit stopped at
        // epoch 4 on its 24-row validation set and did no better than the task mean, so this checks one seed only
        assertTrue(mv[0] < 0.8 * mv[1], "test MSE " + mv[0] + " vs var(y) " + mv[1]);
    }

    @Test
    void squaredPenaltyUsesMeanCentersAndFusesNothing() {
        DualEncoderSimulator.Synthetic syn = data(8, 3, 50); // equal task sizes: equal weights, so the plain mean
        DualEncoderModel m = DualEncoderFitter.fit(syn.train(), DualEncoderOptions.defaults(9).withSchedule(5, 30, 5, 20)
                .withSquaredPenalty().withPenalties(0.1, 1.0, 1.0), null);
        double[][] betas = m.betas();
        for (int k = 0; k < betas[0].length; k++) {
            double mean = 0;
            for (double[] b : betas) mean += b[k] / betas.length;
            assertEquals(mean, m.betaCenter()[k], 1e-12);
        }
        assertTrue(m.fusedToBetaCenter().isEmpty());
    }

    @Test
    void withoutValidationEveryEpochRunsAndTheLastStateIsKept() {
        DualEncoderSimulator.Synthetic syn = data(10, 2, 40);
        DualEncoderModel m = DualEncoderFitter.fit(syn.train(), DualEncoderOptions.defaults(3).withSchedule(7, 1, 2, 5)
                .withValidationShare(0), null);
        assertEquals(7, m.bestEpoch());
        assertTrue(m.validationLosses().isEmpty());
        assertFalse(Double.isNaN(m.predict(0, syn.test().task(0).x())[0]));
    }

    /** Mean over tasks and latent pairs of the squared correlation between S_r and C latents on the training rows. */
    private static double meanSquaredLatentCorrelation(DualEncoderModel m, MultiTaskData train) {
        double total = 0;
        for (int r = 0; r < train.taskCount(); r++) {
            certus.tensor.DenseMatrix xs = m.scaling().standardize(train.task(r).x());
            certus.tensor.DenseMatrix h = m.specificEncoder().forward(m.specificParameters().get(r), xs).output();
            certus.tensor.DenseMatrix z = m.sharedEncoder().forward(m.sharedParameters(), xs).output();
            total += OrthogonalityPenalty.value(h, z) / (h.cols() * z.cols());
        }
        return total / train.taskCount();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void largeOrthogonalityWeightDecorrelatesTheLatents(long seed) {
        DualEncoderSimulator.Synthetic syn = data(seed, 2, 80);
        DualEncoderOptions o = DualEncoderOptions.defaults(seed).withSchedule(100, 30, 5, 20).withValidationShare(0);
        double strong = meanSquaredLatentCorrelation(DualEncoderFitter.fit(syn.train(), o.withPenalties(100, 0.1, 0.1), null), syn.train());
        double none = meanSquaredLatentCorrelation(DualEncoderFitter.fit(syn.train(), o.withPenalties(0, 0.1, 0.1), null), syn.train());
        // spec §7.4: below 1e-3 with λ_o large. Measured on seeds 1..4 after 100 epochs: λ_o = 100 gave 2.5e-4..4.0e-4,
        // λ_o = 0 gave 0.088..0.131 (so the penalty, not the architecture, does the decorrelation).
        assertTrue(strong < 1e-3, "mean squared correlation " + strong);
        assertTrue(none > 1e-2, "without the penalty: " + none);
    }

    @Test
    void jointCenterStepRefitsTheCommonCoefficientOfFusedTasks() {
        DualEncoderSimulator.Synthetic syn = data(4, 4, 60);
        DualEncoderOptions o = DualEncoderOptions.defaults(5).withPenalties(0.1, 1e6, 1e6).withValidationShare(0);
        double[] start = DualEncoderFitter.fit(syn.train(), o.withSchedule(0, 30, 5, 20), null).betaCenter();
        DualEncoderModel spec = DualEncoderFitter.fit(syn.train(), o.withSchedule(20, 30, 5, 20), null);
        DualEncoderModel joint = DualEncoderFitter.fit(syn.train(), o.withSchedule(20, 30, 5, 20).withJointCenterStep(true), null);
        // the spec's alternation never moves a center once every task is fused (JointCoefficientStep's doc) ...
        assertArrayEquals(start, spec.betaCenter(), 0.0);
        // ... the joint step keeps the tasks fused and moves the common coefficient
        assertEquals(joint.taskLabels(), joint.fusedToBetaCenter());
        assertFalse(java.util.Arrays.equals(start, joint.betaCenter()), "the joint step left the center at its start");
    }

    @Test
    void predictionsAreEquivariantToAffineFeatureAndResponseChanges() {
        // The fit standardizes internally, so x -> a x + b per feature (a > 0) and y_r -> y_r + c_r must give the same
        // model up to rounding, and predictions shifted by c_r. Few epochs keep rounding differences from compounding.
        DualEncoderSimulator.Synthetic syn = data(12, 2, 50);
        DualEncoderOptions o = DualEncoderOptions.defaults(2).withSchedule(10, 30, 5, 20);
        DualEncoderModel base = DualEncoderFitter.fit(syn.train(), o, null);
        double[] a = new double[10], b = new double[10], c = {3.5, -40};
        for (int j = 0; j < 10; j++) { a[j] = 0.5 + j; b[j] = 10 - 3 * j; }
        List<TaskData> moved = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            TaskData t = syn.train().task(r);
            double[] y = t.y();
            for (int i = 0; i < y.length; i++) y[i] += c[r];
            moved.add(new TaskData(t.label(), affine(t.x(), a, b), y));
        }
        DualEncoderModel shifted = DualEncoderFitter.fit(new MultiTaskData(syn.train().featureNames(), moved), o, null);
        for (int r = 0; r < 2; r++) {
            double[] p0 = base.predict(r, syn.test().task(r).x());
            double[] p1 = shifted.predict(r, affine(syn.test().task(r).x(), a, b));
            for (int i = 0; i < p0.length; i++) assertEquals(p0[i] + c[r], p1[i], 1e-6 * (1 + Math.abs(p0[i])));
        }
    }

    private static certus.tensor.DenseMatrix affine(certus.tensor.DenseMatrix x, double[] a, double[] b) {
        double[][] cols = new double[x.cols()][];
        for (int j = 0; j < x.cols(); j++) {
            cols[j] = x.column(j);
            for (int i = 0; i < cols[j].length; i++) cols[j][i] = a[j] * cols[j][i] + b[j];
        }
        return certus.tensor.DenseMatrix.fromColumns(x.rows(), cols);
    }
}
