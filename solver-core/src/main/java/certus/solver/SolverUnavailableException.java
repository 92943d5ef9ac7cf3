package certus.solver;

/** A backend that is unknown, not on the classpath, or unusable here (no licence, natives failed to load). */
public final class SolverUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SolverUnavailableException(String message) {
        super(message);
    }

    public SolverUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
