package certus.formulations.bnb;

import certus.smtl.RandomInstances;
import certus.smtl.SmtlProblem;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared-support node bound with linear costs of either sign (the Lagrangian task subproblem): at random nodes
 * (features forced in and out) the solved relaxation's bound stays below the enumerated minimum of
 * {@code c(S) + costs(S)} over the node's supports, and reduced-cost fixing at a cutoff above that minimum never
 * excludes the minimizer. Negative costs make scores negative, which is where the budget's "top set" may be short.
 */
class NodeRelaxationTest {

    private record Instance(WeightedRidge ridge, int p, int s) {}

    private static Instance instance(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int p = 5 + r.nextInt(4);
        int s = 1 + r.nextInt(3);
        double ridge = Math.pow(10, -2 + 2 * r.nextDouble());
        SmtlProblem problem = RandomInstances.problem(1, p, 8 + r.nextInt(20), s, ridge, 0, 0, false, seed);
        double[] costs = new double[p];
        double scale = Math.pow(10, -3 + 2 * r.nextDouble());
        for (int j = 0; j < p; j++) costs[j] = r.nextInt(4) == 0 ? 0 : scale * (2 * r.nextDouble() - 1.2);
        WeightedRidge base = new WeightedRidge(List.of(new TaskGram(problem.data().task(0))), ridge);
        return new Instance(base.withLinearCosts(costs), p, s);
    }

    /** A random node: each feature forced in (within the budget), forced out, or free. */
    private static Node randomNode(Instance x, SplittableRandom r) {
        boolean[] in = new boolean[x.p()];
        boolean[] out = new boolean[x.p()];
        int budget = x.s();
        for (int j = 0; j < x.p(); j++) {
            int t = r.nextInt(6);
            if (t == 0 && budget > 0) {
                in[j] = true;
                budget--;
            } else if (t == 1) {
                out[j] = true;
            }
        }
        return new Node(in, out, budget, Double.NEGATIVE_INFINITY, 0, Map.of());
    }

    /** Every support the node admits, with its objective. */
    private static Map<Support, Double> admitted(Instance x, Node node) {
        Map<Support, Double> all = new HashMap<>();
        for (int mask = 0; mask < (1 << x.p()); mask++) {
            List<Integer> idx = new ArrayList<>();
            for (int j = 0; j < x.p(); j++) if ((mask >> j & 1) == 1) idx.add(j);
            if (idx.size() > x.s()) continue;
            Support sup = new Support(idx.stream().mapToInt(Integer::intValue).toArray());
            if (!node.admits(sup)) continue;
            all.put(sup, x.ridge().valueAt(sup.indices()) + x.ridge().linearCost(sup.indices()));
        }
        return all;
    }

    @Property(tries = 60)
    void costedBoundAndFixingsRespectTheEnumeratedMinimum(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        Instance x = instance(seed);
        SplittableRandom r = new SplittableRandom(seed + 11);
        for (int trial = 0; trial < 5; trial++) {
            Node bare = randomNode(x, r);
            Map<Support, Double> supports = admitted(x, bare);
            Support argmin = supports.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
            double min = supports.get(argmin);
            NodeRelaxation rel = new NodeRelaxation(x.ridge(), (s, v) -> { }, new SupportValues(x.ridge(), 1000), false);
            Support start = NodeRelaxation.linearMinimizer(bare, x.ridge().evaluate(new double[x.p()]).h());
            Node node = new Node(bare.in(), bare.out(), bare.budget(), Double.NEGATIVE_INFINITY, 0, Map.of(start, 1.0));
            NodeRelaxation.Outcome o = rel.solve(node, Double.POSITIVE_INFINITY, 300, () -> false);
            assertTrue(o.bound() <= min + 1e-10 * (1 + Math.abs(min)), "bound " + o.bound() + " above the minimum " + min);
            // The value path: cached c(S) plus costs equals the full evaluation at the binary point.
            assertEquals(x.ridge().evaluate(NodeRelaxation.toVector(argmin, x.p())).value(), rel.value(argmin), 1e-12 * (1 + Math.abs(min)));
            double cutoff = min + 1e-9 + 0.1 * r.nextDouble() * Math.abs(min);
            List<int[]> applied = new ArrayList<>();
            Node fixed = NodeRelaxation.withFixings(node, o.last(), cutoff, applied);
            assertTrue(fixed.admits(argmin), "fixings " + applied.size() + " at cutoff " + cutoff + " cut off the minimizer " + argmin);
            for (int[] f : applied) assertFalse(bare.in()[f[1]] || bare.out()[f[1]], "a fixed variable was not free");
        }
    }
}
