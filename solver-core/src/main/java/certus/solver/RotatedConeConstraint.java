package certus.solver;

import java.util.Arrays;
import java.util.Objects;

/**
 * Rotated second-order cone {@code sum_i x[members[i]]^2 <= x[u] * x[v]} with {@code x[u], x[v] >= 0}. This is
 * the perspective constraint {@code beta^2 <= t z} of the ridge term; it is convex although the quadratic form
 * is indefinite, so a backend must declare {@link Capability#ROTATED_CONE} to take it.
 */
public record RotatedConeConstraint(String name, int u, int v, int[] members) {
    public RotatedConeConstraint {
        Objects.requireNonNull(name, "name");
        members = members.clone();
    }

    @Override
    public int[] members() { return members.clone(); }

    public double violation(double[] x) {
        double lhs = 0;
        for (int m : members) lhs += x[m] * x[m];
        return Math.max(0.0, lhs - x[u] * x[v]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RotatedConeConstraint c && c.name.equals(name) && c.u == u && c.v == v && Arrays.equals(c.members, members);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, u, v, Arrays.hashCode(members));
    }
}
