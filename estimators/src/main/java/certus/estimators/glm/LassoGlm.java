package certus.estimators.glm;

import certus.tensor.DenseMatrix;

import java.util.stream.IntStream;

/**
 * Lasso-penalized GLM by coordinate descent, the block solver of TenMTL (tenmtl.md §3) and of its Local/Global
 * baselines:
 * <pre>
 *   min over (b0, beta)  sum_i w_i l(y_i, offset_i + b0 + x_i^T beta) + lambda sum_j pf_j |beta_j| + (ridge/2) ||beta||^2
 * </pre>
 * Gaussian: cyclic coordinate descent on the exact quadratic. Binomial: proximal Newton (IRLS) — a weighted
 * Gaussian coordinate-descent solve of the quadratic model at the current eta, then a backtracking step along the
 * change so the penalized objective never increases. The intercept is unpenalized (optional).
 *
 * <p>Why hand-written: each TenMTL sweep solves many small warm-started penalized GLMs whose design rows are
 * formed on the fly; the coordinate-descent loop is a few lines on column-major data, and its correctness is pinned
 * by KKT tests.
 */
public final class LassoGlm {
    private LassoGlm() {}

    /**
     * @param x         n x p design (column-major)
     * @param y         responses
     * @param offset    fixed part of eta (null: 0)
     * @param weights   observation weights w_i &gt;= 0 (null: 1/n each)
     * @param family    loss
     * @param lambda    Lasso weight &gt;= 0
     * @param penalty   per-coefficient factors pf_j &gt;= 0 (null: 1 each)
     * @param ridge     ridge weight &gt;= 0 (keeps subproblems strictly convex)
     * @param intercept fit an unpenalized intercept
     * @param ridgeFactors per-coefficient ridge factors r_j &gt;= 0 (null: 1 each): the ridge term is (ridge/2) sum_j r_j beta_j^2
     */
    public record Problem(DenseMatrix x, double[] y, double[] offset, double[] weights, Family family, double lambda,
                          double[] penalty, double ridge, boolean intercept, double[] ridgeFactors) {
        public Problem(DenseMatrix x, double[] y, double[] offset, double[] weights, Family family, double lambda, double[] penalty,
                       double ridge, boolean intercept) {
            this(x, y, offset, weights, family, lambda, penalty, ridge, intercept, null);
        }

        public Problem {
            if (ridgeFactors != null && ridgeFactors.length != x.cols()) {
                throw new IllegalArgumentException("ridge factors have " + ridgeFactors.length + " values, expected " + x.cols());
            }
            int n = x.rows();
            if (y.length != n) throw new IllegalArgumentException("design has " + n + " rows but " + y.length + " responses");
            if (offset != null && offset.length != n) throw new IllegalArgumentException("offset has " + offset.length + " values, expected " + n);
            if (weights != null && weights.length != n) throw new IllegalArgumentException("weights have " + weights.length + " values, expected " + n);
            if (penalty != null && penalty.length != x.cols()) {
                throw new IllegalArgumentException("penalty factors have " + penalty.length + " values, expected " + x.cols());
            }
            if (!(lambda >= 0) || !(ridge >= 0)) throw new IllegalArgumentException("lambda and ridge must be >= 0, got " + lambda + ", " + ridge);
            for (int i = 0; i < n; i++) family.checkResponse(y[i], i + 1);
        }

        double weight(int i) {
            return weights == null ? 1.0 / x.rows() : weights[i];
        }

        double penaltyFactor(int j) {
            return penalty == null ? 1.0 : penalty[j];
        }

        double ridgeAt(int j) {
            return ridgeFactors == null ? ridge : ridge * ridgeFactors[j];
        }

        double offsetAt(int i) {
            return offset == null ? 0.0 : offset[i];
        }
    }

    /**
     * @param intercept fitted b0 (0 without intercept)
     * @param beta      coefficients
     * @param objective the penalized objective at the solution
     * @param passes    coordinate passes (summed over IRLS steps)
     * @param converged whether the tolerance was met before the pass cap
     */
    public record Fit(double intercept, double[] beta, double objective, int passes, boolean converged) {}

    /** Solves from beta = 0, b0 = 0. */
    public static Fit fit(Problem pr, double tolerance, int maxPasses) {
        return fit(pr, 0.0, new double[pr.x().cols()], tolerance, maxPasses);
    }

    /**
     * Solves warm-started at (b0, beta); stops when no coefficient moves by more than {@code tolerance} (scaled), or
     * after {@code maxPasses} coordinate passes in total (over all IRLS steps; then {@code converged} is false and the
     * result is the last iterate, which never has a higher objective than the start).
     */
    public static Fit fit(Problem pr, double b0, double[] beta0, double tolerance, int maxPasses) {
        int n = pr.x().rows();
        double[] beta = beta0.clone();
        double[] eta = eta(pr, b0, beta);
        if (pr.family() == Family.GAUSSIAN) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) v[i] = pr.weight(i);
            double[] z = pr.y().clone();
            Quadratic q = coordinateDescent(pr, v, z, b0, beta, eta, tolerance, maxPasses);
            return new Fit(q.b0, q.beta, objective(pr, q.b0, q.beta), q.passes, q.converged);
        }
        int passes = 0;
        double current = objective(pr, b0, beta);
        for (int newton = 0; newton < 100; newton++) {
            double[] v = new double[n];
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                double c = pr.family().curvature(eta[i]);
                v[i] = pr.weight(i) * c;
                z[i] = eta[i] - (pr.family().mean(eta[i]) - pr.y()[i]) / c;
            }
            Quadratic q = coordinateDescent(pr, v, z, b0, beta.clone(), eta.clone(), tolerance, maxPasses - passes);
            passes += q.passes;
            // backtracking along the Newton step: the penalized objective is convex, so some step decreases it
            double step = 1;
            double[] trialBeta = q.beta;
            double trialB0 = q.b0;
            double trial = objective(pr, trialB0, trialBeta);
            while (trial > current + 1e-15 * Math.abs(current) && step > 1e-6) {
                step *= 0.5;
                trialBeta = new double[beta.length];
                for (int j = 0; j < beta.length; j++) trialBeta[j] = beta[j] + step * (q.beta[j] - beta[j]);
                trialB0 = b0 + step * (q.b0 - b0);
                trial = objective(pr, trialB0, trialBeta);
            }
            double change = maxChange(beta, trialBeta) + Math.abs(trialB0 - b0);
            if (trial > current) return new Fit(b0, beta, current, passes, true); // no descent left: optimal up to rounding
            beta = trialBeta;
            b0 = trialB0;
            current = trial;
            eta = eta(pr, b0, beta);
            if (change <= tolerance && q.converged) return new Fit(b0, beta, current, passes, true);
            if (passes >= maxPasses) break;
        }
        return new Fit(b0, beta, current, passes, false);
    }

    /** The penalized objective at (b0, beta). */
    public static double objective(Problem pr, double b0, double[] beta) {
        double[] eta = eta(pr, b0, beta);
        double f = 0;
        for (int i = 0; i < eta.length; i++) f += pr.weight(i) * pr.family().loss(pr.y()[i], eta[i]);
        for (int j = 0; j < beta.length; j++) f += pr.lambda() * pr.penaltyFactor(j) * Math.abs(beta[j]) + 0.5 * pr.ridgeAt(j) * beta[j] * beta[j];
        return f;
    }

    /**
     * The smallest lambda at which every penalized coefficient is 0: max_j |gradient_j| / pf_j over features with
     * pf_j &gt; 0, at the fit of the intercept and the unpenalized coefficients alone.
     */
    public static double lambdaMax(Problem pr) {
        Problem nullModel = new Problem(pr.x(), pr.y(), pr.offset(), pr.weights(), pr.family(), 1e300, pr.penalty(), 0, pr.intercept(), null);
        Fit f = fit(nullModel, 1e-12, 10_000);
        double[] g = gradient(pr, f.intercept(), f.beta());
        double max = 0;
        for (int j = 0; j < g.length; j++) if (pr.penaltyFactor(j) > 0) max = Math.max(max, Math.abs(g[j]) / pr.penaltyFactor(j));
        return max;
    }

    /** Gradient of the smooth loss part (without penalty and ridge) with respect to beta. */
    public static double[] gradient(Problem pr, double b0, double[] beta) {
        double[] eta = eta(pr, b0, beta);
        double[] res = new double[eta.length];
        for (int i = 0; i < eta.length; i++) res[i] = pr.weight(i) * (pr.family().mean(eta[i]) - pr.y()[i]);
        double[] g = new double[beta.length];
        pr.x().transposeTimesInto(res, g);
        return g;
    }

    private record Quadratic(double b0, double[] beta, int passes, boolean converged) {}

    /**
     * Weighted Gaussian coordinate descent on sum_i v_i (z_i - eta_i)^2 / 2 + penalty, where eta = offset + b0 + X beta is
     * kept up to date in {@code eta} (modified). Active-set cycling as in glmnet (Friedman, Hastie &amp; Tibshirani 2010,
     * §2.6): after a full pass, passes run over the nonzero coefficients only until they settle, then one full pass
     * checks the rest; convergence is declared only by a full pass, so the fixed point (and its KKT conditions) is that
     * of plain cyclic descent. {@code maxPasses} caps all passes, full and active.
     */
    private static Quadratic coordinateDescent(Problem pr, double[] v, double[] z, double b0, double[] beta, double[] eta,
                                               double tolerance, int maxPasses) {
        DenseMatrix x = pr.x();
        int n = x.rows();
        int p = x.cols();
        double[] r = new double[n];
        for (int i = 0; i < n; i++) r[i] = z[i] - eta[i];
        double[] curvature = new double[p];
        double[][] cols = new double[p][];
        for (int j = 0; j < p; j++) {
            double[] col = x.column(j);
            cols[j] = col;
            double a = 0;
            for (int i = 0; i < n; i++) a += v[i] * col[i] * col[i];
            curvature[j] = a;
        }
        double vSum = 0;
        for (double vi : v) vSum += vi;
        int[] all = new int[p];
        for (int j = 0; j < p; j++) all[j] = j;
        int passes = 0;
        while (passes < maxPasses) {
            Pass pass = new Pass(b0, 0);
            passes++;
            sweep(pr, v, vSum, r, cols, curvature, beta, all, pass);
            b0 = pass.b0;
            if (pass.maxMove <= tolerance) return new Quadratic(b0, beta, passes, true);
            int[] active = IntStream.range(0, p).filter(j -> beta[j] != 0).toArray();
            while (passes < maxPasses - 1) { // keep one pass for the full check
                Pass a = new Pass(b0, 0);
                passes++;
                sweep(pr, v, vSum, r, cols, curvature, beta, active, a);
                b0 = a.b0;
                if (a.maxMove <= tolerance) break;
            }
        }
        return new Quadratic(b0, beta, passes, false);
    }

    /** Running state of one coordinate pass. */
    private static final class Pass {
        double b0;
        double maxMove;

        Pass(double b0, double maxMove) {
            this.b0 = b0;
            this.maxMove = maxMove;
        }
    }

    /** One pass over the intercept and the coordinates {@code js}, updating beta, the residual r and {@code pass}. */
    private static void sweep(Problem pr, double[] v, double vSum, double[] r, double[][] cols, double[] curvature, double[] beta, int[] js,
                              Pass pass) {
        int n = r.length;
        if (pr.intercept() && vSum > 0) {
            double s = 0;
            for (int i = 0; i < n; i++) s += v[i] * r[i];
            double d = s / vSum;
            pass.b0 += d;
            for (int i = 0; i < n; i++) r[i] -= d;
            pass.maxMove = Math.max(pass.maxMove, Math.abs(d));
        }
        for (int j : js) {
            double a = curvature[j] + pr.ridgeAt(j);
            if (a <= 0) continue;
            double[] col = cols[j];
            double g = 0;
            for (int i = 0; i < n; i++) g += v[i] * col[i] * r[i];
            double u = g + curvature[j] * beta[j];
            double t = pr.lambda() * pr.penaltyFactor(j);
            double next = Math.signum(u) * Math.max(Math.abs(u) - t, 0) / a;
            double d = next - beta[j];
            if (d != 0) {
                for (int i = 0; i < n; i++) r[i] -= d * col[i];
                beta[j] = next;
                pass.maxMove = Math.max(pass.maxMove, Math.abs(d) * Math.sqrt(curvature[j]));
            }
        }
    }

    private static double[] eta(Problem pr, double b0, double[] beta) {
        int n = pr.x().rows();
        double[] eta = new double[n];
        pr.x().timesInto(beta, eta);
        for (int i = 0; i < n; i++) eta[i] += b0 + pr.offsetAt(i);
        return eta;
    }

    private static double maxChange(double[] a, double[] b) {
        double m = 0;
        for (int j = 0; j < a.length; j++) m = Math.max(m, Math.abs(a[j] - b[j]));
        return m;
    }
}
