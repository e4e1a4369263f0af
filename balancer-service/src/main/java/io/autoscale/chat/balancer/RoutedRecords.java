package io.autoscale.chat.balancer;

import io.autoscale.chat.model.MalformedRecordException;
import io.autoscale.chat.model.Watermark;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Records of the routed topic, in a fixed binary layout (big-endian), since every request crosses
 * this topic and JSON would cost more than the rest of the stage:
 *
 * <pre>
 * request:   byte 1, long id, long timeMs, int server, int servers, int sourcePartition, long sourceOffset
 * watermark: byte 2, long timeMs, int partition, int partitions
 * </pre>
 *
 * A request is keyed by its server (4 bytes) on partition {@code floorMod(server, partitions)}, so
 * that every request of one server is served in one place; a watermark is written to every partition.
 */
final class RoutedRecords {

    static final byte REQUEST = 1;
    static final byte WATERMARK = 2;
    static final int REQUEST_BYTES = 1 + 8 + 8 + 4 + 4 + 4 + 8;
    static final int WATERMARK_BYTES = 1 + 8 + 4 + 4;

    private final String topic;
    private final int partitions;

    RoutedRecords(String topic, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("routed partitions must be at least 1, got " + partitions);
        }
        this.topic = topic;
        this.partitions = partitions;
    }

    int partitions() {
        return partitions;
    }

    static int partitionOf(int server, int partitions) {
        return Math.floorMod(server, partitions);
    }

    ProducerRecord<byte[], byte[]> request(RoutedRequest request) {
        ByteBuffer value = ByteBuffer.allocate(REQUEST_BYTES)
                .put(REQUEST)
                .putLong(request.id())
                .putLong(request.timeMs())
                .putInt(request.server())
                .putInt(request.servers())
                .putInt(request.sourcePartition())
                .putLong(request.sourceOffset());
        byte[] key = ByteBuffer.allocate(Integer.BYTES).putInt(request.server()).array();
        return new ProducerRecord<>(topic, partitionOf(request.server(), partitions), key, value.array());
    }

    ProducerRecord<byte[], byte[]> watermark(Watermark watermark, int partition) {
        ByteBuffer value = ByteBuffer.allocate(WATERMARK_BYTES)
                .put(WATERMARK)
                .putLong(watermark.timeMs())
                .putInt(watermark.partition())
                .putInt(watermark.partitions());
        return new ProducerRecord<>(topic, partition, null, value.array());
    }

    /**
     * Reads one value: a {@link RoutedRequest} or a {@link Watermark}.
     *
     * @throws MalformedRecordException when the bytes are neither
     */
    static Object parse(byte[] value) {
        if (value == null || value.length == 0) {
            throw new MalformedRecordException("routed record has no value");
        }
        ByteBuffer buffer = ByteBuffer.wrap(value);
        try {
            byte type = buffer.get();
            if (type == REQUEST && value.length == REQUEST_BYTES) {
                return new RoutedRequest(buffer.getLong(), buffer.getLong(), buffer.getInt(), buffer.getInt(),
                        buffer.getInt(), buffer.getLong());
            }
            if (type == WATERMARK && value.length == WATERMARK_BYTES) {
                return new Watermark(buffer.getLong(), buffer.getInt(), buffer.getInt());
            }
        } catch (BufferUnderflowException e) {
            throw new MalformedRecordException("routed record is truncated", e);
        }
        throw new MalformedRecordException("routed record of type " + value[0] + " and " + value.length
                + " bytes is neither a request (" + REQUEST_BYTES + " bytes) nor a watermark ("
                + WATERMARK_BYTES + " bytes)");
    }
}
