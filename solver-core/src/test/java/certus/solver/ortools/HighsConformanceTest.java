package certus.solver.ortools;

import certus.solver.SolverBackend;
import certus.solver.conformance.BackendConformanceTest;

class HighsConformanceTest extends BackendConformanceTest {
    @Override
    protected SolverBackend backend() { return new HighsBackend(); }
}
