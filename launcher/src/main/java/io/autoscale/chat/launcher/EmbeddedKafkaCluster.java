package io.autoscale.chat.launcher;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka cluster inside this JVM: Apache Kafka's KRaft server, each node both broker and controller,
 * listening on free ports of 127.0.0.1, with its logs in a temporary folder that {@link #close()} deletes.
 * A JVM shutdown hook deletes the folder too when the process ends without {@code close()}, as on Ctrl-C.
 */
public final class EmbeddedKafkaCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaCluster.class);

    static final int MAX_BROKERS = 3;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    /** Another process can take a probed port before the broker binds it; a fresh set of ports is tried. */
    private static final int START_ATTEMPTS = 3;

    private final Path directory;
    private final List<EmbeddedKafkaNodeAddress> addresses;
    /** Filled during start, while the shutdown hook may already read it. */
    private final List<EmbeddedKafkaNode> nodes = new CopyOnWriteArrayList<>();
    private final String bootstrapServers;
    private final Thread shutdownHook;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);

    private EmbeddedKafkaCluster(Path directory, List<EmbeddedKafkaNodeAddress> addresses) {
        this.directory = directory;
        this.addresses = addresses;
        this.bootstrapServers = addresses.stream()
                .map(EmbeddedKafkaNodeAddress::bootstrapServer)
                .collect(Collectors.joining(","));
        this.shutdownHook = new Thread(this::close, "embedded-kafka-shutdown");
    }

    /**
     * Formats and starts a cluster of {@code brokers} nodes and returns once every broker answers an Admin
     * client. A start that fails stops what it started, deletes the folder and throws.
     *
     * @param brokers number of nodes, each a broker and a controller, in [1, {@value #MAX_BROKERS}]
     * @throws IllegalStateException when the cluster did not start
     */
    public static EmbeddedKafkaCluster start(int brokers) {
        return start(brokers, 0);
    }

    /**
     * As {@link #start(int)}, with the client listeners of the nodes on {@code firstPort}, {@code firstPort + 1},
     * ...; the controllers still take free ports. A {@code firstPort} of 0 picks free ports for every listener.
     */
    public static EmbeddedKafkaCluster start(int brokers, int firstPort) {
        return start(brokers, firstPort, Path.of(System.getProperty("java.io.tmpdir")), Map.of());
    }

    /** As {@link #start(int)}, with the folder created in {@code parent} and broker settings overridden. */
    static EmbeddedKafkaCluster start(int brokers, Path parent, Map<String, String> overrides) {
        return start(brokers, 0, parent, overrides);
    }

    private static EmbeddedKafkaCluster start(int brokers, int firstPort, Path parent, Map<String, String> overrides) {
        if (brokers < 1 || brokers > MAX_BROKERS) {
            throw new IllegalArgumentException(
                    "brokers must be in [1, " + MAX_BROKERS + "] nodes, got " + brokers);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce(brokers, firstPort, parent, overrides);
            } catch (IllegalStateException e) {
                boolean portTaken = causedBy(e, BindException.class);
                if (!portTaken || attempt == START_ATTEMPTS) {
                    throw e;
                }
                LOG.warn("Embedded Kafka port taken, retrying attempt={} of {}", attempt + 1, START_ATTEMPTS);
            }
        }
    }

    /** The PLAINTEXT listeners, {@code 127.0.0.1:port[,127.0.0.1:port...]}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The temporary folder holding the nodes' log directories; gone after {@link #close()}. */
    public Path directory() {
        return directory;
    }

    /** Stops every node, waits for it, and deletes the folder. Later calls wait for the first to finish. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            awaitClosed();
            return;
        }
        try {
            maybeRemoveShutdownHook();
            long startNs = System.nanoTime();
            stopNodes();
            deleteDirectory();
            LOG.info("Embedded Kafka cluster stopped bootstrapServers={} closeMs={}",
                    bootstrapServers, elapsedMs(startNs));
        } finally {
            closed.countDown();
        }
    }

    @Override
    public String toString() {
        return "EmbeddedKafkaCluster[" + bootstrapServers + ", " + directory + "]";
    }

    private static EmbeddedKafkaCluster startOnce(int brokers, int firstPort, Path parent,
            Map<String, String> overrides) {
        long startNs = System.nanoTime();
        Path directory = EmbeddedKafkaDirectory.create(parent);
        EmbeddedKafkaCluster cluster = new EmbeddedKafkaCluster(directory, createAddresses(brokers, firstPort));
        // Registered before anything starts, so even a Ctrl-C during start leaves no folder behind.
        Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
        try {
            cluster.createNodes(overrides);
            cluster.format();
            cluster.startNodes();
            cluster.awaitBrokers(brokers);
        } catch (Exception e) {
            cluster.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("The embedded Kafka cluster did not start (brokers=" + brokers
                    + ", bootstrap servers " + cluster.bootstrapServers + "): " + e.getMessage()
                    + "; the log file " + System.getProperty(LogFile.PROPERTY, "") + " has the broker's own lines",
                    e);
        }
        LOG.info("Embedded Kafka cluster up brokers={} bootstrapServers={} directory={} startMs={}",
                brokers, cluster.bootstrapServers, directory, elapsedMs(startNs));
        return cluster;
    }

    private static List<EmbeddedKafkaNodeAddress> createAddresses(int brokers, int firstPort) {
        List<Integer> ports = new ArrayList<>(EmbeddedKafkaPorts.free(2 * brokers + brokers));
        if (firstPort > 0) {
            // A free port that happens to be one of the fixed ones is left for the fixed listener.
            ports.removeIf(port -> port >= firstPort && port < firstPort + brokers);
        }
        List<EmbeddedKafkaNodeAddress> addresses = new ArrayList<>();
        for (int nodeId = 0; nodeId < brokers; nodeId++) {
            int clientPort = firstPort > 0 ? firstPort + nodeId : ports.get(2 * nodeId);
            addresses.add(new EmbeddedKafkaNodeAddress(nodeId, clientPort, ports.get(2 * nodeId + 1)));
        }
        return List.copyOf(addresses);
    }

    /** After the folder and its shutdown hook exist, so that an invalid setting leaves nothing behind. */
    private void createNodes(Map<String, String> overrides) {
        for (EmbeddedKafkaNodeAddress address : addresses) {
            Path logDirectory = directory.resolve("node-" + address.nodeId());
            nodes.add(new EmbeddedKafkaNode(address, addresses, logDirectory, overrides));
        }
    }

    private void format() throws Exception {
        String clusterId = Uuid.randomUuid().toString();
        for (EmbeddedKafkaNode node : nodes) {
            node.format(clusterId);
        }
    }

    /** In parallel: a node's start returns only once a quorum of controllers is up, so one by one would hang. */
    private void startNodes() throws Exception {
        onEachNode("start", EmbeddedKafkaNode::start, START_TIMEOUT);
    }

    private void awaitBrokers(int brokers) throws Exception {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "embedded-kafka-start-check");
        try (Admin admin = Admin.create(config)) {
            Collection<Node> answering = admin.describeCluster().nodes()
                    .get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (answering.size() != brokers) {
                throw new IllegalStateException("expected " + brokers + " brokers, the cluster lists " + answering);
            }
        }
    }

    private void stopNodes() {
        try {
            onEachNode("stop", EmbeddedKafkaNode::stop, STOP_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Interrupted while stopping the embedded Kafka cluster bootstrapServers={}", bootstrapServers);
        } catch (Exception e) {
            LOG.warn("Embedded Kafka cluster did not stop cleanly bootstrapServers={}", bootstrapServers, e);
        }
    }

    private void onEachNode(String action, Consumer<EmbeddedKafkaNode> step, Duration timeout) throws Exception {
        EmbeddedKafkaParallel.run(action, nodes, step, timeout);
    }

    private void deleteDirectory() {
        try {
            EmbeddedKafkaDirectory.delete(directory);
        } catch (IOException e) {
            LOG.warn("Cannot delete the embedded Kafka folder directory={}", directory, e);
        }
    }

    private void maybeRemoveShutdownHook() {
        boolean calledByHook = Thread.currentThread() == shutdownHook;
        if (calledByHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook may be running at this moment; it waits on the latch for this close to finish.
        }
    }

    private void awaitClosed() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static long elapsedMs(long startNs) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs);
    }
}
