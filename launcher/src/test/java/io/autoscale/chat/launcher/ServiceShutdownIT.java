package io.autoscale.chat.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service in its own process stops cleanly on SIGTERM and exits 0, as a supervisor expects. */
class ServiceShutdownIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(40);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private static EmbeddedKafkaCluster cluster;

    @TempDir
    Path temp;

    @BeforeAll
    static void startCluster() {
        cluster = EmbeddedKafkaCluster.start(1);
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void theBalancerExitsZeroOnSigterm() throws Exception {
        try (ServiceProcess balancer = ServiceProcess.start(temp.resolve("balancer.log"), "balancer",
                "--bootstrap-servers", cluster.bootstrapServers(), "--topic-prefix", "shutdown-balancer.")) {
            balancer.awaitLine("autoscale-chat balancer: running on " + cluster.bootstrapServers(), START_TIMEOUT);

            assertThat(balancer.terminate(STOP_TIMEOUT)).as(balancer.lines().toString()).isZero();
        }
    }

    @Test
    void theAutoscalerExitsZeroOnSigtermAndDeletesItsStateFolder() throws Exception {
        try (ServiceProcess autoscaler = ServiceProcess.start(temp.resolve("autoscaler.log"), "autoscaler",
                "--bootstrap-servers", cluster.bootstrapServers(), "--topic-prefix", "shutdown-autoscaler.")) {
            autoscaler.awaitLine("autoscale-chat autoscaler: running on", START_TIMEOUT);

            assertThat(autoscaler.terminate(STOP_TIMEOUT)).as(autoscaler.lines().toString()).isZero();
        }
    }

    @Test
    void theBrokerPrintsItsAddressAndExitsZeroOnSigtermWithItsFolderDeleted() throws Exception {
        try (ServiceProcess broker = ServiceProcess.start(temp.resolve("broker.log"), "broker")) {
            String ready = broker.awaitLine("Kafka broker ready: ", START_TIMEOUT);
            String details = broker.awaitLine("   1 node(s)", START_TIMEOUT);
            Path folder = Path.of(details.replaceFirst(".*data in (\\S+) \\(deleted at exit\\).*", "$1"));

            assertThat(ready).matches("Kafka broker ready: 127\\.0\\.0\\.1:\\d+");
            assertThat(folder).isDirectory();
            assertThat(broker.terminate(STOP_TIMEOUT)).as(broker.lines().toString()).isZero();
            assertThat(folder).doesNotExist();
        }
    }
}
