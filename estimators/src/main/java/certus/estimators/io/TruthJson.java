package certus.estimators.io;

import certus.estimators.sim.Simulation;
import certus.estimators.sim.SimulationDesign;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The truth file of {@code certus simulate}: the design, per-task noise variances, and the true tasks in the
 * same shape as a model's {@code tasks} array, so the same tools read both.
 */
public final class TruthJson {
    private TruthJson() {}

    public static String write(Simulation sim) {
        ObjectNode root = ModelJson.MAPPER.createObjectNode();
        SimulationDesign d = sim.design();
        ObjectNode design = root.putObject("design");
        design.put("p", d.p());
        design.put("tasks", d.tasks());
        design.put("n", d.n());
        design.put("test_n", d.testN());
        design.put("support_size", d.supportSize());
        design.put("common", d.common());
        design.put("rho", d.rho());
        design.put("beta_var", d.betaVar());
        ModelJson.putNumber(design, "noise_var", d.noiseVar());
        ModelJson.putNumber(design, "snr", d.snr());
        design.put("seed", d.seed());
        ArrayNode noise = root.putArray("noise_variances");
        for (double v : sim.noiseVariances()) noise.add(v);
        ArrayNode features = root.putArray("features");
        sim.train().featureNames().forEach(features::add);
        ModelJson.writeTasks(root.putArray("tasks"), sim.train().featureNames(), sim.train().taskLabels(), sim.truth());
        return ModelJson.toText(root);
    }
}
