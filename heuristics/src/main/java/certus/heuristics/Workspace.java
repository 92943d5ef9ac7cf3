package certus.heuristics;

import certus.data.TaskData;
import certus.smtl.SmtlProblem;
import certus.smtl.SmtlSolution;
import certus.smtl.SupportRefitter;
import certus.tensor.DenseMatrix;

import java.util.Arrays;

/**
 * Mutable state of one fit: coefficients B, explicit supports z, centered residuals, Zbar counts m_j and Bbar
 * row sums, plus per-task data caches (column means, centered response, lazily computed Gram rows).
 *
 * <p>Intercepts are eliminated by centering: b_k = ybar_k - xbar_k^T beta_k, and the residual
 * {@code r_k = yc_k - Xc_k beta_k} sums to zero, so {@code Xc^T r = X^T r} and no centered copy of X is ever
 * formed. Every solver stage (IHT, local search) edits this one state through methods that keep the derived
 * quantities consistent, so F can be evaluated in O(K(n + p)) at any time.
 */
final class Workspace {
    final SmtlProblem problem;
    final int kCount;
    final int p;
    final int s;
    final int[] n;
    final DenseMatrix[] x;
    final double[][] means;
    final double[][] yc;
    final double[] ycSq;
    final double[] ybar;
    /** Centered column sums of squares (diagonal of Xc^T Xc). */
    final double[][] diag;
    final boolean[][] constant;
    /** constant in some task: never selectable under common support. */
    final boolean[] anyConstant;

    final double[][] beta;
    final boolean[][] z;
    final double[][] r;
    final int[] counts;
    final double[] betaSum;

    /** gramRows[k][i] = Xc_k^T xc_ki (length p) or null; filled on demand by local search. */
    private final double[][][] gramRows;
    /** xty[k][j] = xc_kj^T yc_k, NaN until needed. */
    private final double[][] xty;
    /** X_k^T r_k as of the last {@link #refreshXtR}. */
    private final double[][] xtr;

    Workspace(SmtlProblem problem) {
        this.problem = problem;
        this.kCount = problem.taskCount();
        this.p = problem.featureCount();
        this.s = problem.s();
        n = new int[kCount];
        x = new DenseMatrix[kCount];
        means = new double[kCount][p];
        yc = new double[kCount][];
        ycSq = new double[kCount];
        ybar = new double[kCount];
        diag = new double[kCount][p];
        constant = new boolean[kCount][p];
        anyConstant = new boolean[p];
        for (int k = 0; k < kCount; k++) {
            TaskData t = problem.data().task(k);
            n[k] = t.rows();
            x[k] = t.x();
            ybar[k] = t.responseMean();
            yc[k] = t.y();
            for (int i = 0; i < n[k]; i++) yc[k][i] -= ybar[k];
            ycSq[k] = certus.tensor.VectorOps.sumOfSquares(yc[k]);
            for (int j = 0; j < p; j++) {
                means[k][j] = x[k].columnMean(j);
                diag[k][j] = x[k].columnCenteredSumOfSquares(j);
                constant[k][j] = problem.data().isConstant(k, j);
                anyConstant[j] = problem.data().isConstantInAnyTask(j);
            }
        }
        beta = new double[kCount][p];
        z = new boolean[kCount][p];
        r = new double[kCount][];
        for (int k = 0; k < kCount; k++) r[k] = yc[k].clone();
        counts = new int[p];
        betaSum = new double[p];
        gramRows = new double[kCount][p][];
        xty = new double[kCount][p];
        xtr = new double[kCount][p];
        for (double[] row : xty) Arrays.fill(row, Double.NaN);
    }

    /** Whether the problem needs joint row selection (common support with more than one task). */
    boolean common() {
        return problem.commonSupport() && kCount > 1;
    }

    boolean selectable(int k, int j) {
        return common() ? !anyConstant[j] : !constant[k][j];
    }

    /** Replaces the state by (B, z); coefficients outside z are dropped. */
    void load(double[][] newBeta, boolean[][] newZ) {
        Arrays.fill(counts, 0);
        Arrays.fill(betaSum, 0);
        for (int k = 0; k < kCount; k++) {
            for (int j = 0; j < p; j++) {
                z[k][j] = newZ[k][j];
                beta[k][j] = newZ[k][j] ? newBeta[k][j] : 0.0;
                if (z[k][j]) counts[j]++;
                betaSum[j] += beta[k][j];
            }
            recomputeResidual(k);
        }
    }

    void load(SmtlSolution sol) {
        load(sol.coefficients(), sol.supports());
    }

    /** Exact (b, B) for the current supports (joint, including the Bbar coupling). */
    void refit() {
        load(SupportRefitter.refit(problem, z));
    }

    void recomputeResidual(int k) {
        double[] rk = r[k];
        System.arraycopy(yc[k], 0, rk, 0, n[k]);
        double shift = 0;
        for (int j = 0; j < p; j++) {
            double b = beta[k][j];
            if (b != 0.0) {
                x[k].addScaledColumnInto(j, -b, rk);
                shift += b * means[k][j];
            }
        }
        for (int i = 0; i < n[k]; i++) rk[i] += shift;
    }

    /** beta_kj := value, keeping r_k and the Bbar row sum consistent. */
    void setCoefficient(int k, int j, double value) {
        double delta = value - beta[k][j];
        if (delta == 0.0) return;
        beta[k][j] = value;
        betaSum[j] += delta;
        x[k].addScaledColumnInto(j, -delta, r[k]);
        double shift = delta * means[k][j];
        double[] rk = r[k];
        for (int i = 0; i < rk.length; i++) rk[i] += shift;
    }

    void setSupport(int k, int j, boolean in) {
        if (z[k][j] == in) return;
        z[k][j] = in;
        counts[j] += in ? 1 : -1;
    }

    /** xc_kj^T r_k (= x_kj^T r_k because r_k sums to zero). */
    double xcDotR(int k, int j) {
        return x[k].columnDot(j, r[k]);
    }

    /** Modified: caches X_k^T r_k for {@link #xcDotRCached} (one pass over task k's design). */
    void refreshXtR(int k) {
        x[k].transposeTimesInto(r[k], xtr[k]);
    }

    double xcDotRCached(int k, int j) {
        return xtr[k][j];
    }

    /** Change of sum_l ||z_l - zbar||^2 when z_kj flips 0 -> 1, the other tasks' count fixed. */
    double zbarFlipOn(int k, int j) {
        int others = counts[j] - (z[k][j] ? 1 : 0);
        return (double) (kCount - 2 * others - 1) / kCount;
    }

    /** F of the current state (the Zbar term from counts); O(K(n + p)). */
    double objective() {
        double loss = 0;
        double ridgeSq = 0;
        double betaSq = 0;
        for (int k = 0; k < kCount; k++) {
            loss += certus.tensor.VectorOps.sumOfSquares(r[k]) / (2.0 * n[k]);
            for (int j = 0; j < p; j++) betaSq += beta[k][j] * beta[k][j];
        }
        ridgeSq = betaSq;
        double bbarSq = betaSq;
        double zsum = 0;
        for (int j = 0; j < p; j++) {
            bbarSq -= betaSum[j] * betaSum[j] / kCount;
            zsum += (double) counts[j] * (kCount - counts[j]) / kCount;
        }
        return loss + 0.5 * problem.ridge() * ridgeSq + 0.5 * problem.bbar() * Math.max(0, bbarSq) + 0.5 * problem.zbar() * zsum;
    }

    /**
     * F of a solution that has this workspace's problem, from residuals over the support columns only
     * (O(K n s + K p) instead of the evaluator's O(K n p)); Zbar from the solution's supports.
     */
    double valueOf(SmtlSolution sol, double[] scratch) {
        double loss = 0;
        double sq = 0;
        double bbarSq = 0;
        double zsum = 0;
        for (int k = 0; k < kCount; k++) {
            System.arraycopy(yc[k], 0, scratch, 0, n[k]);
            double shift = 0;
            for (int j = 0; j < p; j++) {
                double b = sol.coefficient(k, j);
                if (b != 0.0) {
                    x[k].addScaledColumnInto(j, -b, scratch);
                    shift += b * means[k][j];
                    sq += b * b;
                }
            }
            double ss = 0;
            for (int i = 0; i < n[k]; i++) {
                double v = scratch[i] + shift;
                ss += v * v;
            }
            loss += ss / (2.0 * n[k]);
        }
        bbarSq = sq;
        for (int j = 0; j < p; j++) {
            double sum = 0;
            int m = 0;
            for (int k = 0; k < kCount; k++) {
                sum += sol.coefficient(k, j);
                if (sol.inSupport(k, j)) m++;
            }
            bbarSq -= sum * sum / kCount;
            zsum += (double) m * (kCount - m) / kCount;
        }
        return loss + 0.5 * problem.ridge() * sq + 0.5 * problem.bbar() * Math.max(0, bbarSq) + 0.5 * problem.zbar() * zsum;
    }

    int maxRows() {
        int m = 0;
        for (int v : n) m = Math.max(m, v);
        return m;
    }

    /** Support of task k as ascending indices. */
    int[] support(int k) {
        int c = 0;
        for (int j = 0; j < p; j++) if (z[k][j]) c++;
        int[] out = new int[c];
        c = 0;
        for (int j = 0; j < p; j++) if (z[k][j]) out[c++] = j;
        return out;
    }

    /** The solution of the current state (intercepts recovered from the centering). */
    SmtlSolution toSolution() {
        double[] b0 = new double[kCount];
        for (int k = 0; k < kCount; k++) {
            double v = ybar[k];
            for (int j = 0; j < p; j++) if (beta[k][j] != 0.0) v -= means[k][j] * beta[k][j];
            b0[k] = v;
        }
        return new SmtlSolution(b0, beta, z);
    }

    /** Row i of Xc_k^T Xc_k (computed once per task and feature: p dot products of length n_k). */
    double[] gramRow(int k, int i) {
        double[] row = gramRows[k][i];
        if (row == null) {
            row = new double[p];
            double mi = means[k][i] * n[k];
            for (int j = 0; j < p; j++) row[j] = x[k].columnDotColumn(i, j) - mi * means[k][j];
            row[i] = diag[k][i];
            gramRows[k][i] = row;
        }
        return row;
    }

    /** (Xc_k^T Xc_k)_{ab}, from a cached row when available. */
    double gram(int k, int a, int b) {
        if (a == b) return diag[k][a];
        double[] row = gramRows[k][a];
        if (row != null) return row[b];
        row = gramRows[k][b];
        if (row != null) return row[a];
        return x[k].columnDotColumn(a, b) - n[k] * means[k][a] * means[k][b];
    }

    boolean hasGramRow(int k, int i) {
        return gramRows[k][i] != null;
    }

    /** xc_kj^T yc_k. */
    double xty(int k, int j) {
        double v = xty[k][j];
        if (Double.isNaN(v)) {
            v = x[k].columnDot(j, yc[k]);
            xty[k][j] = v;
        }
        return v;
    }
}
