package certus.solver;

import java.util.EnumSet;
import java.util.Set;

/** What a backend can take or do. A model's needs are computed by {@link #requiredBy}. */
public enum Capability {
    /** Linear objective and rows with integer variables. */
    MILP,
    /** Convex quadratic objective (including least-squares terms through a bridge) with integer variables. */
    MIQP,
    /** Rotated second-order cones (the perspective formulation). */
    ROTATED_CONE,
    /** Indicator constraints, enforced without big-M. */
    INDICATORS,
    /** Uses a solution hint as a starting incumbent. */
    HINTS,
    /** Can be stopped from another thread through a {@link CancellationToken}, returning its incumbent. */
    INTERRUPTION;

    /** The capabilities a backend must have to solve {@code model} (hints are optional, never required). */
    public static Set<Capability> requiredBy(Model model) {
        Set<Capability> need = EnumSet.of(model.objective().isLinear() ? MILP : MIQP);
        if (!model.cones().isEmpty()) need.add(ROTATED_CONE);
        if (!model.indicators().isEmpty()) need.add(INDICATORS);
        return need;
    }
}
