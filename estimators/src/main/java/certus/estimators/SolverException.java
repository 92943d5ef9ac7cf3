package certus.estimators;

/** The engine failed (a bug or a numerical breakdown), as opposed to bad input. The CLI exits with 3. */
public final class SolverException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SolverException(String message) {
        super(message);
    }

    public SolverException(String message, Throwable cause) {
        super(message, cause);
    }
}
