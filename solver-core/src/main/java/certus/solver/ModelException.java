package certus.solver;

/** A model that is malformed (NaN, lb &gt; ub, bad index) or that a backend cannot take (missing capability). */
public final class ModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelException(String message) {
        super(message);
    }
}
