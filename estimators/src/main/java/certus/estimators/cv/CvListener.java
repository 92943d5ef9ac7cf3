package certus.estimators.cv;

/** Progress of a CV run (the CLI prints it to stderr). Called from worker threads: implementations must be thread-safe. */
@FunctionalInterface
public interface CvListener {
    CvListener NONE = (done, total, message) -> { };

    void onProgress(int done, int total, String message);
}
