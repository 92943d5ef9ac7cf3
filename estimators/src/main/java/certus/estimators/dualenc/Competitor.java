package certus.estimators.dualenc;

import certus.estimators.FitControl;
import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.tensor.DenseMatrix;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The dual encoder and the neural competitors of dualencoder.md §5, all fitted by {@link DualEncoderFitter} from one
 * set of options so that they differ only in what they share: same hidden layers, optimizer, schedule, early stopping
 * and seed. An encoder is switched off by a latent size of 0 (the empty map). The models with a single encoder get
 * the dual encoder's total latent size q + p, so capacity is not what separates them; the two ablations keep their
 * own encoder's size (they are the dual encoder minus one part).
 */
public enum Competitor {
    /** Task-specific encoders S_r and shared encoder C, both coefficient sets pulled to their centers. */
    DUAL_ENCODER("dual encoder") {
        @Override
        DualEncoderOptions options(DualEncoderOptions o) { return o; }
    },
    /** One network per task, fitted on that task alone: nothing is shared. */
    SINGLE_TASK_MLP("single-task MLP") {
        @Override
        DualEncoderOptions options(DualEncoderOptions o) { return o.withLatentSizes(0, o.q() + o.p()); }

        @Override
        public MultiTaskPredictor fit(MultiTaskData train, DualEncoderOptions o, int epochFolds, Consumer<String> progress) {
            List<DualEncoderModel> perTask = new ArrayList<>();
            for (TaskData t : train.tasks()) {
                perTask.add(fitModel(new MultiTaskData(train.featureNames(), List.of(t)), options(o), epochFolds, progress));
            }
            return (task, x) -> perTask.get(task).predict(0, x);
        }
    },
    /** One network and one head for all rows, task labels ignored: everything is shared. */
    POOLED_MLP("pooled MLP") {
        @Override
        DualEncoderOptions options(DualEncoderOptions o) { return o.withLatentSizes(0, o.q() + o.p()); }

        @Override
        public MultiTaskPredictor fit(MultiTaskData train, DualEncoderOptions o, int epochFolds, Consumer<String> progress) {
            DualEncoderModel pooled = fitModel(pooledAsOneTask(train), options(o), epochFolds, progress);
            return (task, x) -> pooled.predict(0, x);
        }
    },
    /** One shared network with a free linear head (and intercept) per task. */
    SHARED_BOTTOM_MLP("shared-bottom MLP, task heads") {
        @Override
        DualEncoderOptions options(DualEncoderOptions o) {
            return o.withLatentSizes(0, o.q() + o.p()).withPenalties(o.lambdaO(), o.lambdaAlpha(), 0.0);
        }
    },
    /** Ablation: the dual encoder without the task-specific encoders (heads still pulled to their center). */
    SHARED_ONLY("shared-only ablation (no S_r)") {
        @Override
        DualEncoderOptions options(DualEncoderOptions o) { return o.withLatentSizes(0, o.p()); }
    },
    /** Ablation: the dual encoder without the shared encoder (specific coefficients still pulled to their center). */
    SPECIFIC_ONLY("specific-only ablation (no C)") {
        @Override
        DualEncoderOptions options(DualEncoderOptions o) { return o.withLatentSizes(o.q(), 0); }
    };

    private final String label;

    Competitor(String label) { this.label = label; }

    /** Human-readable name for tables. */
    public String label() { return label; }

    /** The fitter options this competitor uses, derived from the dual encoder's. */
    abstract DualEncoderOptions options(DualEncoderOptions dualEncoderOptions);

    /** Fits this competitor on {@code train}, early stopping on the fitter's validation split. */
    public MultiTaskPredictor fit(MultiTaskData train, DualEncoderOptions dualEncoderOptions, Consumer<String> progress) {
        return fit(train, dualEncoderOptions, 0, progress);
    }

    /**
     * Fits this competitor on {@code train}; {@code progress} receives the fitter's epoch lines.
     *
     * @param epochFolds 0: early stopping on the fitter's validation split; K >= 2: {@link KFoldEpochs} with K folds
     */
    public MultiTaskPredictor fit(MultiTaskData train, DualEncoderOptions dualEncoderOptions, int epochFolds, Consumer<String> progress) {
        return fitModel(train, options(dualEncoderOptions), epochFolds, progress);
    }

    private static DualEncoderModel fitModel(MultiTaskData train, DualEncoderOptions o, int epochFolds, Consumer<String> progress) {
        return epochFolds >= 2 ? KFoldEpochs.fit(train, o, epochFolds, progress, FitControl.none()).model()
                : DualEncoderFitter.fit(train, o, progress);
    }

    /** All tasks' rows as one task (labelled "all"), in task order. */
    static MultiTaskData pooledAsOneTask(MultiTaskData data) {
        int d = data.featureCount(), n = data.totalRows();
        double[] x = new double[n * d];
        double[] y = new double[n];
        int row = 0;
        for (TaskData t : data.tasks()) {
            for (int i = 0; i < t.rows(); i++, row++) {
                for (int j = 0; j < d; j++) x[j * n + row] = t.x().get(i, j);
                y[row] = t.y(i);
            }
        }
        return new MultiTaskData(data.featureNames(), List.of(new TaskData("all", DenseMatrix.fromColumnMajor(n, d, x), y)));
    }
}
