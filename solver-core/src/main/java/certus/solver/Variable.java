package certus.solver;

import java.util.Objects;

/**
 * A model variable. Bounds may be infinite for continuous and integer variables; binaries have bounds inside
 * [0, 1] (fixing a binary is allowed). Validated by {@link Model}, not here, so that the model can report every
 * problem with the variable's name.
 */
public record Variable(int index, String name, VarType type, double lower, double upper) {
    public Variable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public boolean isInteger() {
        return type != VarType.CONTINUOUS;
    }
}
