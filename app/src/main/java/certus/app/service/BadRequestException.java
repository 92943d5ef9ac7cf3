package certus.app.service;

/** A request the service cannot take; {@code status} is the HTTP code (400, 401, 404, 409, 413, 429). */
public final class BadRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public BadRequestException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
