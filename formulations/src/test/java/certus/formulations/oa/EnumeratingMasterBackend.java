package certus.formulations.oa;

import certus.solver.Availability;
import certus.solver.CancellationToken;
import certus.solver.Capability;
import certus.solver.LinearConstraint;
import certus.solver.LinearExpression;
import certus.solver.Model;
import certus.solver.PrimalStatus;
import certus.solver.SolveListener;
import certus.solver.SolveParameters;
import certus.solver.SolveResult;
import certus.solver.SolverBackend;
import certus.solver.Termination;
import certus.solver.Variable;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * TEST-ONLY exact MILP "backend" for small masters of the OA shape: it enumerates the integer variables depth
 * first (index order, with interval pruning of integer rows and an objective bound) and sets every continuous
 * variable to its smallest feasible value given the integers.
 *
 * <p>That is exact for a model in which (1) the objective is linear, (2) every continuous variable has an
 * objective coefficient &gt;= 0 and (3) every row contains at most one continuous variable: then, for fixed
 * integers, each continuous variable ranges over an interval cut out by its own rows, independently of the others,
 * and its smallest value is optimal. OA masters have this shape (eta &gt;= cuts, d &gt;= |z_k - z_l|). Anything else is
 * rejected with INVALID_MODEL rather than solved wrongly. Rows split the variables into independent components
 * (e.g. one per task in L0L2), solved separately since the objective is separable.
 */
final class EnumeratingMasterBackend implements SolverBackend {
    private static final double TOL = 1e-9;

    int solves;

    @Override public String name() { return "enumerate"; }

    @Override public String version() { return "test"; }

    @Override public Set<Capability> capabilities() { return EnumSet.of(Capability.MILP, Capability.HINTS); }

    @Override public Availability availability() { return Availability.yes(); }

    @Override
    public SolveResult solve(Model model, SolveParameters parameters, SolveListener listener, CancellationToken cancellation) {
        solves++;
        long start = System.nanoTime();
        String shape = shapeProblem(model);
        if (shape != null) return SolveResult.noSolution(Termination.error(Termination.Reason.INVALID_MODEL, shape),
                Double.NEGATIVE_INFINITY, 0, name(), version());
        long deadline = Double.isInfinite(parameters.timeLimitSeconds()) ? Long.MAX_VALUE
                : start + (long) (parameters.timeLimitSeconds() * 1e9);
        int n = model.variableCount();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        for (LinearConstraint c : model.constraints()) {
            LinearExpression e = c.expression();
            for (int i = 1; i < e.size(); i++) union(parent, e.variable(0), e.variable(i));
        }
        double[] cost = new double[n];
        LinearExpression obj = model.objective().linear();
        for (int i = 0; i < obj.size(); i++) cost[obj.variable(i)] += obj.coefficient(i);
        double[] values = new double[n];
        double total = obj.constant();
        long nodes = 0;
        boolean[] done = new boolean[n];
        for (int root = 0; root < n; root++) {
            int r = find(parent, root);
            if (done[r]) continue;
            done[r] = true;
            List<Integer> vars = new ArrayList<>();
            for (int i = 0; i < n; i++) if (find(parent, i) == r) vars.add(i);
            List<LinearConstraint> rows = new ArrayList<>();
            for (LinearConstraint c : model.constraints()) {
                if (c.expression().size() > 0 && find(parent, c.expression().variable(0)) == r) rows.add(c);
                else if (c.expression().size() == 0 && root == 0 && c.violation(new double[n]) > TOL) {
                    return SolveResult.noSolution(Termination.error(Termination.Reason.INFEASIBLE, "constant row " + c.name()),
                            Double.NEGATIVE_INFINITY, seconds(start), name(), version());
                }
            }
            Component comp = new Component(model, vars, rows, cost, deadline, cancellation);
            comp.search(0);
            nodes += comp.nodes;
            if (comp.unbounded) return SolveResult.noSolution(Termination.error(Termination.Reason.UNBOUNDED, ""),
                    Double.NEGATIVE_INFINITY, seconds(start), name(), version());
            if (comp.best == null) {
                if (comp.aborted) return SolveResult.noSolution(Termination.limit(limit(cancellation), false, ""),
                        Double.NEGATIVE_INFINITY, seconds(start), name(), version());
                return SolveResult.noSolution(Termination.error(Termination.Reason.INFEASIBLE, "component of variable "
                        + model.variable(root).name()), Double.NEGATIVE_INFINITY, seconds(start), name(), version());
            }
            if (comp.aborted) {
                // A limit stopped the enumeration: prove nothing and (to stay simple) return no point.
                return SolveResult.noSolution(Termination.limit(limit(cancellation), false, "enumeration stopped"),
                        Double.NEGATIVE_INFINITY, seconds(start), name(), version());
            }
            for (int i = 0; i < vars.size(); i++) values[vars.get(i)] = comp.best[i];
            total += comp.bestValue;
        }
        if (model.maxViolation(values) > 1e-7) {
            return SolveResult.noSolution(Termination.error(Termination.Reason.NUMERICAL_ERROR, "enumerated point violates the model by "
                    + model.maxViolation(values)), Double.NEGATIVE_INFINITY, seconds(start), name(), version());
        }
        return new SolveResult(Termination.optimal("enumerated"), PrimalStatus.FEASIBLE_POINT, values, total, total,
                seconds(start), nodes, name(), version());
    }

    private static Termination.Limit limit(CancellationToken c) {
        return c.isCancelled() ? Termination.Limit.INTERRUPTED : Termination.Limit.TIME;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Null when the model has the shape this backend solves exactly, otherwise why not. */
    static String shapeProblem(Model model) {
        if (!model.objective().isLinear()) return "objective is not linear";
        if (!model.cones().isEmpty() || !model.indicators().isEmpty()) return "cones or indicators";
        LinearExpression obj = model.objective().linear();
        double[] cost = new double[model.variableCount()];
        for (int i = 0; i < obj.size(); i++) cost[obj.variable(i)] += obj.coefficient(i);
        for (Variable v : model.variables()) {
            if (v.isInteger() && (!Double.isFinite(v.lower()) || !Double.isFinite(v.upper()))) return "unbounded integer " + v.name();
            if (!v.isInteger() && cost[v.index()] < 0) return "continuous " + v.name() + " has a negative cost";
        }
        for (LinearConstraint c : model.constraints()) {
            int cont = 0;
            for (int i = 0; i < c.expression().size(); i++) if (!model.variable(c.expression().variable(i)).isInteger()) cont++;
            if (cont > 1) return "row " + c.name() + " has " + cont + " continuous variables";
        }
        return null;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        parent[find(parent, a)] = find(parent, b);
    }

    /** Depth-first enumeration of one component. Local index = position in {@code vars}. */
    private static final class Component {
        final int size;
        final int[] intLocal;         // local indices of integer vars in branching order
        final int[] depthOf;          // local -> depth (or -1 for continuous)
        final double[] lo;
        final double[] hi;
        final double[] cost;
        final Row[] rows;
        final int[][] rowsOfDepth;    // rows touching the integer var at that depth
        final int[] contLocal;
        final long deadline;
        final CancellationToken cancellation;
        final double[] x;
        double[] best;
        double bestValue = Double.POSITIVE_INFINITY;
        long nodes;
        boolean aborted;
        boolean unbounded;
        final double[] cLo;
        final double[] cHi;

        record Row(int[] intVars, double[] intCoefs, int cont, double contCoef, double lower, double upper) {}

        Component(Model model, List<Integer> vars, List<LinearConstraint> constraints, double[] globalCost, long deadline,
                  CancellationToken cancellation) {
            size = vars.size();
            this.deadline = deadline;
            this.cancellation = cancellation;
            java.util.Map<Integer, Integer> local = new java.util.HashMap<>();
            for (int i = 0; i < size; i++) local.put(vars.get(i), i);
            lo = new double[size];
            hi = new double[size];
            cost = new double[size];
            depthOf = new int[size];
            List<Integer> ints = new ArrayList<>();
            List<Integer> conts = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                Variable v = model.variable(vars.get(i));
                cost[i] = globalCost[v.index()];
                if (v.isInteger()) {
                    lo[i] = Math.ceil(v.lower() - TOL);
                    hi[i] = Math.floor(v.upper() + TOL);
                    depthOf[i] = ints.size();
                    ints.add(i);
                } else {
                    lo[i] = v.lower();
                    hi[i] = v.upper();
                    depthOf[i] = -1;
                    conts.add(i);
                }
            }
            intLocal = ints.stream().mapToInt(Integer::intValue).toArray();
            contLocal = conts.stream().mapToInt(Integer::intValue).toArray();
            rows = new Row[constraints.size()];
            List<List<Integer>> byDepth = new ArrayList<>();
            for (int d = 0; d < intLocal.length; d++) byDepth.add(new ArrayList<>());
            for (int r = 0; r < rows.length; r++) {
                LinearConstraint c = constraints.get(r);
                LinearExpression e = c.expression();
                List<Integer> iv = new ArrayList<>();
                List<Double> ic = new ArrayList<>();
                int cont = -1;
                double contCoef = 0;
                for (int t = 0; t < e.size(); t++) {
                    int l = local.get(e.variable(t));
                    if (depthOf[l] >= 0) {
                        iv.add(l);
                        ic.add(e.coefficient(t));
                    } else {
                        cont = l;
                        contCoef = e.coefficient(t);
                    }
                }
                rows[r] = new Row(iv.stream().mapToInt(Integer::intValue).toArray(), ic.stream().mapToDouble(Double::doubleValue).toArray(),
                        cont, contCoef, c.rowLower(), c.rowUpper());
                for (int l : iv) byDepth.get(depthOf[l]).add(r);
            }
            rowsOfDepth = new int[intLocal.length][];
            for (int d = 0; d < intLocal.length; d++) rowsOfDepth[d] = byDepth.get(d).stream().mapToInt(Integer::intValue).toArray();
            x = new double[size];
            cLo = lo.clone();
            cHi = hi.clone();
        }

        void search(int depth) {
            if (aborted) return;
            if ((++nodes & 1023) == 0 && (System.nanoTime() > deadline || cancellation.isCancelled())) {
                aborted = true;
                return;
            }
            if (depth == 0) {
                // rows without integer variables act on continuous bounds once
                for (Row row : rows) if (row.intVars.length == 0 && !applyComplete(row, new ArrayList<>())) return;
            }
            if (depth == intLocal.length) {
                leaf();
                return;
            }
            int v = intLocal[depth];
            for (double val = hi[v]; val >= lo[v]; val--) {
                x[v] = val;
                List<double[]> undo = new ArrayList<>();
                boolean ok = true;
                for (int r : rowsOfDepth[depth]) {
                    if (!check(rows[r], depth, undo)) {
                        ok = false;
                        break;
                    }
                }
                if (ok && lowerBound(depth) < bestValue) search(depth + 1);
                for (int u = undo.size() - 1; u >= 0; u--) {
                    double[] e = undo.get(u);
                    cLo[(int) e[0]] = e[1];
                    cHi[(int) e[0]] = e[2];
                }
                if (aborted) return;
            }
        }

        /** Interval check of a row after fixing the integer at {@code depth}; complete rows tighten their continuous var. */
        private boolean check(Row row, int depth, List<double[]> undo) {
            double act = 0;
            double minRest = 0;
            double maxRest = 0;
            boolean complete = true;
            for (int t = 0; t < row.intVars.length; t++) {
                int l = row.intVars[t];
                double a = row.intCoefs[t];
                if (depthOf[l] <= depth) act += a * x[l];
                else {
                    complete = false;
                    minRest += Math.min(a * lo[l], a * hi[l]);
                    maxRest += Math.max(a * lo[l], a * hi[l]);
                }
            }
            if (row.cont < 0) {
                return act + maxRest >= row.lower - TOL && act + minRest <= row.upper + TOL;
            }
            if (!complete) return true;
            return tighten(row, act, undo);
        }

        private boolean applyComplete(Row row, List<double[]> undo) {
            return row.cont < 0 ? (0 >= row.lower - TOL && 0 <= row.upper + TOL) : tighten(row, 0, undo);
        }

        private boolean tighten(Row row, double act, List<double[]> undo) {
            int c = row.cont;
            double a = row.contCoef;
            double l = a > 0 ? (row.lower - act) / a : (row.upper - act) / a;
            double h = a > 0 ? (row.upper - act) / a : (row.lower - act) / a;
            undo.add(new double[]{c, cLo[c], cHi[c]});
            if (l > cLo[c]) cLo[c] = l;
            if (h < cHi[c]) cHi[c] = h;
            return cLo[c] <= cHi[c] + TOL * (1 + Math.abs(cHi[c]));
        }

        /** Valid lower bound on this component's objective below the current node. */
        private double lowerBound(int depth) {
            double b = 0;
            for (int d = 0; d < intLocal.length; d++) {
                int v = intLocal[d];
                b += d <= depth ? cost[v] * x[v] : Math.min(cost[v] * lo[v], cost[v] * hi[v]);
            }
            for (int c : contLocal) if (cost[c] > 0 && Double.isFinite(cLo[c])) b += cost[c] * cLo[c];
            return b;
        }

        private void leaf() {
            double value = 0;
            for (int v : intLocal) value += cost[v] * x[v];
            for (int c : contLocal) {
                double val;
                if (cost[c] > 0) {
                    if (!Double.isFinite(cLo[c])) {
                        unbounded = true;
                        aborted = true;
                        return;
                    }
                    val = cLo[c];
                } else {
                    val = Math.max(cLo[c], Math.min(0, cHi[c]));
                }
                x[c] = val;
                value += cost[c] * val;
            }
            if (value < bestValue) {
                bestValue = value;
                best = x.clone();
            }
        }
    }
}
