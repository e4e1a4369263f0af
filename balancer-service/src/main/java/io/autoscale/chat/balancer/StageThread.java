package io.autoscale.chat.balancer;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
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
    private Map<TopicPartition, OffsetAndMetadata> lastCommitted = Map.of();
    private Thread thread;

    StageThread(String name) {
        this.name = name;
    }

    /** Subscribes or assigns the stage's consumers. */
    abstract void subscribe();

    /** One turn of the loop. */
    abstract void pollOnce(Duration timeout);

    /** Commits what is finished. */
    abstract void commit();

    /** Whether a record this stage sent failed: nothing after it may be committed. */
    abstract boolean sendFailed();

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

    /** Commits what is finished, without throwing: the stage is stopping or giving up partitions. */
    void maybeCommitOnExit() {
        if (sendFailed()) {
            return;
        }
        try {
            commit();
        } catch (WakeupException e) {
            commit();
        } catch (RuntimeException e) {
            LOG.warn("Balancer stage could not commit its offsets stage={}", name, e);
        }
    }

    /**
     * Commits {@code offsets} on {@code consumer} unless they are the ones committed last. A commit
     * refused because a rebalance is under way is skipped: the next poll completes the rebalance, a
     * partition given up is committed in its revocation callback, and anything not committed is read
     * again by its next owner, which drops or replays it exactly.
     */
    void commitOffsets(Consumer<?, ?> consumer, Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty() || offsets.equals(lastCommitted)) {
            return;
        }
        try {
            consumer.commitSync(offsets);
            lastCommitted = offsets;
        } catch (RebalanceInProgressException | CommitFailedException e) {
            LOG.info("Balancer stage skipped a commit during a rebalance stage={}: {}", name, e.getMessage());
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
