package io.autoscale.chat.balancer;

import io.autoscale.chat.model.MalformedRecordException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * What a new owner of a routed partition needs to serve it on exactly as its previous owner would
 * have: the state after reading the partition up to {@code readOffset}.
 *
 * <p>Binary layout, big-endian: byte version 1, int routedPartition, long readOffset, long
 * servedThroughMs, int n then n longs watermarksMs, int m then m longs sourceSeenOffsets, int k then
 * k pairs (int server, double busyUntilMs).
 *
 * @param routedPartition   the routed partition
 * @param readOffset        routed offset of the first record not read when the checkpoint was taken
 * @param servedThroughMs   every request stamped before this had been served
 * @param watermarksMs      latest watermark per source partition, {@link Watermarks#NONE} when unknown
 * @param sourceSeenOffsets highest source offset accepted per source partition, -1 when none
 * @param servers           the servers of this partition that have served something
 * @param busyUntilMs       when each of those servers' backlog drains, in event time
 */
record ServingCheckpoint(int routedPartition, long readOffset, long servedThroughMs, long[] watermarksMs,
        long[] sourceSeenOffsets, int[] servers, double[] busyUntilMs) {

    private static final byte VERSION = 1;

    ServingCheckpoint {
        if (servers.length != busyUntilMs.length) {
            throw new IllegalArgumentException("a checkpoint needs one busy-until time per server, got "
                    + servers.length + " servers and " + busyUntilMs.length + " times");
        }
    }

    byte[] toBytes() {
        int size = 1 + 4 + 8 + 8 + 4 + 8 * watermarksMs.length + 4 + 8 * sourceSeenOffsets.length
                + 4 + 12 * servers.length;
        ByteBuffer buffer = ByteBuffer.allocate(size)
                .put(VERSION)
                .putInt(routedPartition)
                .putLong(readOffset)
                .putLong(servedThroughMs)
                .putInt(watermarksMs.length);
        for (long timeMs : watermarksMs) {
            buffer.putLong(timeMs);
        }
        buffer.putInt(sourceSeenOffsets.length);
        for (long offset : sourceSeenOffsets) {
            buffer.putLong(offset);
        }
        buffer.putInt(servers.length);
        for (int i = 0; i < servers.length; i++) {
            buffer.putInt(servers[i]).putDouble(busyUntilMs[i]);
        }
        return buffer.array();
    }

    /** @throws MalformedRecordException when the bytes are not a checkpoint of this version */
    static ServingCheckpoint fromBytes(byte[] value) {
        if (value == null || value.length == 0 || value[0] != VERSION) {
            throw new MalformedRecordException("checkpoint must start with version " + VERSION);
        }
        try {
            ByteBuffer buffer = ByteBuffer.wrap(value, 1, value.length - 1);
            int routedPartition = buffer.getInt();
            long readOffset = buffer.getLong();
            long servedThroughMs = buffer.getLong();
            long[] watermarksMs = longs(buffer);
            long[] sourceSeenOffsets = longs(buffer);
            int count = count(buffer, 12);
            int[] servers = new int[count];
            double[] busyUntilMs = new double[count];
            for (int i = 0; i < count; i++) {
                servers[i] = buffer.getInt();
                busyUntilMs[i] = buffer.getDouble();
            }
            return new ServingCheckpoint(routedPartition, readOffset, servedThroughMs, watermarksMs,
                    sourceSeenOffsets, servers, busyUntilMs);
        } catch (BufferUnderflowException e) {
            throw new MalformedRecordException("checkpoint is truncated", e);
        }
    }

    private static long[] longs(ByteBuffer buffer) {
        long[] values = new long[count(buffer, 8)];
        for (int i = 0; i < values.length; i++) {
            values[i] = buffer.getLong();
        }
        return values;
    }

    private static int count(ByteBuffer buffer, int bytesEach) {
        int count = buffer.getInt();
        if (count < 0 || (long) count * bytesEach > buffer.remaining()) {
            throw new MalformedRecordException("checkpoint announces " + count + " entries of " + bytesEach
                    + " bytes but holds only " + buffer.remaining() + " bytes more");
        }
        return count;
    }
}
