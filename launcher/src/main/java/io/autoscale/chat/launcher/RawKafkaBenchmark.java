package io.autoscale.chat.launcher;

import io.autoscale.chat.model.KafkaSettings;
import io.autoscale.chat.model.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka alone, as the services use it: produces records shaped like chat requests with the
 * services' producer settings ({@link KafkaSettings#producer}: acks=all, idempotence, 5 ms linger,
 * 64 KiB batches, lz4) to a topic with the pipeline's partitions, then consumes them all with the
 * services' consumer settings. The pipeline cannot beat these rates: each request crosses Kafka
 * more than once.
 *
 * <p>The consumer is assigned the partitions rather than joining a group, so the figure holds no
 * rebalance wait.
 */
final class RawKafkaBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(RawKafkaBenchmark.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(100);
    /** The consumer gives up when no record arrives for this long: the records are already written. */
    private static final long STALL_NS = TimeUnit.SECONDS.toNanos(60);

    /**
     * What one benchmark measured.
     *
     * @param records     records produced, and expected back
     * @param consumed    records consumed
     * @param recordBytes bytes of one record's key and value, before compression
     * @param produceNs   wall time from the first send to the acknowledgement of the last
     * @param consumeNs   wall time from the first poll to the last record read
     */
    record Result(long records, long consumed, int recordBytes, long produceNs, long consumeNs) {

        double produceRecordsPerSecond() {
            return records * 1e9 / produceNs;
        }

        double produceMegabytesPerSecond() {
            return produceRecordsPerSecond() * recordBytes / 1e6;
        }

        double consumeRecordsPerSecond() {
            return consumed * 1e9 / consumeNs;
        }

        double consumeMegabytesPerSecond() {
            return consumeRecordsPerSecond() * recordBytes / 1e6;
        }
    }

    private final KafkaSettings settings;
    private final String topic;
    private final long records;
    private final SampleRequest sample = new SampleRequest();

    /**
     * @param bootstrapServers the cluster
     * @param topic            a topic that does not exist yet; created with {@code partitions}
     * @param partitions       partitions of the topic, as the pipeline's per-request topics have
     * @param records          records to produce and consume, at least 1
     */
    RawKafkaBenchmark(String bootstrapServers, String topic, int partitions, long records) {
        if (records < 1) {
            throw new IllegalArgumentException("--records must be at least 1, got " + records);
        }
        this.settings = new KafkaSettings(bootstrapServers, Topics.plain(), partitions, (short) 1);
        this.topic = topic;
        this.records = records;
    }

    int recordBytes() {
        return sample.recordBytes();
    }

    Result run() throws InterruptedException {
        createTopic();
        long produceNs = produce();
        LOG.info("Raw benchmark produced records={} topic={} wallMs={}", records, topic, produceNs / 1_000_000);
        long[] consumed = new long[1];
        long consumeNs = consume(consumed);
        LOG.info("Raw benchmark consumed records={} topic={} wallMs={}", consumed[0], topic, consumeNs / 1_000_000);
        return new Result(records, consumed[0], sample.recordBytes(), produceNs, consumeNs);
    }

    private void createTopic() throws InterruptedException {
        try (Admin admin = Admin.create(settings.common())) {
            admin.createTopics(List.of(new NewTopic(topic, settings.partitions(), settings.replicationFactor())))
                    .all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topic " + topic + " on " + settings.bootstrapServers()
                    + ": " + e.getMessage(), e);
        }
    }

    private long produce() {
        AtomicReference<Exception> failure = new AtomicReference<>();
        int partitions = settings.partitions();
        long startNs = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(settings.producer("bench-raw-producer"))) {
            for (long i = 0; i < records && failure.get() == null; i++) {
                int partition = (int) (i % partitions);
                producer.send(new ProducerRecord<>(topic, partition, SampleRequest.key(i), sample.value(i)),
                        (metadata, exception) -> {
                            if (exception != null) {
                                failure.compareAndSet(null, exception);
                            }
                        });
            }
            producer.flush();
        }
        long elapsedNs = System.nanoTime() - startNs;
        if (failure.get() != null) {
            throw new IllegalStateException("cannot send to topic " + topic + ": " + failure.get().getMessage(),
                    failure.get());
        }
        return elapsedNs;
    }

    private long consume(long[] consumed) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < settings.partitions(); p++) {
            partitions.add(new TopicPartition(topic, p));
        }
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                settings.consumer("bench-raw-" + topic, "bench-raw-consumer"))) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long startNs = System.nanoTime();
            long lastRecordNs = startNs;
            long count = 0;
            long bytes = 0;
            while (count < records) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(POLL);
                long nowNs = System.nanoTime();
                if (batch.isEmpty()) {
                    boolean stalled = nowNs - lastRecordNs > STALL_NS;
                    if (stalled) {
                        break;
                    }
                    continue;
                }
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    // Touch the bytes as a service would, so that lazily decoded data is paid for.
                    bytes += record.key().length + record.value().length;
                }
                count += batch.count();
                lastRecordNs = nowNs;
            }
            consumed[0] = count;
            LOG.debug("Raw benchmark read bytes={}", bytes);
            return lastRecordNs - startNs;
        }
    }
}
