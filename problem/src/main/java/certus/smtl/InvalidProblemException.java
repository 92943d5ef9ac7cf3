package certus.smtl;

/** A problem specification that cannot be solved as given (s out of range, negative or non-finite weights). */
public final class InvalidProblemException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidProblemException(String message) {
        super(message);
    }
}
