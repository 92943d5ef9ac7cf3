package certus.app.service;

/** Life cycle of a job. Terminal states never change again. */
public enum JobState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, INTERRUPTED;

    public boolean terminal() {
        return this != QUEUED && this != RUNNING;
    }
}
