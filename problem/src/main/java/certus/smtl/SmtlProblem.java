package certus.smtl;

import certus.data.MultiTaskData;

import java.util.Objects;

/**
 * One sMTL problem: data plus the cardinality s and the penalty weights of the canonical objective
 * (see {@link ObjectiveEvaluator}). Validated on construction; every message names the parameter and value.
 *
 * @param data          the multi-task data, exactly as the objective sees it (no hidden standardization)
 * @param s             per-task cardinality bound, 1 &lt;= s &lt;= p
 * @param ridge         lambda_1 &gt;= 0, the ridge weight
 * @param bbar          lambda_2 &gt;= 0, pulls coefficients toward their task mean
 * @param zbar          lambda_z &gt;= 0, pulls supports toward their task mean
 * @param commonSupport force z_1 = ... = z_K
 */
public record SmtlProblem(MultiTaskData data, int s, double ridge, double bbar, double zbar, boolean commonSupport) {
    public SmtlProblem {
        Objects.requireNonNull(data, "data");
        int p = data.featureCount();
        if (s < 1 || s > p) {
            throw new InvalidProblemException("s must be between 1 and the number of features p=" + p + ", got s=" + s);
        }
        checkWeight("ridge", ridge);
        checkWeight("bbar", bbar);
        checkWeight("zbar", zbar);
    }

    private static void checkWeight(String name, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new InvalidProblemException(name + " must be a finite number >= 0, got " + value);
        }
    }

    public Variant variant() {
        return Variant.of(bbar, zbar, commonSupport);
    }

    /**
     * Whether z_kj may be 1: never for a column constant within task k, and under common support (one z for all
     * tasks) never for a column constant in any task. Every solver applies this one rule, so heuristics, MIQPs, the
     * OA master and the enumerator solve the same problem.
     */
    public boolean selectable(int k, int j) {
        return commonSupport ? !data.isConstantInAnyTask(j) : !data.isConstant(k, j);
    }

    public int taskCount() {
        return data.taskCount();
    }

    public int featureCount() {
        return data.featureCount();
    }

    /** Same data, other parameters. */
    public SmtlProblem with(int newS, double newRidge, double newBbar, double newZbar, boolean newCommonSupport) {
        return new SmtlProblem(data, newS, newRidge, newBbar, newZbar, newCommonSupport);
    }

    public SmtlProblem withS(int newS) {
        return new SmtlProblem(data, newS, ridge, bbar, zbar, commonSupport);
    }

    public SmtlProblem withData(MultiTaskData newData) {
        return new SmtlProblem(newData, s, ridge, bbar, zbar, commonSupport);
    }

    @Override
    public String toString() {
        return "SmtlProblem[" + data + ", s=" + s + ", ridge=" + ridge + ", bbar=" + bbar + ", zbar=" + zbar
                + ", commonSupport=" + commonSupport + "]";
    }
}
