package certus.estimators.dualenc;

import certus.estimators.FitControl;
import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.estimators.Termination;
import certus.tensor.DenseMatrix;
import certus.tensor.SymmetricSolver;
import certus.tensor.nn.Adam;
import certus.tensor.nn.Mlp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Fits the dual-encoder model by the alternating algorithm of dualencoder.md §3: Adam on the encoders, proximal
 * gradient on the coefficients, a center update, early stopping on a per-task validation split. Single-threaded and
 * deterministic: one seed drives the split, the encoder initialization and the minibatches through separate
 * {@link SplittableRandom} streams, so the same data and options give bit-identical models.
 */
public final class DualEncoderFitter {
    /** Spec §3 step 2: ridge of the initial per-task coefficient fit (the intercept is not penalized). */
    static final double INIT_RIDGE = 1e-3;

    private final DualEncoderOptions o;
    private final int tasks;
    private final Mlp specific;
    private final Mlp shared;
    private final DenseMatrix[] trainX, valX;
    private final double[][] trainY, valY;
    private final CoefficientStep.Penalty[] penalties;
    private final double[] alphaWeights, betaWeights;
    private final SplittableRandom batchRnd;

    private final double[][] sParams;
    private final double[] cParams;
    private Coefficients coef;

    private DualEncoderFitter(MultiTaskData data, DualEncoderOptions o, DualEncoderModel.Scaling scaling, TaskSplit[] splits) {
        this.o = o;
        this.tasks = data.taskCount();
        SplittableRandom root = new SplittableRandom(o.seed());
        SplittableRandom splitRnd = root.split(), initRnd = root.split();
        int d = data.featureCount();
        int smallest = data.tasks().stream().mapToInt(TaskData::rows).min().orElseThrow();
        int[] hidden = o.architecture().hiddenWidths(smallest).stream().mapToInt(Integer::intValue).toArray();
        specific = encoder(d, hidden, o.q(), o);
        shared = encoder(d, hidden, o.p(), o);
        trainX = new DenseMatrix[tasks];
        valX = new DenseMatrix[tasks];
        trainY = new double[tasks][];
        valY = new double[tasks][];
        penalties = new CoefficientStep.Penalty[tasks];
        alphaWeights = new double[tasks];
        betaWeights = new double[tasks];
        double[] responseMeans = scaling.responseMeans();
        for (int r = 0; r < tasks; r++) {
            TaskData t = data.task(r);
            DenseMatrix xs = scaling.standardize(t.x());
            double[] ys = t.y();
            for (int i = 0; i < ys.length; i++) ys[i] = (ys[i] - responseMeans[r]) / scaling.responseScale();
            TaskSplit split = splits != null ? splits[r] : TaskSplit.of(t.rows(), o.validationShare(), splitRnd);
            trainX[r] = xs.selectRows(split.train());
            valX[r] = xs.selectRows(split.validation());
            trainY[r] = select(ys, split.train());
            valY[r] = select(ys, split.validation());
            alphaWeights[r] = o.alphaWeight(split.train().length);
            betaWeights[r] = o.betaWeight(split.train().length);
            penalties[r] = new CoefficientStep.Penalty(alphaWeights[r], betaWeights[r], o.squared());
        }
        cParams = shared.initialParameters(initRnd.nextLong());
        sParams = new double[tasks][];
        for (int r = 0; r < tasks; r++) sParams[r] = specific.initialParameters(initRnd.nextLong());
        this.batchRnd = root.split();
    }

    /** An encoder d -> latent, or the parameter-free empty map when the latent size is 0 (encoder switched off). */
    private static Mlp encoder(int d, int[] hidden, int latent, DualEncoderOptions o) {
        return latent == 0 ? Mlp.empty(d, o.activation()) : Mlp.of(d, hidden, latent, o.activation());
    }

    /**
     * Fits the model; {@code progress} receives one line per epoch. The data are standardized here (pooled features,
     * per-task centered responses with one pooled scale), so the caller passes raw data.
     */
    public static DualEncoderModel fit(MultiTaskData data, DualEncoderOptions options, Consumer<String> progress) {
        return fit(data, options, progress, FitControl.none());
    }

    /**
     * As {@link #fit(MultiTaskData, DualEncoderOptions, Consumer)}, stopping early at the control's deadline or
     * cancellation (polled once per epoch) with the best state so far; the model's termination says which limit hit.
     */
    public static DualEncoderModel fit(MultiTaskData data, DualEncoderOptions options, Consumer<String> progress, FitControl control) {
        return fit(data, options, progress, control, null);
    }

    /**
     * As above with given per-task train/validation row splits (K-fold epoch selection) instead of the seeded random
     * split of {@link DualEncoderOptions#validationShare()}; null for the seeded split.
     */
    static DualEncoderModel fit(MultiTaskData data, DualEncoderOptions options, Consumer<String> progress, FitControl control,
                                TaskSplit[] splits) {
        if (splits != null && splits.length != data.taskCount()) {
            throw new IllegalArgumentException(splits.length + " splits for " + data.taskCount() + " tasks");
        }
        DualEncoderModel.Scaling scaling = scaling(data);
        DualEncoderFitter f = new DualEncoderFitter(data, options, scaling, splits);
        return f.run(data, scaling, progress == null ? s -> { } : progress, control);
    }

    private record Snapshot(double[][] sParams, double[] cParams, Coefficients coef, int epoch) {}

    private DualEncoderModel run(MultiTaskData data, DualEncoderModel.Scaling scaling, Consumer<String> progress, FitControl control) {
        initializeCoefficients();
        boolean validate = false;
        for (double[] v : valY) validate |= v.length > 0;
        List<Double> history = new ArrayList<>();
        Snapshot best = snapshot(0);
        double bestLoss = validate ? validationLoss() : Double.NaN;
        Adam.Settings adam = Adam.Settings.DEFAULTS.withLearningRate(o.learningRate());
        Adam[] adamS = new Adam[tasks];
        for (int r = 0; r < tasks; r++) adamS[r] = new Adam(specific.parameterCount(), adam);
        Adam adamC = new Adam(shared.parameterCount(), adam);
        EncoderObjective objective = new EncoderObjective(specific, shared, o.lambdaO(), o.omega());
        int sinceBest = 0;
        Termination termination = new Termination(Termination.Reason.FEASIBLE, Termination.Limit.ITERATIONS,
                "epoch cap " + o.epochs() + " reached");
        for (int epoch = 1; epoch <= o.epochs(); epoch++) {
            Termination.Limit hit = control.hit();
            if (hit != Termination.Limit.NONE) {
                String why = hit == Termination.Limit.TIME ? "time limit" : "interrupted";
                termination = new Termination(Termination.Reason.FEASIBLE, hit, why + " before epoch " + epoch
                        + "; the best state so far (epoch " + best.epoch() + ") is returned");
                progress.accept("stopped: " + termination.detail());
                break;
            }
            for (int s = 0; s < o.encoderSteps(); s++) {
                EncoderObjective.Evaluation ev = objective.evaluate(sParams, cParams, coef, minibatches(), true);
                for (int r = 0; r < tasks; r++) adamS[r].step(sParams[r], ev.specificGradients()[r]);
                adamC.step(cParams, ev.sharedGradient());
            }
            double trainLoss = coefficientStep();
            updateCenters();
            if (validate) {
                double loss = validationLoss();
                history.add(loss);
                if (loss < bestLoss) {
                    bestLoss = loss;
                    best = snapshot(epoch);
                    sinceBest = 0;
                } else {
                    sinceBest++;
                }
                progress.accept(String.format(Locale.ROOT, "epoch %d/%d: train mse %.6g, validation mse %.6g, best %.6g at epoch %d",
                        epoch, o.epochs(), trainLoss, loss, bestLoss, best.epoch()));
                if (sinceBest >= o.patience()) {
                    termination = new Termination(Termination.Reason.CONVERGED, Termination.Limit.NONE,
                            "early stop: no better validation loss for " + o.patience() + " epochs");
                    progress.accept(termination.detail());
                    break;
                }
            } else {
                best = snapshot(epoch);
                progress.accept(String.format(Locale.ROOT, "epoch %d/%d: train mse %.6g", epoch, o.epochs(), trainLoss));
            }
        }
        List<double[]> sp = Arrays.asList(best.sParams());
        Coefficients c = best.coef();
        return new DualEncoderModel(data.taskLabels(), specific, shared, sp, best.cParams(), c.intercept, c.alpha, c.beta,
                c.alphaBar, c.betaBar, scaling, best.epoch(), history, termination);
    }

    /** Spec §3 step 2: ridge on [1, S_r(X_r), C(X_r)] per task, centers = mean over tasks. */
    private void initializeCoefficients() {
        coef = new Coefficients(tasks, o.q(), o.p());
        int m = 1 + o.q() + o.p();
        for (int r = 0; r < tasks; r++) {
            DenseMatrix h = specific.forward(sParams[r], trainX[r]).output();
            DenseMatrix z = shared.forward(cParams, trainX[r]).output();
            int n = trainY[r].length;
            double[] g = CoefficientStep.gram(h, z);
            for (int i = 0; i < g.length; i++) g[i] /= n;
            for (int k = 1; k < m; k++) g[k * m + k] += INIT_RIDGE;
            double[] rhs = new double[m];
            for (int i = 0; i < n; i++) rhs[0] += trainY[r][i] / n;
            for (int k = 0; k < o.q(); k++) rhs[1 + k] = h.columnDot(k, trainY[r]) / n;
            for (int k = 0; k < o.p(); k++) rhs[1 + o.q() + k] = z.columnDot(k, trainY[r]) / n;
            double[] theta = SymmetricSolver.solvePsd(g, rhs, m);
            coef.intercept[r] = theta[0];
            System.arraycopy(theta, 1, coef.alpha[r], 0, o.q());
            System.arraycopy(theta, 1 + o.q(), coef.beta[r], 0, o.p());
        }
        double[] equal = new double[tasks];
        Arrays.fill(equal, 1.0);
        if (o.alphaCenter()) coef.alphaBar = CenterUpdate.center(coef.alpha, equal, CenterUpdate.Mode.MEAN);
        coef.betaBar = CenterUpdate.center(coef.beta, equal, CenterUpdate.Mode.MEAN);
    }

    /**
     * Spec §3b on full-batch training latents (or the joint step when asked); returns the mean over tasks of the
     * training MSE afterwards.
     */
    private double coefficientStep() {
        DenseMatrix[] h = new DenseMatrix[tasks], z = new DenseMatrix[tasks];
        for (int r = 0; r < tasks; r++) {
            h[r] = specific.forward(sParams[r], trainX[r]).output();
            z[r] = shared.forward(cParams, trainX[r]).output();
        }
        if (o.jointCenterStep()) {
            JointCoefficientStep.run(h, z, trainY, coef, penalties, o.proxSteps(), o.alphaCenter());
        } else {
            for (int r = 0; r < tasks; r++) CoefficientStep.run(h[r], z[r], trainY[r], coef, r, penalties[r], o.proxSteps());
        }
        double total = 0;
        for (int r = 0; r < tasks; r++) total += mse(coef.predict(r, h[r], z[r]), trainY[r]);
        return total / tasks;
    }

    private void updateCenters() {
        if (o.alphaCenter()) coef.alphaBar = CenterUpdate.center(coef.alpha, alphaWeights, o.centerMode());
        coef.betaBar = CenterUpdate.center(coef.beta, betaWeights, o.centerMode());
    }

    /** Mean over tasks of the validation MSE (standardized scale). */
    private double validationLoss() {
        double total = 0;
        for (int r = 0; r < tasks; r++) {
            DenseMatrix h = specific.forward(sParams[r], valX[r]).output();
            DenseMatrix z = shared.forward(cParams, valX[r]).output();
            total += mse(coef.predict(r, h, z), valY[r]);
        }
        return total / tasks;
    }

    /** One minibatch of min(n_r, batchSize) training rows per task, drawn without replacement. */
    private List<EncoderObjective.Batch> minibatches() {
        List<EncoderObjective.Batch> out = new ArrayList<>(tasks);
        for (int r = 0; r < tasks; r++) {
            int n = trainY[r].length;
            if (o.batchSize() >= n) {
                out.add(new EncoderObjective.Batch(trainX[r], trainY[r]));
                continue;
            }
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) idx[i] = i;
            for (int i = 0; i < o.batchSize(); i++) { // partial Fisher-Yates
                int j = i + batchRnd.nextInt(n - i);
                int t = idx[i]; idx[i] = idx[j]; idx[j] = t;
            }
            int[] rows = Arrays.copyOf(idx, o.batchSize());
            out.add(new EncoderObjective.Batch(trainX[r].selectRows(rows), select(trainY[r], rows)));
        }
        return out;
    }

    private Snapshot snapshot(int epoch) {
        double[][] s = new double[tasks][];
        for (int r = 0; r < tasks; r++) s[r] = sParams[r].clone();
        return new Snapshot(s, cParams.clone(), coef.copy(), epoch);
    }

    /** Pooled feature means and sds (sd 1 for a constant column) and per-task response means with one pooled sd. */
    static DualEncoderModel.Scaling scaling(MultiTaskData data) {
        int d = data.featureCount(), total = data.totalRows();
        double[] mean = new double[d], scale = new double[d];
        for (TaskData t : data.tasks()) for (int j = 0; j < d; j++) mean[j] += t.x().columnMean(j) * t.rows();
        for (int j = 0; j < d; j++) mean[j] /= total;
        for (TaskData t : data.tasks()) {
            for (int j = 0; j < d; j++) {
                for (int i = 0; i < t.rows(); i++) scale[j] += Math.pow(t.x().get(i, j) - mean[j], 2);
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = Math.sqrt(scale[j] / total);
            if (!(scale[j] > 0)) scale[j] = 1.0;
        }
        double[] yMean = new double[data.taskCount()];
        double ss = 0;
        for (int r = 0; r < data.taskCount(); r++) {
            TaskData t = data.task(r);
            yMean[r] = t.responseMean();
            for (int i = 0; i < t.rows(); i++) ss += Math.pow(t.y(i) - yMean[r], 2);
        }
        double yScale = Math.sqrt(ss / total);
        return new DualEncoderModel.Scaling(mean, scale, yMean, yScale > 0 ? yScale : 1.0);
    }

    private static double mse(double[] f, double[] y) {
        if (y.length == 0) return 0;
        double s = 0;
        for (int i = 0; i < y.length; i++) s += (y[i] - f[i]) * (y[i] - f[i]);
        return s / y.length;
    }

    private static double[] select(double[] v, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) out[i] = v[rows[i]];
        return out;
    }
}
