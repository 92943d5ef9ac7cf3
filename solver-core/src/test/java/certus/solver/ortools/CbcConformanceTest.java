package certus.solver.ortools;

import certus.solver.SolverBackend;
import certus.solver.conformance.BackendConformanceTest;

class CbcConformanceTest extends BackendConformanceTest {
    @Override
    protected SolverBackend backend() { return new CbcBackend(); }
}
