package certus.estimators.cv;

import certus.estimators.SmtlModel;

import java.util.List;

/**
 * Outcome of cross-validation.
 *
 * @param rows        one row per grid point, in path order
 * @param folds       number of folds
 * @param bestIndex   row with the smallest mean error
 * @param chosenIndex row chosen by the 1-SE rule
 * @param model       refit on all data with the chosen parameters
 */
public record CvResult(List<CvRow> rows, int folds, int bestIndex, int chosenIndex, SmtlModel model) {
    public CvResult {
        rows = List.copyOf(rows);
    }

    public CvRow chosen() {
        return rows.get(chosenIndex);
    }
}
