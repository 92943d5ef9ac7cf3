package certus.formulations.oa;

import certus.formulations.ZbarLinearization;
import certus.smtl.RandomInstances;
import certus.smtl.SmtlProblem;
import certus.solver.CancellationToken;
import certus.solver.LinearConstraint;
import certus.solver.LinearExpression;
import certus.solver.Model;
import certus.solver.SolveListener;
import certus.solver.SolveParameters;
import certus.solver.SolveResult;
import certus.solver.Termination;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * exact.md §3 / §7.6: with z fixed to a random binary point, the master's minimum over its Zbar auxiliaries is
 * (zbar/2) sum_j m_j (K - m_j)/K in both form (A) and form (C).
 */
class ZbarFormsTest {
    @Test
    void pairwiseAndCountFormsReproduceTheZbarIdentity() {
        SplittableRandom rnd = new SplittableRandom(11);
        EnumeratingMasterBackend backend = new EnumeratingMasterBackend();
        int checked = 0;
        for (int kCount = 2; kCount <= 4; kCount++) {
            int p = 3;
            int[] rows = new int[kCount];
            java.util.Arrays.fill(rows, 10);
            SmtlProblem problem = new SmtlProblem(RandomInstances.data(kCount, p, rows, 2, 1.0, rnd.nextLong()), p, 0.1, 0, 0.7, false);
            for (int rep = 0; rep < 8; rep++) {
                boolean[][] z = new boolean[kCount][p];
                for (boolean[] row : z) for (int j = 0; j < p; j++) row[j] = rnd.nextBoolean();
                double direct = 0;
                for (int j = 0; j < p; j++) {
                    int m = 0;
                    for (boolean[] row : z) if (row[j]) m++;
                    direct += (double) m * (kCount - m) / kCount;
                }
                double expected = 0.5 * 0.7 * direct;
                for (ZbarLinearization.Form form : ZbarLinearization.Form.values()) {
                    OaMaster master = new OaMaster(problem, false, true, form);
                    Model fixed = fixSupports(master, z, kCount, p);
                    SolveResult r = backend.solve(fixed, SolveParameters.defaults(), SolveListener.NONE, CancellationToken.none());
                    assertEquals(Termination.Reason.OPTIMAL, r.termination().reason());
                    assertEquals(expected, r.objectiveValue(), 1e-12, form + " K=" + kCount);
                    assertEquals(expected, master.zbarPart(master.point(z, 0.0, new double[kCount])), 1e-12);
                    checked++;
                }
            }
        }
        assertEquals(48, checked);
    }

    @Test
    void defaultFormSwitchesAtEightTasks() {
        assertEquals(ZbarLinearization.Form.PAIRWISE, ZbarLinearization.defaultForm(8));
        assertEquals(ZbarLinearization.Form.COUNT, ZbarLinearization.defaultForm(9));
    }

    /** The master with every z_kj fixed by an equality row (variables found by their names z_k_j). */
    static Model fixSupports(OaMaster master, boolean[][] z, int kCount, int p) {
        Model m = master.model(null);
        List<LinearConstraint> rows = new ArrayList<>();
        for (int v = 0; v < m.variableCount(); v++) {
            String name = m.variable(v).name();
            if (!name.startsWith("z_")) continue;
            String[] parts = name.split("_");
            int k = Integer.parseInt(parts[1]);
            int j = Integer.parseInt(parts[2]);
            rows.add(LinearConstraint.equal("fix_" + name, LinearExpression.term(v, 1), z[k][j] ? 1 : 0));
        }
        assertEquals(kCount * p, rows.size());
        return m.withConstraints(rows);
    }
}
