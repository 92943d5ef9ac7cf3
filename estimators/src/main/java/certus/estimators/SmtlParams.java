package certus.estimators;

import certus.data.MultiTaskData;
import certus.smtl.InvalidProblemException;
import certus.smtl.SmtlProblem;

/**
 * The problem parameters of one sMTL fit, without data: what a params file, a CLI or a CV grid point names.
 * Checked here for what can be checked without data (s &gt;= 1, weights finite and &gt;= 0); s &lt;= p is
 * checked when data arrive ({@link #toProblem}).
 *
 * @param s             per-task cardinality
 * @param ridge         lambda_1
 * @param bbar          lambda_2 (coefficient sharing)
 * @param zbar          lambda_z (support sharing)
 * @param commonSupport force one support for all tasks
 */
public record SmtlParams(int s, double ridge, double bbar, double zbar, boolean commonSupport) {
    public SmtlParams {
        if (s < 1) throw new InvalidProblemException("s must be >= 1, got s=" + s);
        check("ridge", ridge);
        check("bbar", bbar);
        check("zbar", zbar);
    }

    private static void check(String name, double v) {
        if (!Double.isFinite(v) || v < 0) throw new InvalidProblemException(name + " must be a finite number >= 0, got " + v);
    }

    public SmtlProblem toProblem(MultiTaskData data) {
        return new SmtlProblem(data, s, ridge, bbar, zbar, commonSupport);
    }

    public static SmtlParams of(SmtlProblem p) {
        return new SmtlParams(p.s(), p.ridge(), p.bbar(), p.zbar(), p.commonSupport());
    }
}
