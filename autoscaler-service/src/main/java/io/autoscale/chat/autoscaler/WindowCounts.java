package io.autoscale.chat.autoscaler;

import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * One partition's running counts for one open window. Updated for every request, so it has a
 * fixed 16-byte encoding rather than JSON.
 */
record WindowCounts(long requests, long userDelta) {

    static final WindowCounts EMPTY = new WindowCounts(0, 0);

    WindowCounts plusRequest() {
        return new WindowCounts(requests + 1, userDelta);
    }

    WindowCounts plusUsers(long delta) {
        return new WindowCounts(requests, userDelta + delta);
    }

    static Serde<WindowCounts> serde() {
        Serializer<WindowCounts> serializer = (topic, counts) -> counts == null ? null
                : ByteBuffer.allocate(16).putLong(counts.requests).putLong(counts.userDelta).array();
        Deserializer<WindowCounts> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            return new WindowCounts(buffer.getLong(), buffer.getLong());
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
