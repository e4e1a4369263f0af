package io.autoscale.chat.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The server settings of one node of an embedded cluster: every node is both broker and controller, so a
 * cluster of N nodes is also an N-voter KRaft quorum with a fixed voter list.
 */
final class EmbeddedKafkaConfig {

    static final String CONTROLLER_LISTENER = "CONTROLLER";
    static final String CLIENT_LISTENER = "PLAINTEXT";

    /** Internal topics of a laptop run hold little; 50 partitions each only slow the first group join. */
    private static final int INTERNAL_TOPIC_PARTITIONS = 5;
    private static final int SEGMENT_BYTES = 16 * 1024 * 1024;
    private static final int INDEX_MAX_BYTES = 1024 * 1024;
    /** The cleaner allocates this buffer on the heap at start; the default 128 MiB is for production logs. */
    private static final int CLEANER_DEDUPE_BUFFER_BYTES = 4 * 1024 * 1024;

    private EmbeddedKafkaConfig() {
    }

    static Properties of(EmbeddedKafkaNodeAddress node, List<EmbeddedKafkaNodeAddress> cluster, Path logDirectory) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(node.nodeId()));
        props.put("controller.quorum.voters", voters(cluster));
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", CLIENT_LISTENER);
        props.put("listeners", CLIENT_LISTENER + "://" + node.bootstrapServer() + ","
                + CONTROLLER_LISTENER + "://" + EmbeddedKafkaNodeAddress.HOST + ":" + node.controllerPort());
        props.put("advertised.listeners", CLIENT_LISTENER + "://" + node.bootstrapServer());
        props.put("listener.security.protocol.map",
                CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("log.dirs", logDirectory.toString());

        putReplication(props, cluster.size());

        // Topics are created by the services with explicit partition counts; a typo must fail, not create.
        props.put("auto.create.topics.enable", "false");
        props.put("num.partitions", "1");
        // Consumers of a fresh group start at once instead of waiting 3 s for more members.
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("offsets.topic.num.partitions", String.valueOf(INTERNAL_TOPIC_PARTITIONS));
        props.put("transaction.state.log.num.partitions", String.valueOf(INTERNAL_TOPIC_PARTITIONS));
        props.put("log.segment.bytes", String.valueOf(SEGMENT_BYTES));
        props.put("log.index.size.max.bytes", String.valueOf(INDEX_MAX_BYTES));
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(CLEANER_DEDUPE_BUFFER_BYTES));
        return props;
    }

    /**
     * Replication follows the cluster size up to 3, and the minimum in-sync replicas leave one replica of
     * slack once there are 3, so one stopped node never blocks writes.
     */
    private static void putReplication(Properties props, int nodes) {
        String replicas = String.valueOf(Math.min(nodes, 3));
        String minInSync = nodes >= 3 ? "2" : "1";
        props.put("default.replication.factor", replicas);
        props.put("min.insync.replicas", minInSync);
        props.put("offsets.topic.replication.factor", replicas);
        props.put("transaction.state.log.replication.factor", replicas);
        props.put("transaction.state.log.min.isr", minInSync);
        props.put("share.coordinator.state.topic.replication.factor", replicas);
        props.put("share.coordinator.state.topic.min.isr", minInSync);
    }

    private static String voters(List<EmbeddedKafkaNodeAddress> cluster) {
        return cluster.stream().map(EmbeddedKafkaNodeAddress::voter).collect(Collectors.joining(","));
    }
}
