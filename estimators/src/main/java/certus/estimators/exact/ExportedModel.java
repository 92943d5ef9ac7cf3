package certus.estimators.exact;

import certus.formulations.MKind;
import certus.solver.Model;

import java.util.List;

/**
 * The Big-M MIQP of a certify run, ready to be written to a file ({@code certus export}).
 *
 * @param model  the neutral model: Big-M links, objective equal to F (on the standardized data if asked)
 * @param header lines for the file's comment header: problem, M and its kind, variable naming, standardization
 * @param mKind  PROVEN (ridge &gt; 0) or CHECKED (ridge = 0: heuristic M)
 * @param maxM   the largest M
 */
public record ExportedModel(Model model, List<String> header, MKind mKind, double maxM) {
    public ExportedModel {
        header = List.copyOf(header);
    }
}
