package certus.solver.gurobi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import certus.solver.Termination;
import certus.solver.Termination.Limit;
import certus.solver.Termination.Reason;
import org.junit.jupiter.api.Test;

/** Gurobi's status table, code by code; no Gurobi needed. */
class GurobiStatusTest {
    private static void expect(int code, boolean incumbent, Reason reason, Limit limit) {
        Termination t = GurobiStatus.map(code, incumbent);
        assertEquals(reason, t.reason(), "code " + code + " incumbent " + incumbent);
        assertEquals(limit, t.limit(), "code " + code + " incumbent " + incumbent);
    }

    @Test
    void eachCode() {
        expect(1, false, Reason.OTHER_ERROR, Limit.NONE);           // LOADED
        expect(2, true, Reason.OPTIMAL, Limit.NONE);                // OPTIMAL
        expect(2, false, Reason.OTHER_ERROR, Limit.NONE);           // OPTIMAL without a point: inconsistent
        expect(3, false, Reason.INFEASIBLE, Limit.NONE);
        expect(4, false, Reason.INFEASIBLE_OR_UNBOUNDED, Limit.NONE);
        expect(5, false, Reason.UNBOUNDED, Limit.NONE);
        expect(6, false, Reason.NO_SOLUTION_FOUND, Limit.OTHER);    // CUTOFF
        expect(7, true, Reason.FEASIBLE, Limit.ITERATION);
        expect(8, true, Reason.FEASIBLE, Limit.NODE);
        expect(8, false, Reason.NO_SOLUTION_FOUND, Limit.NODE);
        expect(9, true, Reason.FEASIBLE, Limit.TIME);
        expect(9, false, Reason.NO_SOLUTION_FOUND, Limit.TIME);
        expect(10, true, Reason.FEASIBLE, Limit.SOLUTION);
        expect(11, true, Reason.FEASIBLE, Limit.INTERRUPTED);
        expect(11, false, Reason.NO_SOLUTION_FOUND, Limit.INTERRUPTED);
        expect(12, true, Reason.NUMERICAL_ERROR, Limit.NONE);
        expect(13, true, Reason.OTHER_ERROR, Limit.NONE);           // SUBOPTIMAL is not optimal
        expect(14, true, Reason.OTHER_ERROR, Limit.NONE);           // INPROGRESS
        expect(15, true, Reason.FEASIBLE, Limit.OTHER);             // USER_OBJ_LIMIT
        expect(16, true, Reason.FEASIBLE, Limit.OTHER);             // WORK_LIMIT
        expect(17, true, Reason.FEASIBLE, Limit.MEMORY);
    }

    @Test
    void unknownCodesAreOtherErrorsNeverOptimal() {
        for (int code : new int[] {-1, 0, 18, 99, Integer.MAX_VALUE}) {
            for (boolean incumbent : new boolean[] {true, false}) {
                Termination t = GurobiStatus.map(code, incumbent);
                assertEquals(Reason.OTHER_ERROR, t.reason(), "code " + code);
            }
        }
        for (int code = -5; code < 40; code++) {
            if (code != 2) assertNotEquals(Reason.OPTIMAL, GurobiStatus.map(code, true).reason(), "code " + code);
        }
    }

    @Test
    void constantsMatchTheGurobiJar() {
        assertEquals(com.gurobi.gurobi.GRB.Status.OPTIMAL, GurobiStatus.OPTIMAL);
        assertEquals(com.gurobi.gurobi.GRB.Status.TIME_LIMIT, GurobiStatus.TIME_LIMIT);
        assertEquals(com.gurobi.gurobi.GRB.Status.INTERRUPTED, GurobiStatus.INTERRUPTED);
        assertEquals(com.gurobi.gurobi.GRB.Status.MEM_LIMIT, GurobiStatus.MEM_LIMIT);
        assertEquals(com.gurobi.gurobi.GRB.Status.NUMERIC, GurobiStatus.NUMERIC);
    }
}
