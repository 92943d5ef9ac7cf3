package certus.app.cli;

import certus.solver.CancellationToken;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C for long commands: the shutdown hook cancels the run's token, then holds the JVM until the command has
 * written its result (the best state so far, with its true status) or the wait runs out. Close it after writing.
 * A disabled instance (tests: the JVM is shared and never exits) does nothing.
 */
final class CtrlC implements AutoCloseable {
    /** How long the hook waits for the result to be written before letting the JVM exit anyway. */
    static final long SHUTDOWN_WAIT_SECONDS = 30;

    private final CountDownLatch written = new CountDownLatch(1);
    private final Thread hook;

    private CtrlC(CancellationToken token, boolean install) {
        if (!install) {
            hook = null;
            return;
        }
        hook = new Thread(() -> {
            token.cancel();
            try {
                written.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "certus-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Installs the hook when {@code install} is true. */
    static CtrlC cancels(CancellationToken token, boolean install) {
        return new CtrlC(token, install);
    }

    /** The result is out (or the command failed): release a waiting hook and remove it. */
    @Override
    public void close() {
        written.countDown();
        if (hook == null) return;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running (Ctrl-C): it is waiting for the latch we just released
        }
    }
}
