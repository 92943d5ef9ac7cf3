package certus.solver.ortools;

import static com.google.ortools.linearsolver.MPSolverResponseStatus.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import certus.solver.Termination;
import certus.solver.Termination.Limit;
import certus.solver.Termination.Reason;
import com.google.ortools.linearsolver.MPSolverResponseStatus;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every native status code through every backend's table, under three kinds of evidence. The expected rows are
 * written out here by hand; a status constant added by a newer OR-Tools fails {@link #everyCodeHasAnExpectedRow}.
 */
class StatusTablesTest {
    /** Incumbent in hand, the time limit was reached. */
    static final StopEvidence TIMED_OUT = new StopEvidence(true, true, Limit.OTHER);
    /** No incumbent, no time limit reached, a node limit was set through backend options. */
    static final StopEvidence NODE_LIMIT_NO_POINT = new StopEvidence(false, false, Limit.NODE);
    /** Incumbent, nothing reached. */
    static final StopEvidence PLAIN = new StopEvidence(true, false, Limit.OTHER);

    record Row(Reason reason, Limit limit) {}

    static Row r(Reason reason, Limit limit) { return new Row(reason, limit); }

    static Row r(Reason reason) { return new Row(reason, Limit.NONE); }

    /** The common table (SCIP and CBC; HiGHS differs in two rows, checked below) for each evidence. */
    static Map<MPSolverResponseStatus, Row[]> common() {
        Map<MPSolverResponseStatus, Row[]> t = new EnumMap<>(MPSolverResponseStatus.class);
        //                       TIMED_OUT                              NODE_LIMIT_NO_POINT                         PLAIN
        t.put(MPSOLVER_OPTIMAL, new Row[]{r(Reason.OPTIMAL), r(Reason.OTHER_ERROR), r(Reason.OPTIMAL)});
        t.put(MPSOLVER_FEASIBLE, new Row[]{r(Reason.FEASIBLE, Limit.TIME), r(Reason.NO_SOLUTION_FOUND, Limit.NODE), r(Reason.FEASIBLE, Limit.OTHER)});
        t.put(MPSOLVER_INFEASIBLE, new Row[]{r(Reason.INFEASIBLE), r(Reason.INFEASIBLE), r(Reason.INFEASIBLE)});
        t.put(MPSOLVER_UNBOUNDED, new Row[]{r(Reason.UNBOUNDED), r(Reason.UNBOUNDED), r(Reason.UNBOUNDED)});
        t.put(MPSOLVER_ABNORMAL, new Row[]{r(Reason.OTHER_ERROR), r(Reason.OTHER_ERROR), r(Reason.OTHER_ERROR)});
        t.put(MPSOLVER_NOT_SOLVED, new Row[]{r(Reason.FEASIBLE, Limit.TIME), r(Reason.OTHER_ERROR), r(Reason.OTHER_ERROR)});
        t.put(MPSOLVER_MODEL_IS_VALID, new Row[]{r(Reason.OTHER_ERROR), r(Reason.OTHER_ERROR), r(Reason.OTHER_ERROR)});
        t.put(MPSOLVER_CANCELLED_BY_USER, new Row[]{r(Reason.FEASIBLE, Limit.INTERRUPTED), r(Reason.NO_SOLUTION_FOUND, Limit.INTERRUPTED), r(Reason.FEASIBLE, Limit.INTERRUPTED)});
        t.put(MPSOLVER_UNKNOWN_STATUS, new Row[]{r(Reason.OTHER_ERROR), r(Reason.OTHER_ERROR), r(Reason.OTHER_ERROR)});
        t.put(MPSOLVER_MODEL_INVALID, new Row[]{r(Reason.INVALID_MODEL), r(Reason.INVALID_MODEL), r(Reason.INVALID_MODEL)});
        t.put(MPSOLVER_MODEL_INVALID_SOLUTION_HINT, new Row[]{r(Reason.INVALID_MODEL), r(Reason.INVALID_MODEL), r(Reason.INVALID_MODEL)});
        t.put(MPSOLVER_MODEL_INVALID_SOLVER_PARAMETERS, new Row[]{r(Reason.OTHER_ERROR), r(Reason.OTHER_ERROR), r(Reason.OTHER_ERROR)});
        t.put(MPSOLVER_SOLVER_TYPE_UNAVAILABLE, new Row[]{r(Reason.OTHER_ERROR), r(Reason.OTHER_ERROR), r(Reason.OTHER_ERROR)});
        t.put(MPSOLVER_INCOMPATIBLE_OPTIONS, new Row[]{r(Reason.OTHER_ERROR), r(Reason.OTHER_ERROR), r(Reason.OTHER_ERROR)});
        return t;
    }

    static final StopEvidence[] EVIDENCE = {TIMED_OUT, NODE_LIMIT_NO_POINT, PLAIN};

    static void assertTable(OrToolsBackend.StatusTable table, Map<MPSolverResponseStatus, Row[]> expected) {
        expected.forEach((status, rows) -> {
            for (int e = 0; e < EVIDENCE.length; e++) {
                Termination t = table.map(status.getNumber(), "", EVIDENCE[e]);
                assertEquals(rows[e], new Row(t.reason(), t.limit()), status + " with evidence " + EVIDENCE[e]);
            }
        });
    }

    @Test
    void everyCodeHasAnExpectedRow() {
        assertEquals(EnumSet.allOf(MPSolverResponseStatus.class), common().keySet());
    }

    @Test
    void scipTableCodeByCode() {
        assertTable(StatusTables::scip, common());
    }

    @Test
    void cbcTableCodeByCode() {
        assertTable(StatusTables::cbc, common());
    }

    @Test
    void highsTableCodeByCode() {
        Map<MPSolverResponseStatus, Row[]> t = common();
        // A HiGHS time limit arrives as UNKNOWN_STATUS and OR-Tools drops the incumbent.
        t.put(MPSOLVER_UNKNOWN_STATUS, new Row[]{r(Reason.NO_SOLUTION_FOUND, Limit.TIME), r(Reason.OTHER_ERROR), r(Reason.OTHER_ERROR)});
        assertTable(StatusTables::highs, t);
    }

    @Test
    void unknownNativeCodesAreOtherErrorNeverOptimal() {
        for (OrToolsBackend.StatusTable table : Set.<OrToolsBackend.StatusTable>of(StatusTables::scip, StatusTables::cbc, StatusTables::highs)) {
            for (int code : new int[]{-1, 42, 12345, Integer.MAX_VALUE}) {
                for (StopEvidence ev : EVIDENCE) {
                    Termination t = table.map(code, "", ev);
                    assertEquals(Reason.OTHER_ERROR, t.reason(), "code " + code);
                    assertNotEquals(Reason.OPTIMAL, t.reason());
                }
            }
        }
    }

    @Test
    void infeasibleThatMayBeUnboundedIsInfeasibleOrUnbounded() {
        String text = "The model may actually be unbounded: HiGHS returned kUnboundedOrInfeasible";
        for (OrToolsBackend.StatusTable table : Set.<OrToolsBackend.StatusTable>of(StatusTables::scip, StatusTables::cbc, StatusTables::highs)) {
            assertEquals(Reason.INFEASIBLE_OR_UNBOUNDED, table.map(MPSOLVER_INFEASIBLE_VALUE, text, PLAIN).reason());
        }
    }

    @Test
    void abnormalMentioningNumericsIsNumericalError() {
        assertEquals(Reason.NUMERICAL_ERROR, StatusTables.scip(MPSOLVER_ABNORMAL_VALUE, "numerical troubles in LP", PLAIN).reason());
    }

    @Test
    void timeEvidenceNeedsTheLimitReached() {
        java.util.Map<String, String> none = Map.of();
        assertEquals(Limit.TIME, StopEvidence.of(true, 0.49, 0.5, none).stoppingLimit());
        assertEquals(Limit.OTHER, StopEvidence.of(true, 0.2, 0.5, none).stoppingLimit());
        assertEquals(Limit.NODE, StopEvidence.of(true, 0.2, 0.5, Map.of("limits/nodes", "5")).stoppingLimit());
        assertEquals(Limit.SOLUTION, StopEvidence.of(true, 0.2, Double.POSITIVE_INFINITY, Map.of("limits/solutions", "1")).stoppingLimit());
    }
}
