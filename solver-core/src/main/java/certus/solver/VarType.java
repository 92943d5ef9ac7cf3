package certus.solver;

/** Domain of a model variable. BINARY is INTEGER with bounds inside [0, 1]. */
public enum VarType { CONTINUOUS, INTEGER, BINARY }
