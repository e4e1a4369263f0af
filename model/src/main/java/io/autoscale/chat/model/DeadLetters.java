package io.autoscale.chat.model;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a service puts a record it cannot parse: skipped, counted, logged once with its topic,
 * partition and offset, and copied to the dead-letter topic with headers saying where it came from.
 */
public final class DeadLetters {

    public static final String HEADER_TOPIC = "source.topic";
    public static final String HEADER_PARTITION = "source.partition";
    public static final String HEADER_OFFSET = "source.offset";
    public static final String HEADER_ERROR = "error";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final Producer<byte[], byte[]> producer;
    private final String deadLetterTopic;
    private final AtomicLong count = new AtomicLong();

    public DeadLetters(Producer<byte[], byte[]> producer, String deadLetterTopic) {
        this.producer = producer;
        this.deadLetterTopic = deadLetterTopic;
    }

    /** Skips one record: logs it, counts it and copies it to the dead-letter topic. */
    public void skip(String topic, int partition, long offset, byte[] key, byte[] value, String error) {
        long skipped = count.incrementAndGet();
        LOG.warn("Skipping malformed record topic={} partition={} offset={} error={} skippedSoFar={}",
                topic, partition, offset, error, skipped);
        producer.send(new ProducerRecord<>(deadLetterTopic, null, key, value,
                headers(topic, partition, offset, error)));
    }

    public long count() {
        return count.get();
    }

    public static RecordHeaders headers(String topic, int partition, long offset, String error) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(HEADER_TOPIC, utf8(topic));
        headers.add(HEADER_PARTITION, utf8(Integer.toString(partition)));
        headers.add(HEADER_OFFSET, utf8(Long.toString(offset)));
        headers.add(HEADER_ERROR, utf8(error == null ? "" : error));
        return headers;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
