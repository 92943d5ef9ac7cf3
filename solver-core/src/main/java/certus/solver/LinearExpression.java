package certus.solver;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Immutable sparse affine expression {@code constant + sum_i coefficients[i] * x[variables[i]]}. Duplicate
 * variables are merged on construction and exact zeros dropped, so backends never see them.
 */
public final class LinearExpression {
    private static final LinearExpression ZERO = new LinearExpression(new int[0], new double[0], 0.0);

    private final int[] variables;
    private final double[] coefficients;
    private final double constant;

    private LinearExpression(int[] variables, double[] coefficients, double constant) {
        this.variables = variables;
        this.coefficients = coefficients;
        this.constant = constant;
    }

    public static LinearExpression zero() {
        return ZERO;
    }

    public static LinearExpression constant(double c) {
        return new LinearExpression(new int[0], new double[0], c);
    }

    public static LinearExpression of(int[] variables, double[] coefficients, double constant) {
        if (variables.length != coefficients.length) {
            throw new IllegalArgumentException(variables.length + " variables but " + coefficients.length + " coefficients");
        }
        Builder b = builder();
        for (int i = 0; i < variables.length; i++) b.add(variables[i], coefficients[i]);
        return b.addConstant(constant).build();
    }

    public static LinearExpression term(int variable, double coefficient) {
        return builder().add(variable, coefficient).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int size() { return variables.length; }

    public int variable(int i) { return variables[i]; }

    public double coefficient(int i) { return coefficients[i]; }

    public double constant() { return constant; }

    public int[] variables() { return variables.clone(); }

    public double[] coefficients() { return coefficients.clone(); }

    /** Value at a point x (indexed by variable index). */
    public double evaluate(double[] x) {
        double v = constant;
        for (int i = 0; i < variables.length; i++) v += coefficients[i] * x[variables[i]];
        return v;
    }

    public LinearExpression withoutConstant() {
        return constant == 0.0 ? this : new LinearExpression(variables, coefficients, 0.0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinearExpression e && Arrays.equals(e.variables, variables) && Arrays.equals(e.coefficients, coefficients)
                && Double.compare(e.constant, constant) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(variables) * 31 + Arrays.hashCode(coefficients) + Double.hashCode(constant);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < variables.length; i++) sb.append(i == 0 ? "" : " + ").append(coefficients[i]).append("*x").append(variables[i]);
        if (constant != 0 || variables.length == 0) sb.append(variables.length == 0 ? "" : " + ").append(constant);
        return sb.toString();
    }

    /** Accumulates terms; terms of the same variable add up. */
    public static final class Builder {
        private final Map<Integer, Double> terms = new LinkedHashMap<>();
        private double constant;

        private Builder() {}

        public Builder add(int variable, double coefficient) {
            if (variable < 0) throw new IllegalArgumentException("negative variable index " + variable);
            terms.merge(variable, coefficient, Double::sum);
            return this;
        }

        public Builder add(LinearExpression e, double scale) {
            for (int i = 0; i < e.size(); i++) add(e.variable(i), scale * e.coefficient(i));
            constant += scale * e.constant();
            return this;
        }

        public Builder addConstant(double c) {
            constant += c;
            return this;
        }

        public LinearExpression build() {
            int n = 0;
            for (double c : terms.values()) if (c != 0.0) n++;
            int[] v = new int[n];
            double[] c = new double[n];
            int i = 0;
            for (Map.Entry<Integer, Double> t : terms.entrySet()) {
                if (t.getValue() == 0.0) continue;
                v[i] = t.getKey();
                c[i++] = t.getValue();
            }
            return new LinearExpression(v, c, constant);
        }
    }
}
