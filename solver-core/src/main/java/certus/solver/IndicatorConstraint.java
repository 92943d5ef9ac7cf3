package certus.solver;

import java.util.Objects;

/**
 * {@code x[binary] == activeValue  =>  constraint holds}. Lets a backend that supports it enforce
 * "z_kj = 0 implies beta_kj = 0" with no big-M at all (SCIP does).
 */
public record IndicatorConstraint(String name, int binary, boolean activeValue, LinearConstraint constraint) {
    public IndicatorConstraint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(constraint, "constraint");
    }
}
