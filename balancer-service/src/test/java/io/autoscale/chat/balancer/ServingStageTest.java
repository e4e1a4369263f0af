package io.autoscale.chat.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscale.chat.model.Completion;
import io.autoscale.chat.model.DeadLetters;
import io.autoscale.chat.model.Json;
import io.autoscale.chat.model.Topics;
import io.autoscale.chat.model.Watermark;
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
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServingStageTest {

    private static final String ROUTED = "chat.routed";
    private static final String STATE = "chat.balancer-state";

    private final Topics topics = Topics.plain();
    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    private final MockConsumer<byte[], byte[]> stateReader = new MockConsumer<>("earliest");
    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final TopicPartition routed0 = new TopicPartition(ROUTED, 0);
    private final TopicPartition state0 = new TopicPartition(STATE, 0);
    private final RoutedRecords records = new RoutedRecords(ROUTED, 1);
    private long nextOffset;
    private ServingStage stage;

    @AfterEach
    void closeStage() {
        stage.close();
    }

    @Test
    void writesOneCompletionPerRequestThenACheckpointThenCommits() {
        start(Map.of(state0, 0L));
        add(records.request(new RoutedRequest(1, 200, 1, 2, 0, 0)).value());
        add(records.request(new RoutedRequest(3, 1_200, 1, 2, 0, 1)).value());
        add(records.watermark(new Watermark(1_000, 0, 1), 0).value());

        stage.pollOnce(Duration.ZERO);
        stage.commit();

        List<ProducerRecord<byte[], byte[]>> sent = producer.history();
        assertThat(sent).extracting(ProducerRecord::topic).containsExactly(topics.completions(), STATE);
        assertThat(Json.fromBytes(sent.get(0).value(), Completion.class))
                .isEqualTo(new Completion(1, 200, 1, 2, 0.0, 50.0, false));
        ServingCheckpoint checkpoint = ServingCheckpoint.fromBytes(sent.get(1).value());
        assertThat(checkpoint.readOffset()).isEqualTo(3);
        assertThat(checkpoint.servers()).containsExactly(1);
        assertThat(checkpoint.busyUntilMs()).containsExactly(300.0);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.of(routed0));
        assertThat(committed.get(routed0).offset()).isEqualTo(1);
        assertThat(stage.servedCount()).isEqualTo(1);
    }

    @Test
    void aTakenOverPartitionGoesOnFromItsCheckpoint() {
        ServingCheckpoint checkpoint = new ServingCheckpoint(0, 1, 1_000, new long[] {1_000}, new long[] {0},
                new int[] {0}, new double[] {1_500});
        stateReader.schedulePollTask(() -> stateReader.addRecord(
                new ConsumerRecord<>(STATE, 0, 0, CheckpointStore.key(0), checkpoint.toBytes())));
        start(Map.of(state0, 1L));
        nextOffset = 1;
        add(records.request(new RoutedRequest(0, 100, 0, 1, 0, 0)).value());
        add(records.request(new RoutedRequest(1, 1_200, 0, 1, 0, 1)).value());
        add(records.watermark(new Watermark(2_000, 0, 1), 0).value());

        stage.pollOnce(Duration.ZERO);

        assertThat(producer.history()).extracting(record -> Json.fromBytes(record.value(), Completion.class))
                .containsExactly(new Completion(1, 1_200, 0, 1, 300.0, 350.0, false));
    }

    private void start(Map<TopicPartition, Long> stateEnds) {
        stateReader.updateBeginningOffsets(Map.of(state0, 0L));
        stateReader.updateEndOffsets(stateEnds);
        stage = new ServingStage(ROUTED, new ServerModel(10, 50), consumer, producer,
                new CheckpointStore(STATE, stateReader), new CompletionRecords(topics.completions(), 2),
                new DeadLetters(producer, topics.deadLetters()), 100);
        consumer.updateBeginningOffsets(Map.of(routed0, 0L));
        stage.subscribe();
        consumer.rebalance(List.of(routed0));
    }

    private void add(byte[] value) {
        consumer.addRecord(new ConsumerRecord<>(ROUTED, 0, nextOffset++, null, value));
    }
}
