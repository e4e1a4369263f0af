package io.autoscale.chat.launcher;

import io.autoscale.chat.model.KafkaSettings;
import io.autoscale.chat.model.TopicSetup;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the service commands share: the stop hook, installed first so that even a signal during the
 * connection exits 0; the cluster check and topic creation; and the wait until the service is stopped.
 */
final class ServiceRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);
    private static final long CHECK_INTERVAL_MS = 500;

    private final String name;
    private final Resources resources = new Resources();
    private final StopHook stopHook;

    private ServiceRunner(String name) {
        this.name = name;
        this.stopHook = StopHook.install(name, resources);
    }

    static ServiceRunner start(String name) {
        return new ServiceRunner(name);
    }

    /**
     * Waits up to the cluster timeout for the cluster, then creates the experiment's missing topics.
     *
     * @throws IllegalStateException "cannot reach the Kafka cluster at X within N s"
     */
    KafkaSettings connect(KafkaOptions kafka) {
        KafkaSettings settings = kafka.serviceSettings();
        ClusterProbe.awaitReachable(settings.bootstrapServers(), kafka.clusterTimeout());
        TopicSetup.ensureTopics(settings, kafka.clusterTimeout());
        LOG.info("Connected service={} bootstrapServers={} topicPrefix='{}' partitions={}", name,
                settings.bootstrapServers(), settings.topics().prefix(), settings.partitions());
        return settings;
    }

    /** Closed, in reverse order, when the command ends or a signal stops it. */
    <T extends AutoCloseable> T add(T resource) {
        return resources.add(resource);
    }

    Path tempDirectory(String prefix) {
        return resources.tempDirectory(prefix);
    }

    /**
     * Runs until a signal stops the process (the stop hook then exits 0), or until {@code failure} names a
     * reason the service cannot go on.
     *
     * @throws IllegalStateException with the failure
     */
    void runUntilStopped(Supplier<String> failure) throws InterruptedException {
        while (true) {
            String reason = stopHook.stopping() ? null : failure.get();
            if (reason != null) {
                throw new IllegalStateException(reason);
            }
            TimeUnit.MILLISECONDS.sleep(CHECK_INTERVAL_MS);
        }
    }

    /** Waits for a result that the service completes; a signal meanwhile stops the process. */
    <T> T await(CompletableFuture<T> result, String what) throws InterruptedException {
        return await(result, what, () -> null);
    }

    /** As {@link #await(CompletableFuture, String)}, failing when {@code failure} gives a reason. */
    <T> T await(CompletableFuture<T> result, String what, Supplier<String> failure) throws InterruptedException {
        while (true) {
            String reason = stopHook.stopping() ? null : failure.get();
            if (reason != null) {
                throw new IllegalStateException(what + " failed: " + reason);
            }
            try {
                return result.get(CHECK_INTERVAL_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // Not there yet: keep waiting.
            } catch (ExecutionException e) {
                if (!stopHook.stopping()) {
                    throw new IllegalStateException(what + " failed: " + e.getCause().getMessage(), e.getCause());
                }
            }
        }
    }

    @Override
    public void close() throws Exception {
        stopHook.close();
    }
}
