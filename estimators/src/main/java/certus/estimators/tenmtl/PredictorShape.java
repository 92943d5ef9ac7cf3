package certus.estimators.tenmtl;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The shape of one observation's predictor (tenmtl.md §1): a vector (the default, one mode of all features) or an
 * order-M tensor P1 x ... x PM whose entries are the data row's features in row-major order (the last index varies
 * fastest: for a regions x time matrix, the columns are r1t1, r1t2, ..., r2t1, ...).
 *
 * @param dims P1..PM; empty means a vector of whatever length the data has
 */
public record PredictorShape(List<Integer> dims) {
    public static final PredictorShape VECTOR = new PredictorShape(List.of());

    public PredictorShape {
        dims = List.copyOf(dims);
        for (int d : dims) if (d < 1) throw new IllegalArgumentException("predictor shape dimensions must be >= 1, got " + dims);
    }

    public static PredictorShape of(int... dims) {
        return new PredictorShape(Arrays.stream(dims).boxed().toList());
    }

    /** Parses "20x20" or "116" (a vector); blank or "vector" is {@link #VECTOR}. */
    public static PredictorShape parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals("vector")) return VECTOR;
        try {
            return of(Arrays.stream(t.split("x")).mapToInt(s -> Integer.parseInt(s.trim())).toArray());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("predictor shape '" + text + "' is not of the form P1xP2[x...] (e.g. 20x20)");
        }
    }

    public boolean isVector() {
        return dims.size() <= 1;
    }

    /** The feature-mode dimensions for data with {@code features} columns; a clear error when they do not multiply out. */
    public int[] resolve(int features) {
        if (dims.isEmpty()) return new int[]{features};
        long product = 1;
        for (int d : dims) product *= d;
        if (product != features) {
            throw new IllegalArgumentException("predictor shape " + this + " has " + product + " entries but the data has " + features
                    + " feature columns");
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String toString() {
        return dims.isEmpty() ? "vector" : dims.stream().map(String::valueOf).collect(Collectors.joining("x"));
    }
}
