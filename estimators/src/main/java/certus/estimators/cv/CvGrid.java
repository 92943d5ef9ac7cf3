package certus.estimators.cv;

import certus.estimators.SmtlParams;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The Cartesian grid of a CV run. {@link #points()} lists it in the order a warm-started path walks it within a
 * fold (spec §5, as the reference's sparseCV): decreasing s, then increasing zbar, decreasing ridge, increasing
 * bbar — each fit starts from a neighbour that is no sparser and no more penalised.
 */
public record CvGrid(List<Integer> s, List<Double> ridge, List<Double> bbar, List<Double> zbar, boolean commonSupport) {
    public CvGrid {
        s = distinct(s, "s");
        ridge = distinct(ridge, "ridge");
        bbar = distinct(bbar, "bbar");
        zbar = distinct(zbar, "zbar");
    }

    private static <T extends Comparable<T>> List<T> distinct(List<T> values, String name) {
        if (values == null || values.isEmpty()) throw new IllegalArgumentException("the " + name + " grid is empty");
        return List.copyOf(new TreeSet<>(values));
    }

    /** Every grid point, validated (s &gt;= 1, weights &gt;= 0), in path order. */
    public List<SmtlParams> points() {
        List<SmtlParams> out = new ArrayList<>();
        for (int sv : s) for (double r : ridge) for (double b : bbar) for (double z : zbar) {
            out.add(new SmtlParams(sv, r, b, z, commonSupport));
        }
        out.sort(Comparator.comparingInt(SmtlParams::s).reversed()
                .thenComparingDouble(SmtlParams::zbar)
                .thenComparing(Comparator.comparingDouble(SmtlParams::ridge).reversed())
                .thenComparingDouble(SmtlParams::bbar));
        return out;
    }

    public int maxS() {
        return s.get(s.size() - 1);
    }
}
