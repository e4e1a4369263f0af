package io.autoscale.chat.autoscaler;

import io.autoscale.chat.model.DeadLetters;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Skips a record a processor cannot parse: counted, logged once, copied to the dead-letter sink. */
final class StreamsDeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsDeadLetters.class);

    private final AtomicLong count;

    StreamsDeadLetters(AtomicLong count) {
        this.count = count;
    }

    void skip(ProcessorContext<byte[], byte[]> context, Record<byte[], byte[]> record, String error) {
        long skipped = count.incrementAndGet();
        RecordMetadata where = context.recordMetadata().orElseThrow();
        LOG.warn("Skipping malformed record topic={} partition={} offset={} error={} skippedSoFar={}",
                where.topic(), where.partition(), where.offset(), error, skipped);
        context.forward(new Record<>(record.key(), record.value(), record.timestamp(),
                DeadLetters.headers(where.topic(), where.partition(), where.offset(), error)),
                AutoscalerTopology.DEAD_LETTERS_SINK);
    }
}
