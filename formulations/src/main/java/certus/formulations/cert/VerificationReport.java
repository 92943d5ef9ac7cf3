package certus.formulations.cert;

import java.util.List;

/**
 * Outcome of {@link CertificateVerifier#verify}: every check by name, passed or not, with a message that gives
 * the numbers. A certificate is valid only when every check passed.
 *
 * @param checks the checks in the order they ran
 */
public record VerificationReport(List<Check> checks) {
    public VerificationReport {
        checks = List.copyOf(checks);
    }

    /**
     * @param name    short stable name (tests and scripts match on it), e.g. "objective"
     * @param passed  whether it holds
     * @param message what was compared, with values
     */
    public record Check(String name, boolean passed, String message) {
    }

    public boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }

    public List<Check> failures() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }

    /** The check with this name, or null. */
    public Check check(String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }
}
