package certus.solver;

/**
 * The objective contribution {@code coefficient * x[first] * x[second]} (first &lt;= second; first == second is a
 * square). Exactly that product, with no factor 1/2 and no doubling, so there is one convention to get right.
 */
public record QuadraticTerm(int first, int second, double coefficient) {
    public QuadraticTerm {
        if (first > second) {
            int t = first;
            first = second;
            second = t;
        }
    }
}
