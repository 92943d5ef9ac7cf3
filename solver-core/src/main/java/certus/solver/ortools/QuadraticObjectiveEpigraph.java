package certus.solver.ortools;

import com.google.ortools.linearsolver.MPGeneralConstraintProto;
import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPQuadraticConstraint;
import com.google.ortools.linearsolver.MPQuadraticObjective;
import com.google.ortools.linearsolver.MPVariableProto;
import com.google.ortools.linearsolver.PartialVariableAssignment;

/**
 * Moves a quadratic objective into an epigraph row so that SCIP can use the solution hint.
 *
 * <p>Why: OR-Tools' SCIP proto solver turns a quadratic objective into {@code min t, t >= x'Qx} with its own
 * auxiliary t, which the hint does not cover, so SCIP receives the hint with t = 0, finds it infeasible and drops
 * it; the warm start then never reaches SCIP (seen on PDX: SCIP's incumbent stayed at the intercept-only 1.3125
 * while the hint was worth 1.1098; probed with a solution limit of 1: a quadratic-objective model returns SCIP's
 * own first point, the same model in epigraph form returns the hint). Writing the same epigraph ourselves, with t
 * in the hint at the hint's exact x'Qx, gives SCIP an identical model and a feasible hint. Only applied when there
 * is a hint; the epigraph variable is appended last, so our variable indices are unchanged.
 */
final class QuadraticObjectiveEpigraph {
    private QuadraticObjectiveEpigraph() {}

    static MPModelProto withHintableObjective(MPModelProto proto) {
        if (!proto.hasQuadraticObjective() || proto.getQuadraticObjective().getCoefficientCount() == 0 || !proto.hasSolutionHint()) {
            return proto;
        }
        int n = proto.getVariableCount();
        double[] hint = new double[n];
        PartialVariableAssignment h = proto.getSolutionHint();
        if (h.getVarIndexCount() != n) return proto; // partial hints: leave the model as it is
        for (int i = 0; i < h.getVarIndexCount(); i++) hint[h.getVarIndex(i)] = h.getVarValue(i);

        MPQuadraticObjective q = proto.getQuadraticObjective();
        int t = n;
        MPQuadraticConstraint.Builder row = MPQuadraticConstraint.newBuilder()
                .setLowerBound(Double.NEGATIVE_INFINITY).setUpperBound(0.0).addVarIndex(t).addCoefficient(-1.0);
        double value = 0;
        for (int i = 0; i < q.getCoefficientCount(); i++) {
            int a = q.getQvar1Index(i);
            int b = q.getQvar2Index(i);
            double c = q.getCoefficient(i);
            row.addQvar1Index(a).addQvar2Index(b).addQcoefficient(c);
            value += c * hint[a] * hint[b];
        }
        return proto.toBuilder()
                .clearQuadraticObjective()
                .addVariable(MPVariableProto.newBuilder().setName("certus_quadobj").setLowerBound(Double.NEGATIVE_INFINITY)
                        .setUpperBound(Double.POSITIVE_INFINITY).setObjectiveCoefficient(1.0))
                .addGeneralConstraint(MPGeneralConstraintProto.newBuilder().setName("certus_quadobj_epigraph").setQuadraticConstraint(row))
                .setSolutionHint(h.toBuilder().addVarIndex(t).addVarValue(value))
                .build();
    }
}
