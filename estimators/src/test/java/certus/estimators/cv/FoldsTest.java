package certus.estimators.cv;

import certus.data.MultiTaskData;
import certus.estimators.sim.SimulationDesign;
import certus.estimators.sim.Simulator;
import certus.smtl.InvalidProblemException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FoldsTest {
    /** Tasks of unequal sizes (23, 23, 23, 17) so the balance is non-trivial. */
    private static MultiTaskData data() {
        MultiTaskData d = Simulator.simulate(new SimulationDesign(5, 4, 23, 0, 2, 1, 0.3, 0, 1.0, null, 9)).train();
        java.util.List<certus.data.TaskData> tasks = new java.util.ArrayList<>(d.tasks());
        certus.data.TaskData last = tasks.get(3);
        int[] rows = new int[17];
        for (int i = 0; i < 17; i++) rows[i] = i;
        tasks.set(3, new certus.data.TaskData(last.label(), last.x().selectRows(rows), java.util.Arrays.copyOf(last.y(), 17)));
        return d.withTasks(tasks);
    }

    @Test
    void everyFoldHoldsEveryTaskAndSizesDifferByAtMostOne() {
        MultiTaskData d = data();
        Folds folds = Folds.stratified(d, 5, 42);
        for (int k = 0; k < d.taskCount(); k++) {
            int[] size = new int[5];
            for (int i = 0; i < d.task(k).rows(); i++) size[folds.foldOf(k, i)]++;
            int min = Integer.MAX_VALUE, max = 0;
            for (int s : size) { min = Math.min(min, s); max = Math.max(max, s); }
            assertTrue(min >= 1, "task " + k + " missing from a fold");
            assertTrue(max - min <= 1, "task " + k + " fold sizes " + java.util.Arrays.toString(size));
        }
        for (int f = 0; f < 5; f++) {
            MultiTaskData test = folds.test(f);
            MultiTaskData train = folds.train(f);
            assertEquals(d.taskCount(), test.taskCount());
            for (int k = 0; k < d.taskCount(); k++) {
                assertEquals(d.task(k).rows(), test.task(k).rows() + train.task(k).rows());
                assertEquals(d.task(k).label(), test.task(k).label());
            }
        }
    }

    @Test
    void foldsPartitionRowsAndAreDeterministic() {
        MultiTaskData d = data();
        Folds a = Folds.stratified(d, 4, 1);
        Folds b = Folds.stratified(d, 4, 1);
        int total = 0;
        for (int f = 0; f < 4; f++) total += a.test(f).totalRows();
        assertEquals(d.totalRows(), total);
        for (int k = 0; k < d.taskCount(); k++) {
            for (int i = 0; i < d.task(k).rows(); i++) assertEquals(a.foldOf(k, i), b.foldOf(k, i));
        }
    }

    @Test
    void tooSmallTasksAreRejectedWithAHint() {
        MultiTaskData d = Simulator.simulate(new SimulationDesign(3, 2, 4, 0, 1, 1, 0, 0, 1.0, null, 1)).train();
        InvalidProblemException e = assertThrows(InvalidProblemException.class, () -> Folds.stratified(d, 5, 1));
        assertTrue(e.getMessage().contains("fewer folds"), e.getMessage());
        assertThrows(InvalidProblemException.class, () -> Folds.stratified(d, 1, 1));
    }
}
