package io.autoscale.chat.launcher;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;

/**
 * Checks that a cluster answers before a service creates its topics. The model's topic setup uses an Admin
 * client with Kafka's default timeouts, whose close waits up to a minute for a call to an absent cluster;
 * this client's timeouts and close are bounded by the cluster timeout instead.
 */
final class ClusterProbe {

    private ClusterProbe() {
    }

    /** @throws IllegalStateException "cannot reach the Kafka cluster at X within N s" */
    static void awaitReachable(String bootstrapServers, Duration timeout) {
        int timeoutMs = Math.toIntExact(timeout.toMillis());
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "autoscale-chat-cluster-probe",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        Admin admin = null;
        try {
            admin = Admin.create(config);
            admin.describeCluster().clusterId().get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException | KafkaException e) {
            throw unreachable(bootstrapServers, timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(bootstrapServers, timeout, e);
        } finally {
            if (admin != null) {
                admin.close(Duration.ZERO);
            }
        }
    }

    private static IllegalStateException unreachable(String bootstrapServers, Duration timeout, Exception cause) {
        return new IllegalStateException("cannot reach the Kafka cluster at " + bootstrapServers + " within "
                + timeout.toSeconds() + " s", cause);
    }
}
