package certus.solver.io;

/**
 * A model file (MPS) that cannot be read: the message names the source, the line number and what was expected,
 * e.g. {@code model.mps:12: COLUMNS entry names row 'c9', which ROWS does not declare}.
 */
public final class ModelFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelFileException(String message) {
        super(message);
    }

    static ModelFileException at(String source, int line, String problem) {
        return new ModelFileException(source + ":" + line + ": " + problem);
    }
}
