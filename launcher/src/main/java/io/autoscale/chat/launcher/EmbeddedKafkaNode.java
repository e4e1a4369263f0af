package io.autoscale.chat.launcher;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One combined broker and controller: Kafka's own KRaft server, on a log directory it formats first. */
final class EmbeddedKafkaNode {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaNode.class);

    private final EmbeddedKafkaNodeAddress address;
    private final Path logDirectory;
    private final KafkaConfig config;
    private volatile KafkaRaftServer server;

    EmbeddedKafkaNode(EmbeddedKafkaNodeAddress address, List<EmbeddedKafkaNodeAddress> cluster, Path logDirectory,
            Map<String, String> overrides) {
        this.address = address;
        this.logDirectory = logDirectory;
        Properties props = EmbeddedKafkaConfig.of(address, cluster, logDirectory);
        props.putAll(overrides);
        this.config = KafkaConfig.fromProps(props, false);
    }

    /**
     * Formats without a dynamic quorum, because the voters are fixed in the configuration; every node of a
     * cluster must get the same cluster id.
     */
    void format(String clusterId) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(printStream)
                    .setClusterId(clusterId)
                    .setNodeId(address.nodeId())
                    .setControllerListenerName(EmbeddedKafkaConfig.CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .addDirectory(logDirectory.toString())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setHasDynamicQuorum(false)
                    .run();
        }
        // The formatter reports to a stream meant for a terminal; the console belongs to the launcher.
        LOG.debug("Formatted nodeId={} output={}", address.nodeId(), output.toString(StandardCharsets.UTF_8).trim());
    }

    /** Returns once the broker is registered and unfenced, which needs a quorum of the cluster's controllers. */
    void start() {
        KafkaRaftServer starting = new KafkaRaftServer(config, Time.SYSTEM);
        server = starting;
        starting.startup();
    }

    /** Stops the server, if it was created, and waits until its threads are gone. */
    void stop() {
        KafkaRaftServer running = server;
        if (running == null) {
            return;
        }
        running.shutdown();
        running.awaitShutdown();
        server = null;
    }
}
