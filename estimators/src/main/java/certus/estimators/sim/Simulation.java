package certus.estimators.sim;

import certus.data.MultiTaskData;
import certus.smtl.SmtlSolution;

/**
 * A simulated data set and the truth that generated it.
 *
 * @param design         the design it came from
 * @param train          training data (n rows per task)
 * @param test           held-out data from the same model (testN rows per task), null when testN = 0
 * @param truth          true intercepts, coefficients and supports (tasks and features in data order)
 * @param noiseVariances sigma_k^2 per task
 */
public record Simulation(SimulationDesign design, MultiTaskData train, MultiTaskData test, SmtlSolution truth,
                         double[] noiseVariances) {
    public Simulation {
        noiseVariances = noiseVariances.clone();
    }

    @Override
    public double[] noiseVariances() {
        return noiseVariances.clone();
    }
}
