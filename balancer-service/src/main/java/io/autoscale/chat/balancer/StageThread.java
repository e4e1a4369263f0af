package io.autoscale.chat.balancer;

import java.time.Duration;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread of one balancer stage: subscribes, polls until closed, commits what it has finished
 * and closes its clients. Each stage owns its clients, so no lock is shared between stages.
 */
abstract class StageThread implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StageThread.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private volatile boolean running;
    private volatile RuntimeException failure;
    private Thread thread;

    StageThread(String name) {
        this.name = name;
    }

    /** Subscribes or assigns the stage's consumers. */
    abstract void subscribe();

    /** One turn of the loop. */
    abstract void pollOnce(Duration timeout);

    /** Commits what is finished, without throwing: the stage is stopping. */
    abstract void maybeCommitOnExit();

    /** Interrupts a poll in progress, from another thread. */
    abstract void wakeup();

    abstract void closeClients();

    synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("the " + name + " is already started");
        }
        running = true;
        thread = new Thread(this::run, name);
        thread.start();
    }

    /** Stops the loop, commits what is finished, closes the clients and waits for the thread. */
    @Override
    public void close() {
        Thread started;
        synchronized (this) {
            started = thread;
            running = false;
        }
        if (started == null) {
            closeClients();
            return;
        }
        wakeup();
        try {
            started.join(JOIN_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (started.isAlive()) {
            LOG.warn("Balancer stage did not stop within {} s stage={}", JOIN_TIMEOUT.toSeconds(), name);
        }
    }

    /** What stopped the stage's thread, or {@code null} while it runs or after a clean stop. */
    RuntimeException failure() {
        return failure;
    }

    String name() {
        return name;
    }

    private void run() {
        try {
            subscribe();
            while (running) {
                pollOnce(POLL_TIMEOUT);
            }
        } catch (WakeupException e) {
            LOG.debug("Balancer stage woken up to stop stage={}", name);
        } catch (RuntimeException e) {
            failure = e;
            LOG.error("Balancer stage failed stage={}", name, e);
        } finally {
            maybeCommitOnExit();
            closeClients();
        }
    }
}
