package certus.estimators.cv;

import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.smtl.InvalidProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Stratified K-fold split within each task (spec §6 "multiTask" style): every task's rows are shuffled and dealt
 * round-robin, so every fold holds about 1/nfolds of every task and, within a task, fold sizes differ by at most
 * one. Each task gets its own split stream, so adding a task does not reshuffle the others.
 */
public final class Folds {
    private final MultiTaskData data;
    private final int count;
    private final int[][] foldOf;

    private Folds(MultiTaskData data, int count, int[][] foldOf) {
        this.data = data;
        this.count = count;
        this.foldOf = foldOf;
    }

    /**
     * @throws InvalidProblemException when a task is too small for the fold count: each fold must hold one of
     *                                 its rows and each training part at least {@link MultiTaskData#MIN_ROWS_PER_TASK}
     */
    public static Folds stratified(MultiTaskData data, int nfolds, long seed) {
        if (nfolds < 2) throw new InvalidProblemException("folds must be >= 2, got " + nfolds);
        SplittableRandom root = new SplittableRandom(seed);
        int[][] foldOf = new int[data.taskCount()][];
        for (int k = 0; k < data.taskCount(); k++) {
            SplittableRandom rng = root.split();
            TaskData t = data.task(k);
            int n = t.rows();
            int largestFold = (n + nfolds - 1) / nfolds;
            if (n < nfolds || n - largestFold < MultiTaskData.MIN_ROWS_PER_TASK) {
                throw new InvalidProblemException("task '" + t.label() + "' has " + n + " rows, too few for " + nfolds
                        + "-fold CV; maybe use fewer folds");
            }
            int[] order = new int[n];
            for (int i = 0; i < n; i++) order[i] = i;
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            foldOf[k] = new int[n];
            for (int pos = 0; pos < n; pos++) foldOf[k][order[pos]] = pos % nfolds;
        }
        return new Folds(data, nfolds, foldOf);
    }

    public int count() {
        return count;
    }

    /** Fold of row i of task k. */
    public int foldOf(int k, int i) {
        return foldOf[k][i];
    }

    /** All tasks, rows outside fold f. */
    public MultiTaskData train(int f) {
        return subset(f, false);
    }

    /** All tasks, rows inside fold f. */
    public MultiTaskData test(int f) {
        return subset(f, true);
    }

    private MultiTaskData subset(int f, boolean inside) {
        List<TaskData> tasks = new ArrayList<>(data.taskCount());
        for (int k = 0; k < data.taskCount(); k++) {
            int c = 0;
            for (int v : foldOf[k]) if ((v == f) == inside) c++;
            int[] rows = new int[c];
            c = 0;
            for (int i = 0; i < foldOf[k].length; i++) if ((foldOf[k][i] == f) == inside) rows[c++] = i;
            tasks.add(data.task(k).selectRows(rows));
        }
        return new MultiTaskData(data.featureNames(), tasks);
    }
}
