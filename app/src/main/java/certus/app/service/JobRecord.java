package certus.app.service;

/**
 * A stored job. Texts are JSON (request, progress, result) or null when not there yet.
 *
 * @param sequence submission order (the queue order, also after a restart)
 */
public record JobRecord(String id, long sequence, String kind, JobState state, String request, String progress, String result,
                        String error, long createdMillis, long updatedMillis) {}
