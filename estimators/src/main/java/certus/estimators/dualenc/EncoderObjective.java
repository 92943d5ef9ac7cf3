package certus.estimators.dualenc;

import certus.tensor.DenseMatrix;
import certus.tensor.nn.Mlp;

import java.util.List;

/**
 * The smooth objective of the encoder step (dualencoder.md §3a), the one place it and its gradient are computed:
 * <pre>
 *   sum_r (1/m_r) ||y_r - c_r - S_r(X_r) alpha_r - C(X_r) beta_r||^2 + λ_o sum_r P(S_r(X_r), C(X_r))
 *     + ω (sum_r ||W(θ_{S_r})||^2 + ||W(θ_C)||^2)
 * </pre>
 * over one batch (X_r, y_r) of m_r rows per task, with coefficients fixed; P is {@link OrthogonalityPenalty}, W()
 * keeps weights and drops biases (decaying biases only shifts the latents' means, which the intercept absorbs anyway).
 * The gradient goes through {@link Mlp#backward}: dF/dS = -(2/m) e alpha_rᵀ + λ_o dP/dS, dF/dC likewise, summed over
 * tasks for the shared encoder.
 */
final class EncoderObjective {
    /** One task's rows for this evaluation (a minibatch or the whole training set). */
    record Batch(DenseMatrix x, double[] y) {}

    /** Value and, when asked for, gradients with respect to every task-specific encoder and the shared encoder. */
    record Evaluation(double value, double[][] specificGradients, double[] sharedGradient) {}

    private final Mlp specific;
    private final Mlp shared;
    private final double lambdaO;
    private final double omega;

    EncoderObjective(Mlp specific, Mlp shared, double lambdaO, double omega) {
        this.specific = specific;
        this.shared = shared;
        this.lambdaO = lambdaO;
        this.omega = omega;
    }

    /** Not modified: any argument. {@code batches.get(r)} belongs to task r. */
    Evaluation evaluate(double[][] specificParams, double[] sharedParams, Coefficients coef, List<Batch> batches, boolean wantGradient) {
        int tasks = batches.size();
        double value = 0;
        double[][] gS = wantGradient ? new double[tasks][] : null;
        double[] gC = wantGradient ? new double[shared.parameterCount()] : null;
        for (int r = 0; r < tasks; r++) {
            Batch b = batches.get(r);
            int m = b.x().rows();
            Mlp.Forward fs = specific.forward(specificParams[r], b.x());
            Mlp.Forward fc = shared.forward(sharedParams, b.x());
            DenseMatrix h = fs.output(), z = fc.output();
            double[] e = coef.predict(r, h, z);
            double sse = 0;
            for (int i = 0; i < m; i++) {
                e[i] = b.y()[i] - e[i];
                sse += e[i] * e[i];
            }
            value += sse / m;
            OrthogonalityPenalty.Result orth = lambdaO > 0 && wantGradient ? OrthogonalityPenalty.evaluate(h, z) : null;
            if (lambdaO > 0) value += lambdaO * (orth != null ? orth.value() : OrthogonalityPenalty.value(h, z));
            value += omega * weightSquares(specific, specificParams[r]);
            if (!wantGradient) continue;
            DenseMatrix dH = outputGradient(e, coef.alpha[r], m, orth == null ? null : orth.gradS());
            DenseMatrix dZ = outputGradient(e, coef.beta[r], m, orth == null ? null : orth.gradC());
            gS[r] = specific.backward(specificParams[r], fs, dH);
            addWeightDecay(specific, specificParams[r], gS[r]);
            double[] gc = shared.backward(sharedParams, fc, dZ);
            for (int i = 0; i < gc.length; i++) gC[i] += gc[i];
        }
        value += omega * weightSquares(shared, sharedParams);
        if (wantGradient) addWeightDecay(shared, sharedParams, gC);
        return new Evaluation(value, gS, gC);
    }

    /** -(2/m) e coefᵀ + λ_o dP (n x k, column-major). */
    private DenseMatrix outputGradient(double[] e, double[] coef, int m, DenseMatrix orthGrad) {
        int k = coef.length;
        double[] d = new double[m * k];
        for (int j = 0; j < k; j++) {
            double f = -2.0 * coef[j] / m;
            for (int i = 0; i < m; i++) d[j * m + i] = f * e[i];
        }
        if (orthGrad != null) {
            double[] g = orthGrad.toColumnMajor();
            for (int i = 0; i < d.length; i++) d[i] += lambdaO * g[i];
        }
        return DenseMatrix.fromColumnMajor(m, k, d);
    }

    private static double weightSquares(Mlp net, double[] params) {
        double s = 0;
        for (int l = 0; l < net.layerCount(); l++) {
            for (int i = net.weightOffset(l), e = net.biasOffset(l); i < e; i++) s += params[i] * params[i];
        }
        return s;
    }

    private void addWeightDecay(Mlp net, double[] params, double[] grad) {
        if (omega == 0) return;
        for (int l = 0; l < net.layerCount(); l++) {
            for (int i = net.weightOffset(l), e = net.biasOffset(l); i < e; i++) grad[i] += 2 * omega * params[i];
        }
    }
}
