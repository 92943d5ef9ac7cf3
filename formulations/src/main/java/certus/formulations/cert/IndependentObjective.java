package certus.formulations.cert;

import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.smtl.ObjectiveValue;
import certus.smtl.SmtlSolution;

/**
 * A second implementation of F, deliberately not sharing code with {@link certus.smtl.ObjectiveEvaluator}: a
 * verifier that called the solver's own evaluator would re-check nothing. Residuals are formed row by row from
 * the raw cells (X_k read element-wise, row-major order of summation), and the Zbar term uses the counting
 * identity sum_k (z_kj - m_j/K)^2 = m_j (K - m_j) / K (exact.md §3) instead of the mean of z.
 */
final class IndependentObjective {
    private IndependentObjective() {}

    static ObjectiveValue of(MultiTaskData data, SmtlSolution sol, double ridge, double bbar, double zbar) {
        int kCount = data.taskCount();
        int p = data.featureCount();
        double loss = 0;
        double ridgeSq = 0;
        for (int k = 0; k < kCount; k++) {
            TaskData t = data.task(k);
            double b0 = sol.intercept(k);
            double ss = 0;
            for (int i = 0; i < t.rows(); i++) {
                double fitted = b0;
                for (int j = 0; j < p; j++) {
                    double b = sol.coefficient(k, j);
                    if (b != 0.0) fitted += t.x().get(i, j) * b;
                }
                double r = t.y(i) - fitted;
                ss += r * r;
            }
            loss += ss / (2.0 * t.rows());
            for (int j = 0; j < p; j++) ridgeSq += sol.coefficient(k, j) * sol.coefficient(k, j);
        }
        double bbarSq = 0;
        double zbarSum = 0;
        for (int j = 0; j < p; j++) {
            double sum = 0;
            int m = 0;
            for (int k = 0; k < kCount; k++) {
                sum += sol.coefficient(k, j);
                if (sol.inSupport(k, j)) m++;
            }
            double mean = sum / kCount;
            for (int k = 0; k < kCount; k++) {
                double d = sol.coefficient(k, j) - mean;
                bbarSq += d * d;
            }
            zbarSum += (double) m * (kCount - m) / kCount;
        }
        return new ObjectiveValue(loss, 0.5 * ridge * ridgeSq, 0.5 * bbar * bbarSq, 0.5 * zbar * zbarSum);
    }
}
