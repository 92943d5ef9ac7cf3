package certus.benchmarks;

import certus.estimators.sim.Simulation;
import certus.estimators.sim.SimulationDesign;
import certus.estimators.sim.Simulator;
import certus.data.MultiTaskData;
import certus.data.TaskData;
import certus.smtl.SmtlProblem;
import certus.tensor.DenseMatrix;

import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark designs, built once per JMH trial from the production simulator (AR(0.5) features,
 * SNR 5, seed 1) so every run measures the same problem.
 */
final class BenchmarkProblems {
    private BenchmarkProblems() {}

    /** K=1, n=1000, p=10000, s=10: single-task best subset at scale. */
    static SmtlProblem singleTaskLarge() {
        Simulation sim = Simulator.simulate(new SimulationDesign(10_000, 1, 1000, 0, 10, 10, 0.5, 0.0, null, 5.0, 1));
        return new SmtlProblem(sim.train(), 10, 1e-3, 0.0, 0.0, false);
    }

    /** K=5, n_k=100, p=2500, s=10 with Zbar (5 shared + 5 task-specific true features per task). */
    static SmtlProblem multiTaskZbar() {
        Simulation sim = Simulator.simulate(new SimulationDesign(2500, 5, 100, 0, 10, 5, 0.5, 0.0, null, 5.0, 1));
        return new SmtlProblem(sim.train(), 10, 1e-3, 0.0, 0.01, false);
    }

    /** A deep copy (new matrix objects), so identity-keyed caches see new data. */
    static MultiTaskData copy(MultiTaskData data) {
        List<TaskData> tasks = new ArrayList<>();
        for (TaskData t : data.tasks()) {
            DenseMatrix x = DenseMatrix.fromColumnMajor(t.rows(), t.features(), t.x().toColumnMajor());
            tasks.add(new TaskData(t.label(), x, t.y()));
        }
        return new MultiTaskData(data.featureNames(), tasks);
    }

    /** The paper preset's size: K=5, n_k=50, p=250, s=10 with Zbar and Bbar (support pool of 20). */
    static SmtlProblem paperSized() {
        Simulation sim = Simulator.simulate(new SimulationDesign(250, 5, 50, 0, 10, 0, 0.5, 1.0, null, 5.0, 1, 20));
        return new SmtlProblem(sim.train(), 10, 0.1, 0.1, 0.01, false);
    }

    static SmtlProblem byName(String name) {
        return switch (name) {
            case "K5_n50_p250_zbar_bbar" -> paperSized();
            case "K1_n1000_p10000" -> singleTaskLarge();
            case "K5_n100_p2500_zbar" -> multiTaskZbar();
            default -> throw new IllegalArgumentException("unknown benchmark problem " + name);
        };
    }
}
