package certus.estimators.cv;

import certus.estimators.SolverException;

import java.util.List;

/**
 * The true one-standard-error rule ([DESIGN] spec §6): with the argmin's mean error m* and its standard error
 * se*, every grid point with mean &lt;= m* + se* is "as good"; among them prefer the sparsest s, then the largest
 * zbar, then the largest bbar, then the largest ridge — the simplest, most shared, most regularised model that
 * the data cannot tell apart from the best. (The reference uses the SD of per-s minima instead; see §10.9.)
 */
public final class OneSeRule {
    private OneSeRule() {}

    /** Index of the grid point with the smallest mean error (first one on ties); NaN rows are skipped. */
    public static int argmin(List<CvRow> rows) {
        int best = -1;
        for (int i = 0; i < rows.size(); i++) {
            double m = rows.get(i).meanRmse();
            if (Double.isNaN(m)) continue;
            if (best < 0 || m < rows.get(best).meanRmse()) best = i;
        }
        if (best < 0) throw new SolverException("no grid point produced a fit in every fold");
        return best;
    }

    /** Index of the grid point the 1-SE rule chooses. */
    public static int select(List<CvRow> rows) {
        int best = argmin(rows);
        double threshold = rows.get(best).meanRmse() + rows.get(best).seRmse();
        int chosen = best;
        for (int i = 0; i < rows.size(); i++) {
            CvRow r = rows.get(i);
            if (Double.isNaN(r.meanRmse()) || r.meanRmse() > threshold) continue;
            if (simpler(r, rows.get(chosen))) chosen = i;
        }
        return chosen;
    }

    /** True when a is preferred over b: sparser s, then larger zbar, larger bbar, larger ridge, then lower error. */
    static boolean simpler(CvRow a, CvRow b) {
        var pa = a.params();
        var pb = b.params();
        if (pa.s() != pb.s()) return pa.s() < pb.s();
        if (pa.zbar() != pb.zbar()) return pa.zbar() > pb.zbar();
        if (pa.bbar() != pb.bbar()) return pa.bbar() > pb.bbar();
        if (pa.ridge() != pb.ridge()) return pa.ridge() > pb.ridge();
        return a.meanRmse() < b.meanRmse();
    }
}
