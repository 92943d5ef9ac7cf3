package certus.data;

import certus.tensor.DenseMatrix;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A file of rows to predict, read against a fitted model. Unlike {@link MultiTaskData} it stays in input order
 * (predictions are written one per input row) and a task may have any number of rows, even one, because nothing
 * is fitted on it. Features are in the model's order whatever the file's column order was.
 */
public final class PredictionData {
    private final String source;
    private final List<String> featureNames;
    private final DenseMatrix x;
    private final List<String> taskLabels;
    private final int[] taskIndex;
    private final long[] lines;
    private final double[] response;
    private final List<String> warnings;

    /**
     * @param source       file name used in messages
     * @param featureNames the model's feature names, the column order of {@code x}
     * @param x            N x p, row i is input data row i
     * @param taskLabels   task label of each row
     * @param taskIndex    index of each row's task in the model's task list
     * @param lines        1-based line on which each row starts
     * @param response     the response of each row, or null when the file has no response column
     * @param warnings     warnings for the caller to show
     */
    public PredictionData(String source, List<String> featureNames, DenseMatrix x, List<String> taskLabels, int[] taskIndex,
                          long[] lines, double[] response, List<String> warnings) {
        this.source = Objects.requireNonNull(source, "source");
        this.featureNames = List.copyOf(featureNames);
        this.x = Objects.requireNonNull(x, "x");
        this.taskLabels = List.copyOf(taskLabels);
        this.taskIndex = taskIndex.clone();
        this.lines = lines.clone();
        this.response = response == null ? null : response.clone();
        this.warnings = List.copyOf(warnings);
        int n = x.rows();
        if (x.cols() != this.featureNames.size() || this.taskLabels.size() != n || this.taskIndex.length != n
                || this.lines.length != n || (this.response != null && this.response.length != n)) {
            throw new IllegalArgumentException("inconsistent prediction data: x is " + x.rows() + "x" + x.cols() + ", "
                    + this.featureNames.size() + " features, " + this.taskLabels.size() + " labels, " + this.taskIndex.length
                    + " task indices, " + this.lines.length + " lines");
        }
    }

    public String source() { return source; }

    public List<String> featureNames() { return featureNames; }

    /** N x p design in the model's feature order. */
    public DenseMatrix x() { return x; }

    public int rowCount() { return x.rows(); }

    /** A copy of input row i in the model's feature order. */
    public double[] row(int i) { return x.row(i); }

    public String taskLabel(int i) { return taskLabels.get(i); }

    public List<String> taskLabels() { return taskLabels; }

    /** Index of row i's task in the model's task list (as passed to the reader). */
    public int taskIndex(int i) { return taskIndex[i]; }

    /** 1-based line on which input row i starts. */
    public long line(int i) { return lines[i]; }

    public boolean hasResponse() { return response != null; }

    /** The response column, when the file has one (e.g. to score predictions). */
    public Optional<double[]> response() {
        return response == null ? Optional.empty() : Optional.of(response.clone());
    }

    public List<String> warnings() { return warnings; }

    @Override
    public String toString() {
        return "PredictionData[" + source + ", N=" + rowCount() + ", p=" + featureNames.size() + (hasResponse() ? ", with response" : "") + "]";
    }
}
