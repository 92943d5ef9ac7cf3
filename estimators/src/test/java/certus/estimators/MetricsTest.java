package certus.estimators;

import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.smtl.SmtlSolution;
import certus.tensor.DenseMatrix;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MetricsTest {
    @Test
    void rmseMatchesHandComputation() {
        // errors 1, -2, 2 -> mean square (1 + 4 + 4) / 3 = 3
        assertEquals(Math.sqrt(3.0), Metrics.rmse(new double[]{1, 2, 3}, new double[]{0, 4, 1}), 1e-15);
    }

    @Test
    void multiTaskRmseIsMeanOfPerTaskRmseNotPooled() {
        // task a: one feature, beta 1, intercept 0; rows x=1,2 y=1,4 -> errors 0, 2 -> rmse sqrt(2)
        // task b: intercept 1, beta 0; rows y=1,1,1,4 -> errors 0,0,0,3 -> rmse 1.5
        TaskData a = new TaskData("a", DenseMatrix.fromRows(new double[][]{{1}, {2}}), new double[]{1, 4});
        TaskData b = new TaskData("b", DenseMatrix.fromRows(new double[][]{{5}, {6}, {7}, {8}}), new double[]{1, 1, 1, 4});
        MultiTaskData data = new MultiTaskData(List.of("x"), List.of(a, b));
        SmtlSolution sol = SmtlSolution.fromCoefficients(new double[]{0, 1}, new double[][]{{1}, {0}});
        double[] per = Metrics.perTaskRmse(sol, data);
        assertArrayEquals(new double[]{Math.sqrt(2), 1.5}, per, 1e-15);
        assertEquals((Math.sqrt(2) + 1.5) / 2, Metrics.multiTaskRmse(per), 1e-15);
        // pooled RMSE would be sqrt((4 + 9) / 6), a different number: make sure we did not compute that
        assertEquals(false, Math.abs(Metrics.multiTaskRmse(per) - Math.sqrt(13.0 / 6)) < 1e-6);
    }

    @Test
    void coefficientRmseCountsInterceptsAndAllEntries() {
        // K=2, p=2: entries (b, beta1, beta2) per task = 6 entries; differences 1, 0, 2 | 0, -1, 0 -> ss = 6
        double v = Metrics.coefficientRmse(new double[]{1, 0}, new double[][]{{0, 2}, {-1, 0}},
                new double[]{0, 0}, new double[][]{{0, 0}, {0, 0}});
        assertEquals(1.0, v, 1e-15);
    }

    @Test
    void supportRecoveryCountsByHand() {
        // truth {0,1,2}, selected {1,2,3,4} in p=6: TP=2 (1,2), FP=2 (3,4), FN=1 (0), TN=1 (5)
        boolean[] truth = {true, true, true, false, false, false};
        boolean[] sel = {false, true, true, true, true, false};
        SupportRecovery r = Metrics.supportRecovery(sel, truth);
        assertEquals(2, r.tp());
        assertEquals(2, r.fp());
        assertEquals(1, r.fn());
        assertEquals(1, r.tn());
        assertEquals(2.0 / 3, r.tpr(), 1e-15);
        assertEquals(2.0 / 3, r.fpr(), 1e-15);
        assertEquals(4.0 / 7, r.f1(), 1e-15);  // 2*2 / (4 + 2 + 1)
    }

    @Test
    void supportRecoveryAveragesOverTasks() {
        SupportRecovery perfect = Metrics.supportRecovery(new boolean[]{true, false}, new boolean[]{true, false});
        SupportRecovery miss = Metrics.supportRecovery(new boolean[]{false, true}, new boolean[]{true, false});
        SupportRecovery avg = SupportRecovery.average(new SupportRecovery[]{perfect, miss});
        assertEquals(0.5, avg.f1(), 1e-15);   // (1 + 0) / 2
        assertEquals(0.5, avg.tpr(), 1e-15);
        assertEquals(0.5, avg.fpr(), 1e-15);
        assertEquals(0.5, avg.tp(), 1e-15);
    }

    @Test
    void emptySupportsDoNotProduceNaN() {
        SupportRecovery r = Metrics.supportRecovery(new boolean[]{false, false}, new boolean[]{false, false});
        assertEquals(1.0, r.f1());
        assertEquals(1.0, r.tpr());
        assertEquals(0.0, r.fpr());
    }
}
