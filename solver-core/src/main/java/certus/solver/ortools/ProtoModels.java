package certus.solver.ortools;

import certus.solver.IndicatorConstraint;
import certus.solver.LinearConstraint;
import certus.solver.LinearExpression;
import certus.solver.Model;
import certus.solver.QuadraticTerm;
import certus.solver.RotatedConeConstraint;
import certus.solver.Variable;
import com.google.ortools.linearsolver.MPConstraintProto;
import com.google.ortools.linearsolver.MPGeneralConstraintProto;
import com.google.ortools.linearsolver.MPIndicatorConstraint;
import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPQuadraticConstraint;
import com.google.ortools.linearsolver.MPQuadraticObjective;
import com.google.ortools.linearsolver.MPVariableProto;
import com.google.ortools.linearsolver.PartialVariableAssignment;

/**
 * Translates a neutral {@link Model} into OR-Tools' {@code MPModelProto}. Variables keep their indices, so a
 * response's {@code variable_value} list maps back one to one.
 *
 * <p>Conventions, checked by tests rather than trusted from documentation:
 * <ul>
 *   <li>{@code MPQuadraticObjective} adds {@code coefficient * x[qvar1] * x[qvar2]} per entry, which is exactly a
 *       {@link QuadraticTerm}; so "diagonal = Q_jj/2" in the objective {@code 1/2 x'Qx} and no factor here
 *       (minimize x^2 - 2x on [0,3] gives x = 1, objective -1).</li>
 *   <li>The linear objective's constant goes to {@code objective_offset}, and the response's objective value and
 *       bound include it.</li>
 *   <li>A rotated cone {@code sum x_i^2 <= u v} becomes the quadratic row {@code sum x_i^2 - u v <= 0}, which
 *       SCIP recognizes as convex (it is indefinite as a form, so backends need ROTATED_CONE, not MIQP).</li>
 * </ul>
 */
final class ProtoModels {
    private ProtoModels() {}

    static MPModelProto toProto(Model m) {
        MPModelProto.Builder p = MPModelProto.newBuilder().setName(m.name()).setMaximize(false);
        double[] objective = new double[m.variableCount()];
        LinearExpression lin = m.objective().linear();
        for (int i = 0; i < lin.size(); i++) objective[lin.variable(i)] += lin.coefficient(i);
        for (Variable v : m.variables()) {
            p.addVariable(MPVariableProto.newBuilder().setName(v.name()).setLowerBound(v.lower()).setUpperBound(v.upper())
                    .setIsInteger(v.isInteger()).setObjectiveCoefficient(objective[v.index()]));
        }
        p.setObjectiveOffset(lin.constant());
        for (LinearConstraint c : m.constraints()) p.addConstraint(row(c));
        for (IndicatorConstraint c : m.indicators()) {
            p.addGeneralConstraint(MPGeneralConstraintProto.newBuilder().setName(c.name()).setIndicatorConstraint(
                    MPIndicatorConstraint.newBuilder().setVarIndex(c.binary()).setVarValue(c.activeValue() ? 1 : 0)
                            .setConstraint(row(c.constraint()))));
        }
        for (RotatedConeConstraint c : m.cones()) {
            MPQuadraticConstraint.Builder q = MPQuadraticConstraint.newBuilder()
                    .setLowerBound(Double.NEGATIVE_INFINITY).setUpperBound(0.0);
            for (int x : c.members()) q.addQvar1Index(x).addQvar2Index(x).addQcoefficient(1.0);
            q.addQvar1Index(c.u()).addQvar2Index(c.v()).addQcoefficient(-1.0);
            p.addGeneralConstraint(MPGeneralConstraintProto.newBuilder().setName(c.name()).setQuadraticConstraint(q));
        }
        if (!m.objective().quadratic().isEmpty()) {
            MPQuadraticObjective.Builder q = MPQuadraticObjective.newBuilder();
            for (QuadraticTerm t : m.objective().quadratic()) {
                q.addQvar1Index(t.first()).addQvar2Index(t.second()).addCoefficient(t.coefficient());
            }
            p.setQuadraticObjective(q);
        }
        if (!m.objective().leastSquares().isEmpty()) {
            throw new IllegalArgumentException("least-squares terms must be bridged before translation (Bridges.residualForm)");
        }
        double[] hint = m.hint();
        if (hint != null) {
            PartialVariableAssignment.Builder h = PartialVariableAssignment.newBuilder();
            for (int i = 0; i < hint.length; i++) h.addVarIndex(i).addVarValue(hint[i]);
            p.setSolutionHint(h);
        }
        return p.build();
    }

    private static MPConstraintProto.Builder row(LinearConstraint c) {
        MPConstraintProto.Builder r = MPConstraintProto.newBuilder().setName(c.name())
                .setLowerBound(c.rowLower()).setUpperBound(c.rowUpper());
        LinearExpression e = c.expression();
        for (int i = 0; i < e.size(); i++) r.addVarIndex(e.variable(i)).addCoefficient(e.coefficient(i));
        return r;
    }
}
