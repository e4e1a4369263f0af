package io.autoscale.chat.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaConfigTest {

    private static final EmbeddedKafkaNodeAddress FIRST = new EmbeddedKafkaNodeAddress(0, 9092, 9093);
    private static final EmbeddedKafkaNodeAddress SECOND = new EmbeddedKafkaNodeAddress(1, 9094, 9095);
    private static final EmbeddedKafkaNodeAddress THIRD = new EmbeddedKafkaNodeAddress(2, 9096, 9097);

    @Test
    void makesASingleNodeBothBrokerAndSoleVoterOnTheLoopbackAddress() {
        Properties props = EmbeddedKafkaConfig.of(FIRST, List.of(FIRST), Path.of("/data/node-0"));

        assertThat(props)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "0")
                .containsEntry("controller.quorum.voters", "0@127.0.0.1:9093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:9092")
                .containsEntry("log.dirs", Path.of("/data/node-0").toString());
    }

    @Test
    void replicatesInternalTopicsOnceOnASingleNode() {
        Properties props = EmbeddedKafkaConfig.of(FIRST, List.of(FIRST), Path.of("/data/node-0"));

        assertThat(props)
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("min.insync.replicas", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("auto.create.topics.enable", "false")
                .containsEntry("num.partitions", "1");
    }

    @Test
    void listsEveryNodeAsVoterAndReplicatesThriceOnThreeNodes() {
        Properties props = EmbeddedKafkaConfig.of(SECOND, List.of(FIRST, SECOND, THIRD), Path.of("/data/node-1"));

        assertThat(props)
                .containsEntry("node.id", "1")
                .containsEntry("controller.quorum.voters", "0@127.0.0.1:9093,1@127.0.0.1:9095,2@127.0.0.1:9097")
                .containsEntry("offsets.topic.replication.factor", "3")
                .containsEntry("transaction.state.log.min.isr", "2")
                .containsEntry("min.insync.replicas", "2");
    }
}
