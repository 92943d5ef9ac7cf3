package certus.solver.gurobi;

import certus.solver.Availability;
import certus.solver.Backends;
import certus.solver.CancellationToken;
import certus.solver.Capability;
import certus.solver.Model;
import certus.solver.SolveListener;
import certus.solver.SolveParameters;
import certus.solver.SolveResult;
import certus.solver.SolverBackend;
import certus.solver.SolverUnavailableException;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Gurobi as an optional backend. This class references no Gurobi type, so ServiceLoader can instantiate it when
 * the Gurobi jar is absent; every Gurobi call lives in {@link GurobiSolve}, which is touched only after
 * {@link #availability()} confirmed the jar (and a licence). Availability is computed once (creating an
 * environment checks the licence and costs a licence-server round trip) and cached.
 */
public final class GurobiBackend implements SolverBackend {
    static final String ENV_CLASS = "com.gurobi.gurobi.GRBEnv";
    static final String NO_JAR = "Gurobi is not on the classpath (class " + ENV_CLASS
            + " not found). Maybe add com.gurobi:gurobi:12.0.3 and a licence.";

    private static final Set<Capability> CAPABILITIES = EnumSet.allOf(Capability.class);

    private final Predicate<String> classPresent;
    private volatile Availability availability;

    public GurobiBackend() {
        this(GurobiBackend::onClasspath);
    }

    /** For tests: decides whether a class is "on the classpath", to exercise the missing-jar path. */
    GurobiBackend(Predicate<String> classPresent) {
        this.classPresent = classPresent;
    }

    @Override
    public String name() { return "gurobi"; }

    @Override
    public String version() {
        return availability().available() ? GurobiSolve.version() : "absent";
    }

    @Override
    public Set<Capability> capabilities() { return CAPABILITIES; }

    @Override
    public Availability availability() {
        Availability a = availability;
        if (a == null) availability = a = probe();
        return a;
    }

    private Availability probe() {
        if (!classPresent.test(ENV_CLASS)) return Availability.no(NO_JAR);
        try {
            return GurobiSolve.probeEnvironment();
        } catch (LinkageError e) { // natives missing or for another platform
            return Availability.no("Gurobi classes found but could not load (" + e + "). Maybe check the jar matches this platform.");
        }
    }

    @Override
    public SolveResult solve(Model model, SolveParameters parameters, SolveListener listener, CancellationToken cancellation) {
        Backends.checkCapabilities(this, model);
        Availability a = availability();
        if (!a.available()) throw new SolverUnavailableException("backend gurobi is unavailable: " + a.reason());
        return GurobiSolve.solve(model, parameters, listener, cancellation, name());
    }

    private static boolean onClasspath(String className) {
        try {
            Class.forName(className, false, GurobiBackend.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
