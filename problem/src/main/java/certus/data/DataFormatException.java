package certus.data;

/**
 * Bad input data: the message always names where (file, line, column) and what was expected, so a user can fix
 * the file without reading code. Thrown only at the boundary (readers, validators); inside, data is trusted.
 */
public final class DataFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataFormatException(String message) {
        super(message);
    }

    public DataFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
