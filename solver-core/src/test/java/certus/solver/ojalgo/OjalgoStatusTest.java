package certus.solver.ojalgo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certus.solver.Termination.Limit;
import certus.solver.Termination.Reason;
import certus.solver.ojalgo.OjalgoStatus.Outcome;
import certus.solver.ojalgo.OjalgoStatus.Stop;
import org.junit.jupiter.api.Test;
import org.ojalgo.optimisation.Optimisation.State;

/** The ojAlgo state table of {@link OjalgoStatus}, row by row. */
class OjalgoStatusTest {
    private static final Stop NORMAL = new Stop(false, false);
    private static final Stop TIME = new Stop(false, true);
    private static final Stop CANCEL = new Stop(true, true);

    private static Outcome map(State s, boolean point, Stop stop) {
        return OjalgoStatus.map(s, point, stop, true);
    }

    @Test
    void optimalAndDistinctAreOptimalOnlyWithAFeasiblePoint() {
        for (State s : new State[] {State.OPTIMAL, State.DISTINCT}) {
            Outcome o = map(s, true, NORMAL);
            assertEquals(Reason.OPTIMAL, o.termination().reason());
            assertTrue(o.keepPoint());
            Outcome bad = map(s, false, NORMAL);
            assertEquals(Reason.NUMERICAL_ERROR, bad.termination().reason());
            assertFalse(bad.keepPoint());
        }
    }

    @Test
    void feasibleAndApproximateAreLimitsNeverOptimal() {
        for (State s : new State[] {State.FEASIBLE, State.APPROXIMATE}) {
            Outcome t = map(s, true, TIME);
            assertEquals(Reason.FEASIBLE, t.termination().reason());
            assertEquals(Limit.TIME, t.termination().limit());
            assertTrue(t.keepPoint());
            assertEquals(Limit.INTERRUPTED, map(s, true, CANCEL).termination().limit());
            assertEquals(Limit.OTHER, map(s, true, NORMAL).termination().limit());
            Outcome noPoint = map(s, false, TIME);
            assertEquals(Reason.NO_SOLUTION_FOUND, noPoint.termination().reason());
            assertFalse(noPoint.keepPoint());
        }
    }

    @Test
    void infeasibleIsTrustedOnlyWithoutALimitAndOnBoundedDomains() {
        assertEquals(Reason.INFEASIBLE, map(State.INFEASIBLE, false, NORMAL).termination().reason());
        assertEquals(Reason.INFEASIBLE_OR_UNBOUNDED, OjalgoStatus.map(State.INFEASIBLE, false, NORMAL, false).termination().reason());
        Outcome timed = map(State.INFEASIBLE, false, TIME);
        assertEquals(Reason.NO_SOLUTION_FOUND, timed.termination().reason());
        assertEquals(Limit.TIME, timed.termination().limit());
        assertEquals(Limit.INTERRUPTED, map(State.INFEASIBLE, false, CANCEL).termination().limit());
    }

    @Test
    void unboundedInvalidAndFailedMapToTheirErrors() {
        assertEquals(Reason.UNBOUNDED, map(State.UNBOUNDED, true, NORMAL).termination().reason());
        assertFalse(map(State.UNBOUNDED, true, NORMAL).keepPoint());
        assertEquals(Reason.INVALID_MODEL, map(State.INVALID, false, NORMAL).termination().reason());
        assertEquals(Reason.OTHER_ERROR, map(State.FAILED, false, NORMAL).termination().reason());
        Outcome failedInTime = map(State.FAILED, false, TIME);
        assertEquals(Reason.NO_SOLUTION_FOUND, failedInTime.termination().reason());
        assertEquals(Limit.TIME, failedInTime.termination().limit());
    }

    @Test
    void nonFinalAndMissingStatesAreOtherErrors() {
        for (State s : new State[] {State.UNEXPLORED, State.VALID, null}) {
            Outcome o = map(s, true, NORMAL);
            assertEquals(Reason.OTHER_ERROR, o.termination().reason(), String.valueOf(s));
            assertFalse(o.keepPoint());
        }
    }

    @Test
    void everyStateIsMappedAndOnlyOptimalOrDistinctGiveOptimal() {
        for (State s : State.values()) {
            for (Stop stop : new Stop[] {NORMAL, TIME, CANCEL}) {
                for (boolean point : new boolean[] {true, false}) {
                    Reason r = map(s, point, stop).termination().reason();
                    if (s != State.OPTIMAL && s != State.DISTINCT) assertNotEquals(Reason.OPTIMAL, r, s + " " + stop);
                }
            }
        }
    }

    @Test
    void gapContextIsNeverLooserThanRequested() {
        assertEquals(1e-4, OjalgoParameters.gapContext(1e-4, 1e-9).error(1.0), 1e-12);
        assertTrue(OjalgoParameters.gapContext(3e-4, 1e-9).error(1.0) <= 3e-4);
        assertTrue(OjalgoParameters.gapContext(0, 0).error(1.0) <= 1e-12);
        assertTrue(OjalgoParameters.gapContext(1e-2, 1e-6).error(0.0) <= 1e-6);
    }
}
