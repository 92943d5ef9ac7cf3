package certus.solver.ortools;

import certus.solver.Availability;
import com.google.ortools.linearsolver.MPModelRequest;
import com.google.ortools.linearsolver.MPSolutionResponse;
import com.google.ortools.linearsolver.MPSolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Main class of the child JVM in which {@link ScipChildProcess} runs one SCIP solve:
 * {@code ScipChildMain REQUEST_FILE RESPONSE_FILE}. It reads a serialized {@code MPModelRequest}, solves it with
 * {@code MPSolver.solveWithProto} and writes the {@code MPSolutionResponse} atomically (temp file + rename), so
 * the parent never reads half a response. SCIP's log goes to this process's stdout, which the parent reads.
 *
 * <p>SIGINT is how the parent interrupts: during the solve SCIP's own handler ({@code misc/catchctrlc}) turns it
 * into "stop and return the incumbent". Outside SCIP's handler window the JVM would shut down on SIGINT and lose
 * the response, so the JVM's handler is replaced by one that only records the signal; a signal that arrives
 * before the solve starts makes the child skip the solve and report "cancelled" (exit code 130, no response).
 */
public final class ScipChildMain {
    /** Exit code when a stop arrived before SCIP started. */
    static final int EXIT_CANCELLED_BEFORE_START = 130;
    /** Printed once the child is set up: a child that dies before it never ran SCIP (see ScipChildProcess). */
    static final String READY = "certus-scip-child: ready";
    /** Exit code when the OR-Tools natives cannot be loaded. */
    static final int EXIT_UNAVAILABLE = 3;

    private static volatile boolean stopRequested;

    private ScipChildMain() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ScipChildMain REQUEST_FILE RESPONSE_FILE");
            System.exit(2);
        }
        recordSigintInsteadOfExiting();
        Availability a = OrToolsNatives.availability();
        if (!a.available()) {
            System.err.println(a.reason());
            System.exit(EXIT_UNAVAILABLE);
        }
        MPModelRequest request = MPModelRequest.parseFrom(Files.readAllBytes(Path.of(args[0])));
        if (stopRequested) System.exit(EXIT_CANCELLED_BEFORE_START);
        System.out.println(READY);
        System.out.flush();
        MPSolutionResponse response = MPSolver.solveWithProto(request);
        System.out.flush();
        Path target = Path.of(args[1]);
        Path part = target.resolveSibling(target.getFileName() + ".part");
        Files.write(part, response.toByteArray());
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        System.exit(0);
    }

    @SuppressWarnings("restriction")
    private static void recordSigintInsteadOfExiting() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> stopRequested = true);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // The JVM was started with SIGINT ignored (e.g. nohup): then it cannot reach the JVM either.
        }
    }
}
