package io.autoscale.chat.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscale.chat.model.ChatEvent;
import io.autoscale.chat.model.ChatRequest;
import io.autoscale.chat.model.Completion;
import io.autoscale.chat.model.DeadLetters;
import io.autoscale.chat.model.Json;
import io.autoscale.chat.model.KafkaSettings;
import io.autoscale.chat.model.ScalingAction;
import io.autoscale.chat.model.ScalingDecision;
import io.autoscale.chat.model.SessionEvent;
import io.autoscale.chat.model.Topics;
import io.autoscale.chat.model.Watermark;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BalancerServiceTest {

    private static final int PARTITIONS = 2;

    private final Topics topics = Topics.plain();
    private final KafkaSettings settings = new KafkaSettings("127.0.0.1:9092", topics, PARTITIONS, (short) 1);
    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final TopicPartition requests0 = new TopicPartition(topics.requests(), 0);
    private final TopicPartition requests1 = new TopicPartition(topics.requests(), 1);
    private final TopicPartition decisions = new TopicPartition(topics.decisions(), 0);
    private final long[] nextOffset = new long[3];
    private BalancerService service;

    @BeforeEach
    void assignPartitions() {
        service = new BalancerService(settings, new ServerModel(10, 50), consumer, producer, 4);
        service.subscribe();
        Map<TopicPartition, Long> beginning = new HashMap<>();
        for (TopicPartition partition : List.of(requests0, requests1, decisions)) {
            beginning.put(partition, 0L);
        }
        consumer.updateBeginningOffsets(beginning);
        consumer.rebalance(List.of(requests0, requests1, decisions));
    }

    @AfterEach
    void closeService() {
        service.close();
    }

    @Test
    void writesOneCompletionPerRequestKeyedByIdOnItsPartition() {
        add(requests0, Json.toBytes(request(0, 100)));
        add(requests1, Json.toBytes(request(1, 200)));
        add(requests1, Json.toBytes(new SessionEvent("ann", 150, true)));
        watermarks(1_000);
        add(decisions, Json.toBytes(decision(0, 1_000, 2)));

        service.pollOnce(Duration.ZERO);

        List<ProducerRecord<byte[], byte[]>> sent = producer.history();
        assertThat(sent).hasSize(2);
        ProducerRecord<byte[], byte[]> second = sent.get(1);
        assertThat(second.topic()).isEqualTo(topics.completions());
        assertThat(second.partition()).isEqualTo(1);
        assertThat(second.key()).containsExactly(0, 0, 0, 0, 0, 0, 0, 1);
        Completion completion = Json.fromBytes(second.value(), Completion.class);
        assertThat(completion).isEqualTo(new Completion(1, 200, 1, 2, 0.0, 50.0, false));
        assertThat(service.servedCount()).isEqualTo(2);
        assertThat(service.lateCount()).isZero();
    }

    @Test
    void skipsMalformedRecordsToTheDeadLetterTopicAndContinues() {
        add(requests0, "not json".getBytes(StandardCharsets.UTF_8));
        add(requests0, Json.toBytes(new Watermark(1_000, 5, PARTITIONS)));
        add(decisions, "{}".getBytes(StandardCharsets.UTF_8));
        add(requests0, Json.toBytes(request(0, 100)));
        watermarks(1_000);
        add(decisions, Json.toBytes(decision(0, 1_000, 1)));

        service.pollOnce(Duration.ZERO);

        assertThat(service.deadLetterCount()).isEqualTo(3);
        List<ProducerRecord<byte[], byte[]>> deadLetters = producer.history().stream()
                .filter(record -> record.topic().equals(topics.deadLetters())).toList();
        assertThat(deadLetters).hasSize(3);
        assertThat(new String(deadLetters.get(0).headers().lastHeader(DeadLetters.HEADER_OFFSET).value(),
                StandardCharsets.UTF_8)).isEqualTo("0");
        assertThat(service.servedCount()).isEqualTo(1);
    }

    @Test
    void commitsEachRequestsPartitionUpToItsOldestUnservedRequest() {
        add(requests0, Json.toBytes(request(0, 100)));
        add(requests0, Json.toBytes(request(2, 1_500)));
        add(requests1, Json.toBytes(request(1, 300)));
        watermarks(1_000);
        add(decisions, Json.toBytes(decision(0, 1_000, 1)));
        add(decisions, Json.toBytes(decision(1_000, 2_000, 1)));

        service.pollOnce(Duration.ZERO);
        service.commit();

        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.of(requests0, requests1));
        assertThat(committed.get(requests0).offset()).isEqualTo(1);
        assertThat(committed.get(requests1).offset()).isEqualTo(2);
    }

    @Test
    void pausesRequestPartitionsAheadOfEventTimeWhenTheBufferIsFull() {
        for (int i = 0; i < 5; i++) {
            add(requests0, Json.toBytes(request(i, 100 + i)));
        }
        add(requests0, Json.toBytes(new Watermark(1_000, 0, PARTITIONS)));

        service.pollOnce(Duration.ZERO);

        assertThat(consumer.paused()).containsExactly(requests0);

        add(requests1, Json.toBytes(new Watermark(1_000, 1, PARTITIONS)));
        add(decisions, Json.toBytes(decision(0, 1_000, 1)));
        service.pollOnce(Duration.ZERO);

        assertThat(service.servedCount()).isEqualTo(5);
        assertThat(consumer.paused()).isEmpty();
    }

    @Test
    void readsDecisionsFromTheBeginningOnAssignment() {
        consumer.seek(decisions, 5);
        consumer.rebalance(List.of());

        consumer.rebalance(List.of(requests0, requests1, decisions));

        assertThat(consumer.position(decisions)).isZero();
    }

    private void watermarks(long timeMs) {
        add(requests0, Json.toBytes(new Watermark(timeMs, 0, PARTITIONS)));
        add(requests1, Json.toBytes(new Watermark(timeMs, 1, PARTITIONS)));
    }

    private void add(TopicPartition partition, byte[] value) {
        int source = partition.equals(decisions) ? 2 : partition.partition();
        consumer.addRecord(new ConsumerRecord<>(partition.topic(), partition.partition(), nextOffset[source]++,
                null, value));
    }

    private static ChatEvent request(long id, long timeMs) {
        return new ChatRequest(id, null, timeMs, 100);
    }

    private static ScalingDecision decision(long startMs, long endMs, int servers) {
        return new ScalingDecision(startMs, endMs, 0, 0, 0, servers, servers, ScalingAction.NONE, "test", 0);
    }
}
