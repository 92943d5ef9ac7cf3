package certus.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Warnings for columns that are constant within some tasks. Not an error: such a column simply cannot help those
 * tasks (the intercept absorbs it) and every solver fixes its z_kj = 0. One warning per column, listing the
 * tasks, so a column constant in 40 tasks does not produce 40 lines.
 */
final class ConstantColumns {
    /** Beyond this many tasks the list is cut, so one warning stays one readable line. */
    private static final int MAX_TASKS_LISTED = 10;

    private ConstantColumns() {
    }

    static List<String> warnings(MultiTaskData data) {
        List<String> out = new ArrayList<>();
        for (int j = 0; j < data.featureCount(); j++) {
            List<String> tasks = new ArrayList<>();
            for (int k = 0; k < data.taskCount(); k++) if (data.isConstant(k, j)) tasks.add(data.task(k).label());
            if (tasks.isEmpty()) continue;
            String column = "column '" + data.featureNames().get(j) + "'";
            if (tasks.size() == data.taskCount()) {
                out.add(column + " is constant within every task (" + tasks.size() + " of " + data.taskCount()
                        + "); it will never be selected. Maybe --drop it");
            } else {
                String list = tasks.size() <= MAX_TASKS_LISTED ? String.join(", ", tasks)
                        : String.join(", ", tasks.subList(0, MAX_TASKS_LISTED)) + " and " + (tasks.size() - MAX_TASKS_LISTED) + " more";
                out.add(column + " is constant within task(s) " + list + "; it will never be selected for those tasks");
            }
        }
        return out;
    }
}
