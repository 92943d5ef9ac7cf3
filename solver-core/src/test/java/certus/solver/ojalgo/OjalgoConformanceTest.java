package certus.solver.ojalgo;

import certus.solver.SolverBackend;
import certus.solver.conformance.BackendConformanceTest;

class OjalgoConformanceTest extends BackendConformanceTest {
    @Override
    protected SolverBackend backend() { return new OjalgoBackend(); }

    @Override
    protected boolean certifiesMiqp() { return false; }
}
