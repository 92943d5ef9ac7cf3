package certus.solver.io;

import certus.solver.Model;
import certus.solver.ModelException;

import java.util.List;
import java.util.Locale;

/**
 * Writes a model's hint as a MIP start: one {@code name value} line per column, under the same file names and
 * least-squares form as {@link MpsWriter} / {@link LpWriter} (so residual columns get their values too), {@code #}
 * comment lines first. Gurobi reads it as a {@code .mst} file and SCIP as a {@code .sol} file; the values are exact
 * ({@link Double#toString} round-trips).
 */
public final class StartWriter {
    private StartWriter() {}

    public static String write(Model model, List<String> header, LeastSquaresForm form) {
        if (!model.hasHint()) throw new ModelException("model " + model.name() + " has no hint to write as a start");
        FlatModel flat = FlatModel.of(model, form);
        StringBuilder out = new StringBuilder();
        out.append("# MIP start for model ").append(flat.name()).append(String.format(Locale.ROOT,
                " (objective at this point %s)%n", Double.toString(model.objective().evaluate(model.hint()))));
        for (String line : header) out.append("# ").append(line).append('\n');
        double[] x = flat.hint();
        for (int j = 0; j < x.length; j++) out.append(flat.variables().get(j).name()).append(' ').append(Double.toString(x[j])).append('\n');
        return out.toString();
    }
}
