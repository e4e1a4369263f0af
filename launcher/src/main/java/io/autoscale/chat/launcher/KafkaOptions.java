package io.autoscale.chat.launcher;

import io.autoscale.chat.model.KafkaSettings;
import io.autoscale.chat.model.Topics;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How a command reaches the Kafka cluster and lays out the experiment's topics; shared by every command. */
final class KafkaOptions {

    private static final String HOST_PORTS = "[^\\s,]+:\\d+(,[^\\s,]+:\\d+)*";

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Kafka cluster, HOST:PORT[,HOST:PORT...]. Required by the services; `run` starts an "
                    + "embedded broker without it.")
    String bootstrapServers;

    @Option(names = "--partitions", defaultValue = "3",
            description = "Partitions of the per-request topics (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--replication-factor", defaultValue = "1",
            description = "Replication factor of the topics (default: ${DEFAULT-VALUE}).")
    short replicationFactor;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX",
            description = "Namespace for the topics (default: none; `run` on an existing cluster picks a fresh "
                    + "'run-<time>.' prefix). Every service of one experiment needs the same prefix.")
    String topicPrefix;

    @Option(names = "--cluster-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Give up when the cluster does not answer within this much wall time "
                    + "(default: ${DEFAULT-VALUE}).")
    int clusterTimeoutSeconds;

    /** The checks that need no cluster; in the order `run` has always made them. */
    void validateLayout() {
        if (partitions < 1) {
            throw new IllegalArgumentException("--partitions must be at least 1, got " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("--replication-factor must be at least 1, got " + replicationFactor);
        }
        if (clusterTimeoutSeconds < 1) {
            throw new IllegalArgumentException("--cluster-timeout must be at least 1 s, got " + clusterTimeoutSeconds);
        }
    }

    void validateAddress() {
        if (bootstrapServers != null && !bootstrapServers.matches(HOST_PORTS)) {
            throw new IllegalArgumentException(
                    "--bootstrap-servers must be HOST:PORT[,HOST:PORT...], got '" + bootstrapServers + "'");
        }
    }

    Duration clusterTimeout() {
        return Duration.ofSeconds(clusterTimeoutSeconds);
    }

    /**
     * The settings of a service: unlike `run`, a service never invents a topic prefix, because the
     * services of one experiment run in separate processes and must agree on their topics.
     */
    KafkaSettings serviceSettings() {
        validateLayout();
        if (bootstrapServers == null) {
            throw new IllegalArgumentException("--bootstrap-servers is required (or "
                    + ConfigDefaults.variableOf("bootstrap-servers") + ", or bootstrap-servers= in --config)");
        }
        validateAddress();
        return new KafkaSettings(bootstrapServers, new Topics(topicPrefix), partitions, replicationFactor);
    }
}
