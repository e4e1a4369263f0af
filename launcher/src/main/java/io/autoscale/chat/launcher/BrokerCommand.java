package io.autoscale.chat.launcher;

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
            "Starts Apache Kafka's own KRaft server in this process (each node a broker and a controller, on free "
                    + "ports of 127.0.0.1, logs in a temporary folder), prints 'Kafka broker ready: <bootstrap "
                    + "servers>' and runs until SIGTERM or Ctrl-C; then stops and deletes the folder.",
            ""},
        footer = {"", ConfigDefaults.PRECEDENCE, "",
            "Exit codes: 0 stopped by a signal, 1 the broker did not start, 2 bad option."})
public final class BrokerCommand implements Callable<Integer> {

    @ParentCommand
    private AutoscaleChatCommand parent;

    @Option(names = "--brokers", paramLabel = "N", defaultValue = "1",
            description = "Nodes in the cluster, 1 to 3 (default: ${DEFAULT-VALUE}).")
    int brokers;

    @Mixin
    ConfigFileOption config;

    @Override
    public Integer call() throws Exception {
        if (brokers < 1 || brokers > EmbeddedKafkaCluster.MAX_BROKERS) {
            throw new IllegalArgumentException("--brokers must be between 1 and " + EmbeddedKafkaCluster.MAX_BROKERS
                    + " nodes, got " + brokers);
        }
        long startNs = System.nanoTime();
        EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start(brokers);
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
}
