package certus.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Solver-neutral mixed-integer model: variables, linear rows, indicator and rotated-cone constraints, a convex
 * objective (minimized) and an optional solution hint. Immutable and validated on construction (NaN or infinite
 * coefficients, lb &gt; ub, bad indices, binaries outside [0,1]) so that no backend ever sees a malformed model.
 * Build with {@link ModelBuilder}.
 */
public final class Model {
    private final String name;
    private final List<Variable> variables;
    private final List<LinearConstraint> constraints;
    private final List<IndicatorConstraint> indicators;
    private final List<RotatedConeConstraint> cones;
    private final Objective objective;
    private final double[] hint;

    Model(String name, List<Variable> variables, List<LinearConstraint> constraints, List<IndicatorConstraint> indicators,
          List<RotatedConeConstraint> cones, Objective objective, double[] hint) {
        this.name = Objects.requireNonNull(name, "name");
        this.variables = List.copyOf(variables);
        this.constraints = List.copyOf(constraints);
        this.indicators = List.copyOf(indicators);
        this.cones = List.copyOf(cones);
        this.objective = Objects.requireNonNull(objective, "objective");
        this.hint = hint == null ? null : hint.clone();
        ModelValidator.validate(this);
    }

    public String name() { return name; }

    public List<Variable> variables() { return variables; }

    public int variableCount() { return variables.size(); }

    public Variable variable(int index) { return variables.get(index); }

    public List<LinearConstraint> constraints() { return constraints; }

    public List<IndicatorConstraint> indicators() { return indicators; }

    public List<RotatedConeConstraint> cones() { return cones; }

    public Objective objective() { return objective; }

    /** Solution hint (a full point, possibly partial-feasible), or null. */
    public double[] hint() { return hint == null ? null : hint.clone(); }

    public boolean hasHint() { return hint != null; }

    public boolean hasIntegerVariables() {
        for (Variable v : variables) if (v.isInteger()) return true;
        return false;
    }

    /** The same model with another hint (e.g. the incumbent of the previous outer-approximation round). */
    public Model withHint(double[] newHint) {
        return new Model(name, variables, constraints, indicators, cones, objective, newHint);
    }

    /** The same model plus more rows (outer-approximation cuts). */
    public Model withConstraints(List<LinearConstraint> more) {
        List<LinearConstraint> all = new ArrayList<>(constraints);
        all.addAll(more);
        return new Model(name, variables, all, indicators, cones, objective, hint);
    }

    /** Largest violation of bounds, integrality, rows, indicators and cones at x (0 when feasible). */
    public double maxViolation(double[] x) {
        return ModelValidator.maxViolation(this, x);
    }

    @Override
    public String toString() {
        return "Model[" + name + ": " + variables.size() + " vars, " + constraints.size() + " rows, " + indicators.size()
                + " indicators, " + cones.size() + " cones]";
    }
}
