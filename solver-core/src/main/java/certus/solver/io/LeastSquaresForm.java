package certus.solver.io;

import certus.solver.LeastSquaresTerm;
import certus.solver.LinearExpression;
import certus.solver.Model;

import java.util.Arrays;

/**
 * How least-squares objective terms {@code w ||A x - b||^2} are written to a file format that has no factor
 * form (MPS, LP).
 *
 * <p>RESIDUAL adds a free variable and an equality per row (r = a^T x - b) and a diagonal quadratic
 * {@code w r^2}: about nnz(A) + 2 m entries. EXPANDED writes {@code w x^T A^T A x - 2 w b^T A x + w b^T b}:
 * up to k(k+1)/2 quadratic entries per term, k the number of distinct variables in its rows. A wide A (few rows,
 * many columns, e.g. n_k &lt; p) is far smaller in RESIDUAL form; a tall A (many more rows than columns) is smaller
 * EXPANDED. AUTO counts both and writes EXPANDED only when it has at most half the entries of RESIDUAL: the
 * residual form's diagonal Hessian is evidently convex and SCIP solves it far faster than a dense Q (design.md;
 * small re-imported L0L2 and Zbar+L2 test instances timed out at 120 s EXPANDED and solve in seconds
 * RESIDUAL, see BigMExportMpsTest). The sMTL model already compresses a tall task to its p x p triangular factor, where both forms
 * have about p^2/2 entries, so its exports are RESIDUAL.
 */
public enum LeastSquaresForm {
    AUTO, RESIDUAL, EXPANDED;

    /** The concrete form (RESIDUAL or EXPANDED) for this model; AUTO decides by entry counts. */
    public LeastSquaresForm resolve(Model m) {
        if (this != AUTO) return this;
        return 2 * expandedEntries(m) <= residualEntries(m) ? EXPANDED : RESIDUAL;
    }

    /** Matrix plus quadratic entries of the residual form: a row's terms, its residual's +1, and r^2. */
    static long residualEntries(Model m) {
        long n = 0;
        for (LeastSquaresTerm t : m.objective().leastSquares()) for (LinearExpression r : t.rows()) n += r.size() + 2;
        return n;
    }

    /** Upper-triangle quadratic entries of the expanded form (distinct variables of a term, all pairs). */
    static long expandedEntries(Model m) {
        long n = 0;
        for (LeastSquaresTerm t : m.objective().leastSquares()) {
            boolean[] used = new boolean[m.variableCount()];
            for (LinearExpression r : t.rows()) for (int i = 0; i < r.size(); i++) used[r.variable(i)] = true;
            long k = 0;
            for (boolean u : used) if (u) k++;
            n += k * (k + 1) / 2;
        }
        return n;
    }

    /** Parses "auto", "residual" or "expanded" (any case); the error lists the valid names. */
    public static LeastSquaresForm parse(String s) {
        for (LeastSquaresForm f : values()) if (f.name().equalsIgnoreCase(s.strip())) return f;
        throw new IllegalArgumentException("unknown least-squares form '" + s + "'; expected one of "
                + Arrays.stream(values()).map(f -> f.name().toLowerCase(java.util.Locale.ROOT)).toList());
    }
}
