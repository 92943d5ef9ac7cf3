package certus.solver.gurobi;

import certus.solver.Availability;
import certus.solver.Bridges;
import certus.solver.CancellationToken;
import certus.solver.IndicatorConstraint;
import certus.solver.LinearConstraint;
import certus.solver.LinearExpression;
import certus.solver.Model;
import certus.solver.PrimalStatus;
import certus.solver.QuadraticTerm;
import certus.solver.RotatedConeConstraint;
import certus.solver.SolveListener;
import certus.solver.SolveParameters;
import certus.solver.SolveResult;
import certus.solver.Termination;
import certus.solver.Variable;
import com.gurobi.gurobi.GRB;
import com.gurobi.gurobi.GRBEnv;
import com.gurobi.gurobi.GRBException;
import com.gurobi.gurobi.GRBLinExpr;
import com.gurobi.gurobi.GRBModel;
import com.gurobi.gurobi.GRBQuadExpr;
import com.gurobi.gurobi.GRBVar;
import java.util.Map;

/**
 * Every Gurobi call of the backend. Only {@link GurobiBackend} touches this class, and only after it found the
 * Gurobi jar, so a missing jar never raises NoClassDefFoundError. One environment and model per solve (disposed
 * in finally): Gurobi environments are not meant to be shared across threads.
 *
 * <p>Least-squares terms go through {@link Bridges#residualForm} (free residual variables, diagonal Q), the form
 * MIQP solvers handle best; the objective and bound include the model's constant, and the objective is
 * recomputed from the original model so that every backend reports it the same way.
 */
final class GurobiSolve {
    /** GRBException code when no licence is found. */
    static final int NO_LICENSE = 10009;
    static final String NO_LICENSE_MESSAGE = "no Gurobi licence found (GRBException 10009). Maybe set GRB_LICENSE_FILE or run grbgetkey.";

    private GurobiSolve() {}

    static String version() {
        return GRB.VERSION_MAJOR + "." + GRB.VERSION_MINOR + "." + GRB.VERSION_TECHNICAL;
    }

    static Availability probeEnvironment() {
        try {
            GRBEnv env = newEnv();
            env.dispose();
            return Availability.yes();
        } catch (GRBException e) {
            return unavailable(e.getErrorCode(), e.getMessage());
        }
    }

    /** The availability for a failed environment start; pure, so the 10009 message is tested without Gurobi. */
    static Availability unavailable(int errorCode, String message) {
        if (errorCode == NO_LICENSE) return Availability.no(NO_LICENSE_MESSAGE);
        return Availability.no("Gurobi environment failed (GRBException " + errorCode + ": " + message + "). Maybe check the licence and GRB_LICENSE_FILE.");
    }

    private static GRBEnv newEnv() throws GRBException {
        GRBEnv env = new GRBEnv(true);
        env.set(GRB.IntParam.OutputFlag, 0);
        env.start();
        return env;
    }

    static SolveResult solve(Model original, SolveParameters p, SolveListener listener, CancellationToken cancellation, String name) {
        long start = System.nanoTime();
        Bridges.Bridged bridged = Bridges.residualForm(original);
        Model m = bridged.model();
        GRBEnv env = null;
        GRBModel g = null;
        try {
            env = newEnv();
            g = new GRBModel(env);
            GRBVar[] x = addVariables(g, m);
            addRows(g, m, x);
            g.setObjective(objective(m, x), GRB.MINIMIZE);
            if (m.hasHint()) {
                double[] hint = m.hint();
                for (int i = 0; i < x.length; i++) x[i].set(GRB.DoubleAttr.Start, hint[i]);
            }
            applyParameters(g, p);
            GRBModel running = g;
            cancellation.onCancel(running::terminate);
            g.optimize();
            return result(g, original, bridged, name, seconds(start));
        } catch (GRBException e) { // a solver failure is a result, never an exception
            Termination t = Termination.error(Termination.Reason.OTHER_ERROR, "GRBException " + e.getErrorCode() + ": " + e.getMessage());
            return SolveResult.noSolution(t, Double.NEGATIVE_INFINITY, seconds(start), name, version());
        } finally {
            if (g != null) g.dispose();
            if (env != null) try { env.dispose(); } catch (GRBException ignored) { /* nothing left to release */ }
        }
    }

    private static GRBVar[] addVariables(GRBModel g, Model m) throws GRBException {
        GRBVar[] x = new GRBVar[m.variableCount()];
        for (Variable v : m.variables()) {
            char type = switch (v.type()) { case BINARY -> GRB.BINARY; case INTEGER -> GRB.INTEGER; case CONTINUOUS -> GRB.CONTINUOUS; };
            x[v.index()] = g.addVar(finite(v.lower()), finite(v.upper()), 0.0, type, "x" + v.index());
        }
        return x;
    }

    private static void addRows(GRBModel g, Model m, GRBVar[] x) throws GRBException {
        int i = 0;
        for (LinearConstraint c : m.constraints()) {
            GRBLinExpr e = linear(c.expression(), x);
            String n = "c" + i++;
            if (c.rowLower() == c.rowUpper()) g.addConstr(e, GRB.EQUAL, c.rowLower(), n);
            else if (Double.isFinite(c.rowLower()) && Double.isFinite(c.rowUpper())) g.addRange(e, c.rowLower(), c.rowUpper(), n);
            else if (Double.isFinite(c.rowLower())) g.addConstr(e, GRB.GREATER_EQUAL, c.rowLower(), n);
            else if (Double.isFinite(c.rowUpper())) g.addConstr(e, GRB.LESS_EQUAL, c.rowUpper(), n);
        }
        for (IndicatorConstraint ind : m.indicators()) {
            LinearConstraint c = ind.constraint();
            int active = ind.activeValue() ? 1 : 0;
            // Gurobi indicators take one sense; a two-sided row becomes two indicators.
            if (c.rowLower() == c.rowUpper()) {
                g.addGenConstrIndicator(x[ind.binary()], active, linear(c.expression(), x), GRB.EQUAL, c.rowLower(), "ind" + i++);
                continue;
            }
            if (Double.isFinite(c.rowLower())) g.addGenConstrIndicator(x[ind.binary()], active, linear(c.expression(), x), GRB.GREATER_EQUAL, c.rowLower(), "ind" + i++);
            if (Double.isFinite(c.rowUpper())) g.addGenConstrIndicator(x[ind.binary()], active, linear(c.expression(), x), GRB.LESS_EQUAL, c.rowUpper(), "ind" + i++);
        }
        for (RotatedConeConstraint cone : m.cones()) {
            // sum members^2 - u v <= 0 with u, v >= 0: Gurobi recognizes this as a rotated second-order cone.
            GRBQuadExpr q = new GRBQuadExpr();
            for (int member : cone.members()) q.addTerm(1.0, x[member], x[member]);
            q.addTerm(-1.0, x[cone.u()], x[cone.v()]);
            g.addQConstr(q, GRB.LESS_EQUAL, 0.0, "cone" + i++);
        }
    }

    /** Our {@link QuadraticTerm} is exactly {@code c x_i x_j}, as is Gurobi's {@code addTerm(c, x_i, x_j)}. */
    private static GRBQuadExpr objective(Model m, GRBVar[] x) {
        GRBQuadExpr q = new GRBQuadExpr();
        LinearExpression lin = m.objective().linear();
        for (int i = 0; i < lin.size(); i++) q.addTerm(lin.coefficient(i), x[lin.variable(i)]);
        q.addConstant(lin.constant());
        for (QuadraticTerm t : m.objective().quadratic()) q.addTerm(t.coefficient(), x[t.first()], x[t.second()]);
        return q;
    }

    private static GRBLinExpr linear(LinearExpression e, GRBVar[] x) {
        GRBLinExpr out = new GRBLinExpr();
        for (int i = 0; i < e.size(); i++) out.addTerm(e.coefficient(i), x[e.variable(i)]);
        return out;
    }

    /** Typed parameters first, then the raw backend options (Gurobi parameter names), so the raw ones win. */
    private static void applyParameters(GRBModel g, SolveParameters p) throws GRBException {
        GRBEnv env = g.getEnv();
        if (Double.isFinite(p.timeLimitSeconds())) env.set(GRB.DoubleParam.TimeLimit, p.timeLimitSeconds());
        env.set(GRB.DoubleParam.MIPGap, p.relativeGap());
        env.set(GRB.DoubleParam.MIPGapAbs, p.absoluteGap());
        env.set(GRB.IntParam.Threads, p.threads());
        env.set(GRB.IntParam.Seed, (int) Math.floorMod(p.seed(), (long) Integer.MAX_VALUE));
        for (Map.Entry<String, String> o : p.backendOptions().entrySet()) env.set(o.getKey(), o.getValue());
    }

    private static SolveResult result(GRBModel g, Model original, Bridges.Bridged bridged, String name, double seconds) throws GRBException {
        int status = g.get(GRB.IntAttr.Status);
        boolean incumbent = g.get(GRB.IntAttr.SolCount) > 0;
        Termination t = GurobiStatus.map(status, incumbent);
        boolean mip = g.get(GRB.IntAttr.IsMIP) != 0;
        long nodes = mip ? (long) g.get(GRB.DoubleAttr.NodeCount) : 0;
        double bound = Double.NEGATIVE_INFINITY;
        if (mip && incumbent) bound = g.get(GRB.DoubleAttr.ObjBound);
        if (!incumbent || t.reason() == Termination.Reason.INFEASIBLE || t.reason() == Termination.Reason.UNBOUNDED) {
            return new SolveResult(t, PrimalStatus.NO_SOLUTION, null, Double.NaN, bound, seconds, nodes, name, version());
        }
        double[] all = g.get(GRB.DoubleAttr.X, g.getVars());
        double[] point = bridged.restrict(all);
        double objective = original.objective().evaluate(point);
        if (!mip && t.reason() == Termination.Reason.OPTIMAL) bound = objective; // a continuous optimum is its own bound
        return new SolveResult(t, PrimalStatus.FEASIBLE_POINT, point, objective, Math.min(bound, objective), seconds, nodes, name, version());
    }

    private static double finite(double bound) {
        return Double.isInfinite(bound) ? (bound > 0 ? GRB.INFINITY : -GRB.INFINITY) : bound;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
