package certus.solver;

import java.util.ArrayList;
import java.util.List;

/** Mutable builder of a {@link Model}; variable-adding methods return the new variable's index. */
public final class ModelBuilder {
    private final String name;
    private final List<Variable> variables = new ArrayList<>();
    private final List<LinearConstraint> constraints = new ArrayList<>();
    private final List<IndicatorConstraint> indicators = new ArrayList<>();
    private final List<RotatedConeConstraint> cones = new ArrayList<>();
    private Objective objective = Objective.linear(LinearExpression.zero());
    private double[] hint;

    public ModelBuilder(String name) {
        this.name = name;
    }

    public int addVariable(String varName, VarType type, double lower, double upper) {
        int index = variables.size();
        variables.add(new Variable(index, varName, type, lower, upper));
        return index;
    }

    public int addContinuous(String varName, double lower, double upper) {
        return addVariable(varName, VarType.CONTINUOUS, lower, upper);
    }

    public int addBinary(String varName) {
        return addVariable(varName, VarType.BINARY, 0.0, 1.0);
    }

    public int addInteger(String varName, double lower, double upper) {
        return addVariable(varName, VarType.INTEGER, lower, upper);
    }

    public ModelBuilder addConstraint(LinearConstraint c) {
        constraints.add(c);
        return this;
    }

    public ModelBuilder addIndicator(IndicatorConstraint c) {
        indicators.add(c);
        return this;
    }

    public ModelBuilder addCone(RotatedConeConstraint c) {
        cones.add(c);
        return this;
    }

    public ModelBuilder objective(Objective o) {
        objective = o;
        return this;
    }

    /** A full point (one value per variable) the backend may use as a starting incumbent. */
    public ModelBuilder hint(double[] values) {
        hint = values.clone();
        return this;
    }

    public int variableCount() {
        return variables.size();
    }

    public Model build() {
        return new Model(name, variables, constraints, indicators, cones, objective, hint);
    }
}
