package certus.app.service;

/**
 * A stored job. Texts are JSON (request, progress, result, checkpoint) or null when not there yet.
 *
 * @param sequence   submission order (the queue order, also after a restart)
 * @param checkpoint the last snapshot result of a running certify job (its warm start with the bound proven so far):
 *                   what the job reports, state INTERRUPTED, if the server dies before it ends
 */
public record JobRecord(String id, long sequence, String kind, JobState state, String request, String progress, String result,
                        String error, String checkpoint, long createdMillis, long updatedMillis) {}
