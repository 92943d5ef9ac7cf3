package certus.app.cli;

/**
 * The one place that picks the CSV reader. Interim: {@link SimpleCsvSource}; at merge time swap in an adapter
 * over {@code certus.data.MultiTaskCsvReader} here and nowhere else.
 */
final class DataLoading {
    private static final DatasetSource SOURCE = new SimpleCsvSource();

    private DataLoading() {}

    static DatasetSource source() {
        return SOURCE;
    }
}
