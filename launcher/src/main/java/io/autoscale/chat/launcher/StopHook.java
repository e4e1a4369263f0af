package io.autoscale.chat.launcher;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a service cleanly on SIGTERM or SIGINT and makes the process exit 0.
 *
 * <p>The JVM answers those signals by running its shutdown hooks and then exiting with 128 + the signal
 * (143 for SIGTERM), which a supervisor reads as a crash. This hook closes the service (consumers commit,
 * clients close, temporary folders go) and then calls {@link Runtime#halt(int)} with 0, or 1 when the close
 * failed. When the command ends on its own it calls {@link #close()} first: the hook is removed and the
 * command's own exit code stands.
 */
final class StopHook implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StopHook.class);

    private final String name;
    private final AutoCloseable service;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Thread hook;

    private StopHook(String name, AutoCloseable service) {
        this.name = name;
        this.service = service;
        this.hook = new Thread(this::onSignal, name + "-stop");
    }

    /** Registers the hook; from here on a signal closes {@code service}. */
    static StopHook install(String name, AutoCloseable service) {
        StopHook stopHook = new StopHook(name, service);
        Runtime.getRuntime().addShutdownHook(stopHook.hook);
        return stopHook;
    }

    /** {@code true} once a signal or the command itself has begun to close the service. */
    boolean stopping() {
        return stopping.get();
    }

    /** The command's own end: closes the service here and leaves the exit code to the command. */
    @Override
    public void close() throws Exception {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // A signal arrived meanwhile; the JVM exits once the hooks are done, the service closed here.
        }
        service.close();
    }

    private void onSignal() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        LOG.info("Stop signal received, closing service={}", name);
        int exitCode = 0;
        try {
            service.close();
            LOG.info("Service stopped cleanly service={}", name);
        } catch (Exception e) {
            LOG.error("Service did not close cleanly service={}", name, e);
            exitCode = OneLineErrors.RUN_FAILED;
        }
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(exitCode);
    }
}
