package certus.solver.ojalgo;

import certus.solver.LinearConstraint;
import certus.solver.LinearExpression;
import certus.solver.Model;
import certus.solver.QuadraticTerm;
import certus.solver.Variable;
import java.math.BigDecimal;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;

/**
 * One direction of the adapter's round trip: a neutral {@link Model} (least-squares terms already bridged away,
 * no cones or indicators) into a fresh {@link ExpressionsBasedModel}. A fresh ojAlgo model per solve, because its
 * presolve mutates variables and expressions in place.
 *
 * <p>Conventions pinned here, each checked by a test: variable {@code i} of the neutral model is ojAlgo variable
 * {@code i}; ojAlgo evaluates a quadratic entry {@code (i, j, c)} as exactly {@code c x_i x_j}, the same convention
 * as {@link QuadraticTerm}, so coefficients pass through unchanged; the objective's constant is NOT given to
 * ojAlgo (it would ignore it anyway) and is added back when the objective is recomputed from the neutral model.
 */
final class OjalgoModelTranslator {
    private OjalgoModelTranslator() {}

    static ExpressionsBasedModel translate(Model model) {
        ExpressionsBasedModel ebm = new ExpressionsBasedModel();
        for (Variable v : model.variables()) {
            org.ojalgo.optimisation.Variable x = ebm.addVariable("x" + v.index());
            if (v.isInteger()) x.integer(true);
            if (Double.isFinite(v.lower())) x.lower(v.lower());
            if (Double.isFinite(v.upper())) x.upper(v.upper());
        }
        int row = 0;
        for (LinearConstraint c : model.constraints()) {
            // Unique generated names: ojAlgo keys expressions by name, and ours need not be unique.
            Expression e = ebm.addExpression("c" + row++);
            LinearExpression lin = c.expression();
            for (int i = 0; i < lin.size(); i++) e.add(lin.variable(i), lin.coefficient(i));
            if (Double.isFinite(c.rowLower())) e.lower(c.rowLower());
            if (Double.isFinite(c.rowUpper())) e.upper(c.rowUpper());
        }
        Expression objective = ebm.addExpression("objective").weight(1.0);
        LinearExpression lin = model.objective().linear();
        for (int i = 0; i < lin.size(); i++) objective.add(lin.variable(i), lin.coefficient(i));
        for (QuadraticTerm q : model.objective().quadratic()) objective.add(q.first(), q.second(), q.coefficient());
        return ebm;
    }

    /**
     * Loads a hint as the variables' current values: ojAlgo's IntegerSolver starts from the model's variable
     * values and keeps them as the first incumbent when they are integer-feasible and pass its validation.
     */
    static void applyHint(ExpressionsBasedModel ebm, double[] hint) {
        for (int i = 0; i < hint.length; i++) ebm.getVariable(i).setValue(BigDecimal.valueOf(hint[i]));
    }
}
