package io.autoscale.chat.balancer;

import io.autoscale.chat.model.MalformedRecordException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serving stage's checkpoints on the compacted state topic: the checkpoint of routed partition
 * {@code r} is keyed by {@code r} (4 bytes) and written to state partition {@code r}, so the latest
 * is simply the last record there and a new owner reads one record, not the topic.
 */
final class CheckpointStore {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);

    private final String topic;
    private final Consumer<byte[], byte[]> reader;

    /** @param reader a consumer outside any group, used only by {@link #load} */
    CheckpointStore(String topic, Consumer<byte[], byte[]> reader) {
        this.topic = topic;
        this.reader = reader;
    }

    void write(Producer<byte[], byte[]> producer, ServingCheckpoint checkpoint, Callback onSent) {
        int partition = checkpoint.routedPartition();
        producer.send(new ProducerRecord<>(topic, partition, key(partition), checkpoint.toBytes()), onSent);
    }

    /**
     * The latest checkpoint of each routed partition that has one.
     *
     * @throws IllegalStateException when the state topic does not answer within 30 s
     */
    Map<Integer, ServingCheckpoint> load(Collection<Integer> routedPartitions) {
        Map<Integer, ServingCheckpoint> loaded = new HashMap<>();
        if (routedPartitions.isEmpty()) {
            return loaded;
        }
        List<TopicPartition> partitions = new ArrayList<>();
        routedPartitions.forEach(partition -> partitions.add(new TopicPartition(topic, partition)));
        reader.assign(partitions);
        Map<TopicPartition, Long> ends = reader.endOffsets(partitions, LOAD_TIMEOUT);

        Map<TopicPartition, Long> awaited = new HashMap<>();
        for (TopicPartition partition : partitions) {
            long end = ends.getOrDefault(partition, 0L);
            if (end > 0) {
                reader.seek(partition, end - 1);
                awaited.put(partition, end - 1);
            }
        }
        long deadlineNs = System.nanoTime() + LOAD_TIMEOUT.toNanos();
        while (!awaited.isEmpty()) {
            if (System.nanoTime() > deadlineNs) {
                throw new IllegalStateException("cannot read the balancer checkpoints of " + awaited.keySet()
                        + " within " + LOAD_TIMEOUT.toSeconds() + " s");
            }
            for (ConsumerRecord<byte[], byte[]> record : reader.poll(POLL_TIMEOUT)) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                Long last = awaited.get(partition);
                if (last != null && record.offset() >= last) {
                    awaited.remove(partition);
                    maybeParse(record).ifPresent(checkpoint -> loaded.put(record.partition(), checkpoint));
                }
            }
        }
        reader.assign(List.of());
        return loaded;
    }

    private static Optional<ServingCheckpoint> maybeParse(ConsumerRecord<byte[], byte[]> record) {
        try {
            ServingCheckpoint checkpoint = ServingCheckpoint.fromBytes(record.value());
            if (checkpoint.routedPartition() != record.partition()) {
                throw new MalformedRecordException("checkpoint of routed partition " + checkpoint.routedPartition()
                        + " found on state partition " + record.partition());
            }
            return Optional.of(checkpoint);
        } catch (MalformedRecordException e) {
            LOG.warn("Ignoring an unreadable balancer checkpoint topic={} partition={} offset={} error={}",
                    record.topic(), record.partition(), record.offset(), e.getMessage());
            return Optional.empty();
        }
    }

    static byte[] key(int routedPartition) {
        return ByteBuffer.allocate(Integer.BYTES).putInt(routedPartition).array();
    }
}
