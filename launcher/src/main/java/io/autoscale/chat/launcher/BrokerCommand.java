package io.autoscale.chat.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code autoscale-chat broker}: the embedded KRaft cluster alone, for services run as separate processes. */
@Command(name = "broker",
        sortOptions = false,
        usageHelpAutoWidth = true,
        mixinStandardHelpOptions = true,
        description = {
            "Starts Apache Kafka's own KRaft server in this process (each node a broker and a controller, on ports "
                    + "of 127.0.0.1 (free ones unless --port), logs in a temporary folder), prints 'Kafka broker "
                    + "ready: <bootstrap "
                    + "servers>' and runs until SIGTERM or Ctrl-C; then stops and deletes the folder.",
            ""},
        footer = {"", ConfigDefaults.PRECEDENCE, "",
            "Exit codes: 0 stopped by a signal, 1 the broker did not start, 2 bad option."})
public final class BrokerCommand implements Callable<Integer> {

    private static final int MAX_PORT = 65_535;

    @ParentCommand
    private AutoscaleChatCommand parent;

    @Option(names = "--brokers", paramLabel = "N", defaultValue = "1",
            description = "Nodes in the cluster, 1 to 3 (default: ${DEFAULT-VALUE}).")
    int brokers;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0",
            description = "Client port of the first node on 127.0.0.1; the next nodes take N+1 and N+2 "
                    + "(default: ${DEFAULT-VALUE}, a free port).")
    int port;

    @Mixin
    ConfigFileOption config;

    @Override
    public Integer call() throws Exception {
        if (brokers < 1 || brokers > EmbeddedKafkaCluster.MAX_BROKERS) {
            throw new IllegalArgumentException("--brokers must be between 1 and " + EmbeddedKafkaCluster.MAX_BROKERS
                    + " nodes, got " + brokers);
        }
        if (port < 0 || port + brokers - 1 > MAX_PORT) {
            throw new IllegalArgumentException("--port must be 0 (a free port) or between 1 and "
                    + (MAX_PORT - brokers + 1) + " for " + brokers + " node(s), got " + port);
        }
        for (int node = 0; port > 0 && node < brokers; node++) {
            requireFree(port + node);
        }
        long startNs = System.nanoTime();
        EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start(brokers, port);
        try (StopHook stopHook = StopHook.install("broker", cluster)) {
            System.out.println("Kafka broker ready: " + cluster.bootstrapServers());
            System.out.printf(Locale.ROOT, "   %d node(s), up in %.1f s; data in %s (deleted at exit); "
                    + "logs in %s; stop with Ctrl-C or SIGTERM%n", brokers, (System.nanoTime() - startNs) / 1e9,
                    cluster.directory(), parent.logFile());
            System.out.flush();
            // Only a signal ends the broker; its stop hook closes the cluster and exits 0.
            new CountDownLatch(1).await();
            return 0;
        }
    }

    /** A taken port is bad input: one line naming it, before any broker starts. */
    private static void requireFree(int candidate) {
        try (ServerSocket socket = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalArgumentException("--port: 127.0.0.1:" + candidate + " is not free (" + e.getMessage()
                    + ")");
        }
    }
}
