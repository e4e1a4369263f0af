package io.autoscale.chat.balancer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.autoscale.chat.model.Completion;
import io.autoscale.chat.model.Json;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Completions as records of the completions topic: keyed by request id, 8 bytes big-endian, on
 * partition {@code floorMod(id, partitions)}, so that a reader knows where any request's completion
 * lands without asking the partitioner.
 */
final class CompletionRecords {

    private final String topic;
    private final int partitions;
    private final ObjectWriter writer = Json.writer().forType(Completion.class);

    CompletionRecords(String topic, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("completions partitions must be at least 1, got " + partitions);
        }
        this.topic = topic;
        this.partitions = partitions;
    }

    ProducerRecord<byte[], byte[]> toRecord(Completion completion) {
        long id = completion.requestId();
        return new ProducerRecord<>(topic, partition(id, partitions), key(id), value(completion));
    }

    static int partition(long requestId, int partitions) {
        return Math.floorMod(requestId, partitions);
    }

    static byte[] key(long requestId) {
        byte[] key = new byte[Long.BYTES];
        for (int i = Long.BYTES - 1; i >= 0; i--) {
            key[i] = (byte) requestId;
            requestId >>>= 8;
        }
        return key;
    }

    private byte[] value(Completion completion) {
        try {
            return writer.writeValueAsBytes(completion);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the completion of request " + completion.requestId(), e);
        }
    }
}
