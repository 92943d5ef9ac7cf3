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

    /**
     * Depth-first enumeration of one component. Local index = position in {@code vars}. Each row keeps the activity
     * of its fixed integer terms (updated incrementally) and, per depth, the min/max its unfixed integer terms can
     * still add; that gives interval feasibility for integer rows and implied bounds on each continuous variable,
     * hence a valid objective bound for pruning. At a leaf the implied bounds are exact.
     */
    private static final class Component {
        final int[] intLocal;         // local indices of integer vars in branching order
        final double[] lo;
        final double[] hi;
        final double[] cost;
        final Row[] rows;
        final int[][] rowsOfDepth;    // rows touching the integer var at that depth
        final double[][] coefOfDepth; // its coefficient in each of those rows
        final int[] contLocal;
        final int[][] rowsOfCont;     // per continuous var (position in contLocal): its rows
        final long deadline;
        final CancellationToken cancellation;
        final double[] x;
        final double[] act;
        double[] best;
        double bestValue = Double.POSITIVE_INFINITY;
        long nodes;
        boolean aborted;
        boolean unbounded;

        record Row(int cont, double contCoef, double lower, double upper, double[] suffixMin, double[] suffixMax) {}

        Component(Model model, List<Integer> vars, List<LinearConstraint> constraints, double[] globalCost, long deadline,
                  CancellationToken cancellation) {
            int size = vars.size();
            this.deadline = deadline;
            this.cancellation = cancellation;
            java.util.Map<Integer, Integer> local = new java.util.HashMap<>();
            for (int i = 0; i < size; i++) local.put(vars.get(i), i);
            lo = new double[size];
            hi = new double[size];
            cost = new double[size];
            int[] depthOf = new int[size];
            int[] contPos = new int[size];
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
                    contPos[i] = conts.size();
                    conts.add(i);
                }
            }
            intLocal = ints.stream().mapToInt(Integer::intValue).toArray();
            contLocal = conts.stream().mapToInt(Integer::intValue).toArray();
            int depthCount = intLocal.length;
            rows = new Row[constraints.size()];
            List<List<Integer>> byDepth = new ArrayList<>();
            List<List<Double>> coefByDepth = new ArrayList<>();
            for (int d = 0; d < depthCount; d++) {
                byDepth.add(new ArrayList<>());
                coefByDepth.add(new ArrayList<>());
            }
            List<List<Integer>> byCont = new ArrayList<>();
            for (int c = 0; c < contLocal.length; c++) byCont.add(new ArrayList<>());
            for (int r = 0; r < rows.length; r++) {
                LinearConstraint c = constraints.get(r);
                LinearExpression e = c.expression();
                double[] minAt = new double[depthCount + 1];
                double[] maxAt = new double[depthCount + 1];
                int cont = -1;
                double contCoef = 0;
                for (int t = 0; t < e.size(); t++) {
                    int l = local.get(e.variable(t));
                    double a = e.coefficient(t);
                    if (depthOf[l] >= 0) {
                        byDepth.get(depthOf[l]).add(r);
                        coefByDepth.get(depthOf[l]).add(a);
                        minAt[depthOf[l]] += Math.min(a * lo[l], a * hi[l]);
                        maxAt[depthOf[l]] += Math.max(a * lo[l], a * hi[l]);
                    } else {
                        cont = l;
                        contCoef = a;
                        byCont.get(contPos[l]).add(r);
                    }
                }
                // suffix[d] = what the terms at depths >= d can still add
                double[] sMin = new double[depthCount + 1];
                double[] sMax = new double[depthCount + 1];
                for (int d = depthCount - 1; d >= 0; d--) {
                    sMin[d] = sMin[d + 1] + minAt[d];
                    sMax[d] = sMax[d + 1] + maxAt[d];
                }
                rows[r] = new Row(cont, contCoef, c.rowLower(), c.rowUpper(), sMin, sMax);
            }
            rowsOfDepth = new int[depthCount][];
            coefOfDepth = new double[depthCount][];
            for (int d = 0; d < depthCount; d++) {
                rowsOfDepth[d] = byDepth.get(d).stream().mapToInt(Integer::intValue).toArray();
                coefOfDepth[d] = coefByDepth.get(d).stream().mapToDouble(Double::doubleValue).toArray();
            }
            rowsOfCont = new int[contLocal.length][];
            for (int c = 0; c < contLocal.length; c++) rowsOfCont[c] = byCont.get(c).stream().mapToInt(Integer::intValue).toArray();
            x = new double[size];
            act = new double[rows.length];
        }

        /** Explores the subtree where integers at depths &lt; {@code depth} are fixed. */
        void search(int depth) {
            if (aborted) return;
            if ((++nodes & 1023) == 0 && (System.nanoTime() > deadline || cancellation.isCancelled())) {
                aborted = true;
                return;
            }
            double bound = bound(depth);
            if (!(bound < bestValue)) return; // NaN = infeasible node
            if (depth == intLocal.length) {
                leaf();
                return;
            }
            int v = intLocal[depth];
            for (double val = hi[v]; val >= lo[v]; val--) {
                x[v] = val;
                int[] rs = rowsOfDepth[depth];
                double[] cs = coefOfDepth[depth];
                for (int i = 0; i < rs.length; i++) act[rs[i]] += cs[i] * val;
                search(depth + 1);
                for (int i = 0; i < rs.length; i++) act[rs[i]] -= cs[i] * val;
                if (aborted) return;
            }
        }

        /** Objective bound of the node, or NaN when some row can no longer be satisfied. */
        private double bound(int depth) {
            for (int r = 0; r < rows.length; r++) {
                Row row = rows[r];
                if (row.cont >= 0) continue;
                if (act[r] + row.suffixMax[depth] < row.lower - TOL || act[r] + row.suffixMin[depth] > row.upper + TOL) return Double.NaN;
            }
            double b = 0;
            for (int d = 0; d < intLocal.length; d++) {
                int v = intLocal[d];
                b += d < depth ? cost[v] * x[v] : Math.min(cost[v] * lo[v], cost[v] * hi[v]);
            }
            for (int c = 0; c < contLocal.length; c++) {
                double[] range = range(c, depth);
                if (range == null) return Double.NaN;
                if (cost[contLocal[c]] > 0 && Double.isFinite(range[0])) b += cost[contLocal[c]] * range[0];
            }
            return b;
        }

        /** Implied [low, high] of continuous variable c at the node (exact at a leaf), or null when empty. */
        private double[] range(int c, int depth) {
            int l = contLocal[c];
            double low = lo[l];
            double high = hi[l];
            for (int r : rowsOfCont[c]) {
                Row row = rows[r];
                double a = row.contCoef;
                double restMin = act[r] + row.suffixMin[depth];
                double restMax = act[r] + row.suffixMax[depth];
                double rl = a > 0 ? (row.lower - restMax) / a : (row.upper - restMin) / a;
                double rh = a > 0 ? (row.upper - restMin) / a : (row.lower - restMax) / a;
                if (rl > low) low = rl;
                if (rh < high) high = rh;
            }
            return low <= high + TOL * (1 + Math.abs(high)) ? new double[]{low, high} : null;
        }

        private void leaf() {
            double value = 0;
            for (int v : intLocal) value += cost[v] * x[v];
            for (int c = 0; c < contLocal.length; c++) {
                int l = contLocal[c];
                double[] range = range(c, intLocal.length);
                double val;
                if (cost[l] > 0) {
                    if (!Double.isFinite(range[0])) {
                        unbounded = true;
                        aborted = true;
                        return;
                    }
                    val = range[0];
                } else {
                    val = Math.max(range[0], Math.min(0, range[1]));
                }
                x[l] = val;
                value += cost[l] * val;
            }
            if (value < bestValue) {
                bestValue = value;
                best = x.clone();
            }
        }
    }
}
