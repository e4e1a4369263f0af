package io.autoscale.chat.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscale.chat.model.ChatRequest;
import io.autoscale.chat.model.DeadLetters;
import io.autoscale.chat.model.Json;
import io.autoscale.chat.model.Topics;
import io.autoscale.chat.model.Watermark;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoutingStageTest {

    private final Topics topics = Topics.plain();
    private final RebalancingConsumer requests = new RebalancingConsumer();
    private final MockConsumer<byte[], byte[]> decisions = new MockConsumer<>("earliest");
    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final TopicPartition requests0 = new TopicPartition(topics.requests(), 0);
    private final TopicPartition requests1 = new TopicPartition(topics.requests(), 1);
    private final TopicPartition decisions0 = new TopicPartition(topics.decisions(), 0);
    private final long[] nextOffset = new long[3];
    private RoutingStage stage;

    @BeforeEach
    void assignPartitions() {
        stage = new RoutingStage(topics.requests(), topics.decisions(), requests, decisions, producer,
                new RoutedRecords("chat.routed", 2), new DeadLetters(producer, topics.deadLetters()), 4);
        decisions.updateBeginningOffsets(Map.of(decisions0, 0L));
        requests.updateBeginningOffsets(Map.of(requests0, 0L, requests1, 0L));
        stage.subscribe();
        requests.rebalance(List.of(requests0, requests1));
    }

    @AfterEach
    void closeStage() {
        stage.close();
    }

    @Test
    void routesRequestsToTheirServersPartitionAndWatermarksToEveryPartition() {
        add(decisions0, Json.toBytes(RouterTest.decision(0, 1_000, 3)));
        add(requests0, Json.toBytes(new ChatRequest(4, null, 100, 10)));
        add(requests0, Json.toBytes(new Watermark(1_000, 0, 2)));

        stage.pollOnce(Duration.ZERO);

        List<ProducerRecord<byte[], byte[]>> sent = producer.history();
        assertThat(sent).extracting(ProducerRecord::partition).containsExactly(1, 0, 1);
        assertThat(RoutedRecords.parse(sent.get(0).value())).isEqualTo(new RoutedRequest(4, 100, 1, 3, 0, 0));
        assertThat(RoutedRecords.parse(sent.get(2).value())).isEqualTo(new Watermark(1_000, 0, 2));
        assertThat(stage.routedCount()).isEqualTo(1);
    }

    @Test
    void commitsEachPartitionUpToItsOldestQueuedEvent() {
        add(decisions0, Json.toBytes(RouterTest.decision(0, 1_000, 1)));
        add(requests0, Json.toBytes(new ChatRequest(0, null, 100, 10)));
        add(requests0, Json.toBytes(new ChatRequest(2, null, 1_500, 10)));
        add(requests0, Json.toBytes(new Watermark(2_000, 0, 2)));
        add(requests1, Json.toBytes(new ChatRequest(1, null, 300, 10)));

        stage.pollOnce(Duration.ZERO);
        stage.commit();

        Map<TopicPartition, OffsetAndMetadata> committed = requests.committed(Set.of(requests0, requests1));
        assertThat(committed.get(requests0).offset()).isEqualTo(1);
        assertThat(committed.get(requests1).offset()).isEqualTo(1);
    }

    @Test
    void aCommitRefusedDuringARebalanceIsSkippedAndTheNextOneGoesThrough() {
        // Refused from the start: the turn below may commit on its own when the commit interval has passed.
        requests.rebalancing = true;
        add(decisions0, Json.toBytes(RouterTest.decision(0, 1_000, 1)));
        add(requests0, Json.toBytes(new ChatRequest(0, null, 100, 10)));
        stage.pollOnce(Duration.ZERO);

        stage.commit();

        assertThat(requests.committed(Set.of(requests0))).isEmpty();
        requests.rebalancing = false;
        stage.commit();
        assertThat(requests.committed(Set.of(requests0)).get(requests0).offset()).isEqualTo(1);
    }

    @Test
    void skipsMalformedRecordsToTheDeadLetterTopic() {
        add(requests0, "not json".getBytes(StandardCharsets.UTF_8));
        add(decisions0, "{}".getBytes(StandardCharsets.UTF_8));

        stage.pollOnce(Duration.ZERO);

        assertThat(producer.history()).extracting(ProducerRecord::topic).containsOnly(topics.deadLetters());
        assertThat(producer.history()).hasSize(2);
    }

    @Test
    void pausesEveryRequestsPartitionWhenTooMuchWaitsForDecisions() {
        for (int id = 0; id < 5; id++) {
            add(requests0, Json.toBytes(new ChatRequest(id, null, 100, 10)));
        }

        stage.pollOnce(Duration.ZERO);

        assertThat(requests.paused()).containsExactlyInAnyOrder(requests0, requests1);

        add(decisions0, Json.toBytes(RouterTest.decision(0, 1_000, 1)));
        stage.pollOnce(Duration.ZERO);

        assertThat(requests.paused()).isEmpty();
    }

    private void add(TopicPartition partition, byte[] value) {
        int source = partition.equals(decisions0) ? 2 : partition.partition();
        MockConsumer<byte[], byte[]> consumer = partition.equals(decisions0) ? decisions : requests;
        consumer.addRecord(new ConsumerRecord<>(partition.topic(), partition.partition(), nextOffset[source]++,
                null, value));
    }

    /** A consumer whose commits fail, as a real one's do, while its group rebalances. */
    private static final class RebalancingConsumer extends MockConsumer<byte[], byte[]> {

        private boolean rebalancing;

        RebalancingConsumer() {
            super("earliest");
        }

        @Override
        public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
            if (rebalancing) {
                throw new RebalanceInProgressException("the group is rebalancing");
            }
            super.commitSync(offsets);
        }
    }
}
