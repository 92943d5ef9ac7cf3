package certus.solver.ortools;

import certus.solver.Availability;
import com.google.ortools.Loader;

/**
 * Loads the OR-Tools native libraries at most once, lazily, on first need. Backends must be cheap to construct
 * (ServiceLoader instantiates every one of them, even when the caller only lists names), so nothing native happens
 * until {@link #availability()} is first asked. A failure is remembered and reported as an {@link Availability},
 * never thrown: a machine without the natives simply has no OR-Tools backends.
 */
public final class OrToolsNatives {
    /** The OR-Tools release these backends were written and tested against. */
    public static final String VERSION = "9.15.6755";

    private OrToolsNatives() {}

    /** Initialization-on-demand holder: the JVM guarantees the load runs once, thread-safely, on first access. */
    private static final class Holder {
        static final Availability AVAILABILITY = load();

        private static Availability load() {
            try {
                Loader.loadNativeLibraries();
                return Availability.yes();
            } catch (Throwable t) { // UnsatisfiedLinkError, NoClassDefFoundError, I/O errors while unpacking, ...
                return Availability.no("OR-Tools " + VERSION + " native libraries failed to load: " + t
                        + ". Maybe this platform is not linux-x86-64 (only that native jar is packaged), or the"
                        + " temporary directory is not writable; on JDK 22+ add --enable-native-access=ALL-UNNAMED.");
            }
        }
    }

    /** Whether the natives are loaded; loads them on the first call. */
    public static Availability availability() {
        return Holder.AVAILABILITY;
    }
}
