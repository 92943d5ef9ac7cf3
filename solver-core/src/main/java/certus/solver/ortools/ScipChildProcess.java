package certus.solver.ortools;

import certus.solver.CancellationToken;
import certus.solver.SolveListener;
import com.google.ortools.linearsolver.MPModelRequest;
import com.google.ortools.linearsolver.MPSolutionResponse;
import com.google.ortools.linearsolver.MPSolverResponseStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * One SCIP solve in a child JVM ({@link ScipChildMain}), for the two things OR-Tools' in-process SCIP cannot do
 * (see {@link OrToolsBackend}): stop on a {@link CancellationToken} from another thread, and show its log. On
 * cancellation the child gets SIGINT, which SCIP turns into "stop now, keep the incumbent and the bound"; its
 * log lines reach the listener, and its progress table becomes progress events ({@link ScipLogParser}).
 *
 * <p>Cost: a JVM start and the native load, about half a second, which is why {@link ScipBackend} uses this only
 * for solves that can be cancelled and may run long. Safety nets: SIGINT is resent (SCIP may not have installed
 * its handler yet) up to {@link #MAX_SIGINTS} times — SCIP itself aborts the process on the fifth — and a child
 * still alive {@link #KILL_GRACE_SECONDS} after its time limit or after cancellation is killed; the solve then
 * ends without a point, never with a wrong one.
 */
final class ScipChildProcess {
    static final int MAX_SIGINTS = 3;
    static final double KILL_GRACE_SECONDS = 15;
    static final String CLASSPATH_PROPERTY = "certus.scip.child.classpath";
    private static final int LOG_TAIL = 20;
    /** How SCIP's final status line names a stop by SIGINT ("solving was interrupted [user interrupt]"). */
    static final String USER_INTERRUPT = "[user interrupt]";

    private ScipChildProcess() {}

    /**
     * Solves {@code request} in a child JVM. Returns the child's response, marked interrupted when a cancellation
     * was delivered; a cancelled child without a response gives CANCELLED_BY_USER without a point. A child that
     * cannot start (no {@code java} binary, a class path that does not reach OR-Tools, as in some application
     * servers) is reported to the listener and the solve runs in process instead, uninterruptible but correct.
     *
     * @throws IllegalStateException when the child failed after SCIP started, without a response
     */
    static NativeResponse solve(MPModelRequest request, int variables, CancellationToken cancellation, SolveListener listener,
                                java.util.function.Supplier<NativeResponse> inProcess) {
        try {
            return solveInChild(request, variables, cancellation, listener);
        } catch (ChildDidNotStart e) {
            listener.onLog("SCIP child process did not start (" + e.getMessage() + "); solving in process, without interruption");
            return inProcess.get();
        }
    }

    /** The child failed before it printed {@link ScipChildMain#READY}. */
    private static final class ChildDidNotStart extends Exception {
        ChildDidNotStart(String message) {
            super(message);
        }
    }

    private static NativeResponse solveInChild(MPModelRequest request, int variables, CancellationToken cancellation, SolveListener listener)
            throws ChildDidNotStart {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("certus-scip-");
            Path requestFile = dir.resolve("request.pb");
            Path responseFile = dir.resolve("response.pb");
            Files.write(requestFile, request.toByteArray());
            Process child;
            try {
                child = new ProcessBuilder(command(requestFile, responseFile)).redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new ChildDidNotStart(e.getMessage());
            }
            long start = System.nanoTime();
            Deque<String> tail = new ArrayDeque<>();
            AtomicBoolean userInterrupt = new AtomicBoolean();
            AtomicBoolean ready = new AtomicBoolean();
            Thread reader = startLogReader(child, listener, tail, start, userInterrupt, ready);
            Interrupter interrupter = new Interrupter(child);
            try (CancellationToken.Registration ignored = cancellation.onCancel(interrupter::begin)) {
                waitFor(child, request.hasSolverTimeLimitSeconds() ? request.getSolverTimeLimitSeconds() : Double.POSITIVE_INFINITY, interrupter);
            }
            reader.join(2_000);
            // SIGINT may also come from the terminal (Ctrl-C reaches the whole process group): SCIP says so in its log,
            // possibly before our own shutdown hook has cancelled the token.
            boolean interrupted = interrupter.delivered() || cancellation.isCancelled() || userInterrupt.get();
            if (Files.exists(responseFile)) {
                NativeResponse r = NativeResponse.of(MPSolutionResponse.parseFrom(Files.readAllBytes(responseFile)), variables, 0);
                return interrupted ? r.markInterrupted() : r;
            }
            if (interrupted) {
                return new NativeResponse(MPSolverResponseStatus.MPSOLVER_CANCELLED_BY_USER_VALUE,
                        "cancelled before SCIP returned a solution (child exit " + child.exitValue() + ")", Double.NaN,
                        Double.NEGATIVE_INFINITY, null, 0, true);
            }
            if (!ready.get()) throw new ChildDidNotStart("exit code " + child.exitValue() + ": " + String.join(" / ", snapshot(tail)));
            throw new IllegalStateException("SCIP child process exited with code " + child.exitValue() + " without a response; last output:\n"
                    + String.join("\n", snapshot(tail)));
        } catch (IOException e) {
            throw new UncheckedIOException("SCIP child process: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the SCIP child process", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /**
     * The JVM that runs us, a small heap (SCIP's memory is native) and fast start-up, with our class path, or the
     * one in {@value #CLASSPATH_PROPERTY} for embedders whose {@code java.class.path} does not reach OR-Tools.
     */
    private static List<String> command(Path requestFile, Path responseFile) {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = System.getProperty(CLASSPATH_PROPERTY, System.getProperty("java.class.path"));
        return List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", classPath, ScipChildMain.class.getName(), requestFile.toString(), responseFile.toString());
    }

    private static Thread startLogReader(Process child, SolveListener listener, Deque<String> tail, long startNanos, AtomicBoolean userInterrupt,
                                         AtomicBoolean ready) {
        Thread t = new Thread(() -> {
            ScipLogParser parser = new ScipLogParser();
            double[] last = {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}; // time, incumbent, bound
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (!ready.get() && line.equals(ScipChildMain.READY)) {
                        ready.set(true);
                        continue;
                    }
                    synchronized (tail) {
                        if (tail.size() == LOG_TAIL) tail.removeFirst();
                        tail.addLast(line);
                    }
                    listener.onLog(line);
                    if (line.contains(USER_INTERRUPT)) userInterrupt.set(true);
                    parser.progress(line, (System.nanoTime() - startNanos) / 1e9).ifPresent(p -> {
                        // at most a few events per second (the listener's contract), but never drop an improvement
                        boolean better = p.incumbent() < last[1] || p.bound() > last[2];
                        if (better || p.seconds() - last[0] >= 0.5) {
                            last[0] = p.seconds();
                            last[1] = Math.min(last[1], p.incumbent());
                            last[2] = Math.max(last[2], p.bound());
                            listener.onProgress(p);
                        }
                    });
                }
            } catch (IOException e) {
                // the child's stdout closed abruptly (it was killed): nothing more to read
            }
        }, "certus-scip-log");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Waits for the child; kills it only when it overruns its time limit or a cancellation by the grace period. */
    private static void waitFor(Process child, double timeLimitSeconds, Interrupter interrupter) throws InterruptedException {
        long start = System.nanoTime();
        while (!child.waitFor(200, TimeUnit.MILLISECONDS)) {
            double elapsed = (System.nanoTime() - start) / 1e9;
            interrupter.resendIfDue();
            if (elapsed > timeLimitSeconds + KILL_GRACE_SECONDS || interrupter.overdue()) {
                child.destroyForcibly();
                child.waitFor();
                return;
            }
        }
    }

    private static List<String> snapshot(Deque<String> tail) {
        synchronized (tail) {
            return List.copyOf(tail);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) return;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory is harmless
        }
    }

    /** Sends SIGINT to the child on cancellation, and again once a second until {@link #MAX_SIGINTS}. */
    private static final class Interrupter {
        private final Process child;
        private volatile long firstNanos = -1;
        private int sent;

        Interrupter(Process child) {
            this.child = child;
        }

        void begin() {
            synchronized (this) {
                if (firstNanos >= 0) return;
                firstNanos = System.nanoTime();
            }
            send();
        }

        synchronized void resendIfDue() {
            if (firstNanos < 0 || sent >= MAX_SIGINTS || !child.isAlive()) return;
            if (System.nanoTime() - firstNanos >= sent * 1_000_000_000L) send();
        }

        boolean delivered() {
            return firstNanos >= 0;
        }

        boolean overdue() {
            return firstNanos >= 0 && System.nanoTime() - firstNanos > (long) (KILL_GRACE_SECONDS * 1e9);
        }

        private synchronized void send() {
            if (!child.isAlive()) return;
            sent++;
            try {
                new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).redirectErrorStream(true).start().waitFor(5, TimeUnit.SECONDS);
            } catch (IOException e) {
                child.destroy(); // no kill(1): SIGTERM ends the child without a response, the solve reports "cancelled"
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
