package certus.estimators.dualenc;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One task's seeded train/validation split (dualencoder.md §3 step 1). A positive share always holds out at least one
 * row and keeps at least one for training, so early stopping has a signal even for tiny tasks.
 *
 * @param train      training row indices (ascending)
 * @param validation validation row indices (ascending; empty when the share is 0)
 */
record TaskSplit(int[] train, int[] validation) {

    static TaskSplit of(int rows, double share, SplittableRandom rnd) {
        int[] perm = new int[rows];
        for (int i = 0; i < rows; i++) perm[i] = i;
        for (int i = rows - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = perm[i]; perm[i] = perm[j]; perm[j] = t;
        }
        int nVal = share == 0 ? 0 : (int) Math.max(1, Math.min(rows - 1, Math.round(share * rows)));
        int[] val = Arrays.copyOfRange(perm, 0, nVal);
        int[] train = Arrays.copyOfRange(perm, nVal, rows);
        Arrays.sort(val);
        Arrays.sort(train);
        return new TaskSplit(train, val);
    }
}
