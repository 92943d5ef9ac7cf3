package certus.estimators;

import java.util.Locale;

/**
 * What a fit holds, as the JSON {@code status} string (lowercase). Only a proven exact solve may say
 * {@link #OPTIMAL}; a heuristic result is always {@link #FEASIBLE}, however good it is, because nothing proves it.
 */
public enum FitStatus {
    OPTIMAL, FEASIBLE, INFEASIBLE, NO_SOLUTION, ERROR;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Inverse of {@link #jsonName()}; null when the text names no status. */
    public static FitStatus fromJson(String text) {
        for (FitStatus s : values()) if (s.jsonName().equals(text)) return s;
        return null;
    }
}
