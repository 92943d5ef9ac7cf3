package certus.solver;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An instance-scoped registry of backends: a snapshot of {@link ServiceLoader} taken once, or an explicit list
 * (tests). No global mutable state. Lookups explain failures with the known names and a hint.
 */
public final class Backends {
    private final List<SolverBackend> backends;

    private Backends(List<SolverBackend> backends) {
        this.backends = List.copyOf(backends);
    }

    /** Every backend on the classpath, in ServiceLoader order. */
    public static Backends discover() {
        List<SolverBackend> found = new ArrayList<>();
        ServiceLoader.load(SolverBackend.class).forEach(found::add);
        return new Backends(found);
    }

    public static Backends of(List<SolverBackend> backends) {
        return new Backends(backends);
    }

    public List<SolverBackend> all() {
        return backends;
    }

    public Optional<SolverBackend> find(String name) {
        return backends.stream().filter(b -> b.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The named backend, available here; otherwise a SolverUnavailableException saying why. */
    public SolverBackend require(String name) {
        SolverBackend b = find(name).orElseThrow(() -> new SolverUnavailableException("unknown backend '" + name
                + "'; known: " + backends.stream().map(SolverBackend::name).collect(Collectors.joining(", "))
                + ". Maybe run 'certus backends' to see what is installed."));
        Availability a = b.availability();
        if (!a.available()) throw new SolverUnavailableException("backend " + b.name() + " is unavailable: " + a.reason());
        return b;
    }

    /** Available backends that can take a model with these needs, in registry order. */
    public List<SolverBackend> supporting(Set<Capability> needed) {
        return backends.stream().filter(b -> b.supports(needed) && b.availability().available()).toList();
    }

    /** Throws a ModelException naming the missing capabilities when {@code backend} cannot take {@code model}. */
    public static void checkCapabilities(SolverBackend backend, Model model) {
        Set<Capability> missing = EnumSet.copyOf(Capability.requiredBy(model));
        missing.removeAll(backend.capabilities());
        if (!missing.isEmpty()) {
            throw new ModelException("backend " + backend.name() + " cannot take model " + model.name() + ": it lacks "
                    + missing + ". Maybe choose a backend with " + missing + " (see 'certus backends').");
        }
    }
}
