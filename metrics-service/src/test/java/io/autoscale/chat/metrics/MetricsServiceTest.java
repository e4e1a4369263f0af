package io.autoscale.chat.metrics;

import static io.autoscale.chat.metrics.TestRecords.completion;
import static io.autoscale.chat.metrics.TestRecords.decision;
import static io.autoscale.chat.metrics.TestRecords.steady;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscale.chat.model.Json;
import io.autoscale.chat.model.RunEnded;
import io.autoscale.chat.model.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricsServiceTest {

    private static final int COMPLETION_PARTITIONS = 3;

    private final Topics topics = Topics.plain();
    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final MetricsService service = new MetricsService(topics, "users", TestRecords.SETTINGS, RunListener.NONE,
            consumer, producer);
    private final Map<TopicPartition, Long> nextOffsets = new HashMap<>();

    MetricsServiceTest() {
        declare(topics.decisions(), 1);
        declare(topics.completions(), COMPLETION_PARTITIONS);
        declare(topics.control(), 1);
    }

    @AfterEach
    void close() {
        service.close();
    }

    @Test
    void completesTheReportOnceTheLastRequestIsAccountedFor() throws Exception {
        consumer.schedulePollTask(() -> {
            for (int id = 0; id < 30; id++) {
                add(topics.completions(), id % COMPLETION_PARTITIONS, completion(id, id + 1));
            }
            add(topics.decisions(), 0, steady(0, 1000, 10, 15, 2));
            add(topics.control(), 0, new RunEnded(30, 2000));
        });
        consumer.schedulePollTask(() -> add(topics.decisions(), 0, decision(1000, 2000, 40, 15, 2, 3)));

        service.start();
        Report report = service.report().get(30, TimeUnit.SECONDS);

        assertThat(report.totalRequests()).isEqualTo(30);
        assertThat(report.requestsProduced()).isEqualTo(30);
        assertThat(report.windows()).isEqualTo(2);
        assertThat(report.averageServers()).isEqualTo(2.0);
        assertThat(report.peakServers()).isEqualTo(3);
        assertThat(report.maxResponseTimeMs()).isEqualTo(30.0);
        assertThat(report.wallSeconds()).isPositive();
        assertThat(service.progress()).isEqualTo(33);
    }

    @Test
    void failsTheReportWhenClosedBeforeTheRunIsAccountedFor() {
        service.start();
        service.close();

        assertThatThrownBy(() -> service.report().get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("the metrics service was closed before the run was accounted for");
        assertThat(consumer.closed()).isTrue();
    }

    @Test
    void startsOnlyOnce() {
        service.start();

        assertThatThrownBy(service::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the metrics service can be started once, and not after close()");
    }

    private void declare(String topic, int partitions) {
        Node node = new Node(0, "127.0.0.1", 9092);
        List<PartitionInfo> infos = new ArrayList<>();
        Map<TopicPartition, Long> beginnings = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            infos.add(new PartitionInfo(topic, p, node, new Node[] {node}, new Node[] {node}));
            beginnings.put(new TopicPartition(topic, p), 0L);
        }
        consumer.updatePartitions(topic, infos);
        consumer.updateBeginningOffsets(beginnings);
    }

    private void add(String topic, int partition, Object value) {
        TopicPartition tp = new TopicPartition(topic, partition);
        long offset = nextOffsets.merge(tp, 1L, Long::sum) - 1;
        consumer.addRecord(new ConsumerRecord<>(topic, partition, offset, null, Json.toBytes(value)));
    }
}
