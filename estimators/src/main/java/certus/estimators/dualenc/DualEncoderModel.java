package certus.estimators.dualenc;

import certus.estimators.Termination;
import certus.tensor.DenseMatrix;
import certus.tensor.nn.Mlp;

import java.util.ArrayList;
import java.util.List;

/**
 * A fitted dual-encoder model (dualencoder.md §1): on the standardized scale task r predicts
 * c_r + alpha_rᵀ S_r(x̃) + beta_rᵀ C(x̃), x̃ = (x - featureMeans)/featureScales; {@link #predict} maps back to the
 * task's response scale. Immutable: arrays are copied in and out.
 *
 * @param taskLabels         task labels in data order
 * @param specificEncoder    architecture shared by every S_r (d -> q)
 * @param sharedEncoder      architecture of C (d -> p)
 * @param specificParameters θ_{S_r} per task (flat, {@link Mlp} layout)
 * @param sharedParameters   θ_C
 * @param intercepts         c_r (standardized scale)
 * @param alphas             alpha_r (R x q)
 * @param betas              beta_r (R x p)
 * @param alphaCenter        alphabar (zeros when the alpha center is off)
 * @param betaCenter         betabar
 * @param scaling            the standardization the fit used
 * @param bestEpoch          epoch whose state this is (0 = the ridge initialization)
 * @param validationLosses   mean over tasks of the validation MSE (standardized scale) after each epoch run
 * @param termination        why the fit stopped: early stopping (CONVERGED), the epoch cap (ITERATIONS), a time limit
 *                           or an interruption (the state is then the best one seen before the stop)
 */
public record DualEncoderModel(List<String> taskLabels, Mlp specificEncoder, Mlp sharedEncoder, List<double[]> specificParameters,
                               double[] sharedParameters, double[] intercepts, double[][] alphas, double[][] betas,
                               double[] alphaCenter, double[] betaCenter, Scaling scaling, int bestEpoch,
                               List<Double> validationLosses, Termination termination) implements MultiTaskPredictor {

    /**
     * Pooled per-feature standardization and per-task response centering with one pooled response scale [RECON: one
     * scale for all tasks keeps their relative noise levels, so the λ's mean the same for every task].
     */
    public record Scaling(double[] featureMeans, double[] featureScales, double[] responseMeans, double responseScale) {
        public Scaling {
            featureMeans = featureMeans.clone();
            featureScales = featureScales.clone();
            responseMeans = responseMeans.clone();
        }

        @Override public double[] featureMeans() { return featureMeans.clone(); }

        @Override public double[] featureScales() { return featureScales.clone(); }

        @Override public double[] responseMeans() { return responseMeans.clone(); }

        /** (x - mean) / scale column by column. */
        public DenseMatrix standardize(DenseMatrix x) {
            int n = x.rows(), d = x.cols();
            double[] a = x.toColumnMajor();
            for (int j = 0; j < d; j++) {
                for (int i = 0; i < n; i++) a[j * n + i] = (a[j * n + i] - featureMeans[j]) / featureScales[j];
            }
            return DenseMatrix.fromColumnMajor(n, d, a);
        }
    }

    public DualEncoderModel {
        taskLabels = List.copyOf(taskLabels);
        List<double[]> sp = new ArrayList<>();
        for (double[] v : specificParameters) sp.add(v.clone());
        specificParameters = List.copyOf(sp);
        sharedParameters = sharedParameters.clone();
        intercepts = intercepts.clone();
        alphas = deepCopy(alphas);
        betas = deepCopy(betas);
        alphaCenter = alphaCenter.clone();
        betaCenter = betaCenter.clone();
        validationLosses = List.copyOf(validationLosses);
        java.util.Objects.requireNonNull(termination, "termination");
        int tasks = taskLabels.size();
        if (specificParameters.size() != tasks || intercepts.length != tasks || alphas.length != tasks || betas.length != tasks) {
            throw new IllegalArgumentException("per-task arrays must have one entry per task (" + tasks + ")");
        }
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }

    @Override public List<double[]> specificParameters() {
        List<double[]> out = new ArrayList<>();
        for (double[] v : specificParameters) out.add(v.clone());
        return out;
    }

    @Override public double[] sharedParameters() { return sharedParameters.clone(); }

    @Override public double[] intercepts() { return intercepts.clone(); }

    @Override public double[][] alphas() { return deepCopy(alphas); }

    @Override public double[][] betas() { return deepCopy(betas); }

    @Override public double[] alphaCenter() { return alphaCenter.clone(); }

    @Override public double[] betaCenter() { return betaCenter.clone(); }

    public int taskCount() { return taskLabels.size(); }

    /** Predictions for rows x (n x d, raw feature scale) of task {@code task}, on that task's response scale. */
    @Override
    public double[] predict(int task, DenseMatrix x) {
        double[] f = predictStandardized(task, scaling.standardize(x));
        for (int i = 0; i < f.length; i++) f[i] = scaling.responseMeans[task] + scaling.responseScale * f[i];
        return f;
    }

    public double[] predict(String taskLabel, DenseMatrix x) {
        int k = taskLabels.indexOf(taskLabel);
        if (k < 0) throw new IllegalArgumentException("unknown task '" + taskLabel + "'; the model knows " + taskLabels);
        return predict(k, x);
    }

    /** c_r + S_r(x̃) alpha_r + C(x̃) beta_r for already standardized rows. */
    double[] predictStandardized(int task, DenseMatrix xs) {
        DenseMatrix h = specificEncoder.forward(specificParameters.get(task), xs).output();
        DenseMatrix z = sharedEncoder.forward(sharedParameters, xs).output();
        double[] f = new double[xs.rows()];
        java.util.Arrays.fill(f, intercepts[task]);
        for (int k = 0; k < h.cols(); k++) h.addScaledColumnInto(k, alphas[task][k], f);
        for (int k = 0; k < z.cols(); k++) z.addScaledColumnInto(k, betas[task][k], f);
        return f;
    }

    /** Tasks whose alpha equals the center exactly (fused by the group penalty, spec §3 step 4). */
    public List<String> fusedToAlphaCenter() { return fused(alphas, alphaCenter); }

    /** Tasks whose beta equals the center exactly. */
    public List<String> fusedToBetaCenter() { return fused(betas, betaCenter); }

    private List<String> fused(double[][] coef, double[] center) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < coef.length; r++) {
            boolean same = true;
            for (int k = 0; k < center.length; k++) same &= coef[r][k] == center[k]; // == so that 0.0 matches -0.0
            if (same) out.add(taskLabels.get(r));
        }
        return out;
    }
}
