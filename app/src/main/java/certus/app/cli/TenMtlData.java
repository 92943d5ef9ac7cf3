package certus.app.cli;

import certus.data.DataFormatException;
import certus.data.LoadedData;
import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.estimators.glm.Family;

import java.util.Locale;

/** Shared bits of the tenmtl commands: the family option and response checks that name the file. */
final class TenMtlData {
    private TenMtlData() {}

    static Family family(String name) {
        for (Family f : Family.values()) if (f.cliName().equalsIgnoreCase(name.strip())) return f;
        throw new ExitCodes.UsageException("unknown family '" + name + "'; expected gaussian or binomial");
    }

    /** Loads training data and checks every response against the family (file, task and row in the message). */
    static MultiTaskData load(DataOptions options, Family family, ProgressPrinter progress) {
        LoadedData loaded = options.load();
        loaded.warnings().forEach(w -> progress.line("warning: " + w));
        MultiTaskData data = loaded.data();
        if (family == Family.BINOMIAL) {
            for (TaskData t : data.tasks()) {
                for (int r = 0; r < t.rows(); r++) {
                    double y = t.y(r);
                    if (y != 0 && y != 1) {
                        throw new DataFormatException(String.format(Locale.ROOT, "%s: task '%s', its row %d: a binomial response (%s) must be 0 or 1, got %s",
                                options.data, t.label(), r + 1, options.responseColumn, y));
                    }
                }
            }
        }
        return data;
    }

    static <T> T usage(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (IllegalArgumentException e) {
            throw new ExitCodes.UsageException(e.getMessage());
        }
    }
}
