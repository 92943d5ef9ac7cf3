package certus.solver;

/** What we hold — the second axis of a result. */
public enum PrimalStatus { NO_SOLUTION, FEASIBLE_POINT }
