package certus.app.cli;

import certus.data.DataFormatException;
import certus.smtl.InvalidProblemException;

import java.io.UncheckedIOException;

/** Exit codes of design.md and the mapping from exceptions to them (one place, unit-tested). */
final class ExitCodes {
    static final int OK = 0;
    /** Bad input or usage: data, params file, parameter values, command line, unwritable output path. */
    static final int BAD_INPUT = 2;
    /** The solver (heuristic or backend) failed. */
    static final int SOLVER_ERROR = 3;
    /** A limit was reached without any feasible solution. */
    static final int NO_SOLUTION = 4;
    /**
     * {@code verify}: the certificate was read but at least one check failed. Its own code (not 2, not 3) so a
     * script can tell "this certificate is wrong" from "the inputs could not be read" and "the solver failed".
     */
    static final int VERIFY_FAILED = 5;

    private ExitCodes() {}

    static int of(Throwable e) {
        if (e instanceof DataFormatException || e instanceof InvalidProblemException || e instanceof UsageException
                || e instanceof UncheckedIOException) {
            return BAD_INPUT;
        }
        return SOLVER_ERROR;
    }

    /** One line for stderr; a message-less exception still says what it was. */
    static String message(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) m = e.getClass().getSimpleName();
        if (e instanceof UnsupportedOperationException) m = "solver unavailable: " + m;
        if (e instanceof certus.solver.SolverUnavailableException && !m.contains("Maybe")) {
            m = m + ". Maybe run 'certus backends' to see what is installed and why.";
        }
        return "error: " + m.replace('\n', ' ');
    }

    /** A command-line value the parser accepted but the command cannot use (e.g. an impossible design). */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
