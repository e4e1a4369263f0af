package io.autoscale.chat.producer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.autoscale.chat.model.ChatEvent;
import io.autoscale.chat.model.ChatRequest;
import io.autoscale.chat.model.Json;
import io.autoscale.chat.model.RunEnded;
import io.autoscale.chat.model.SessionEvent;
import io.autoscale.chat.model.Watermark;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.utils.Utils;

/**
 * Turns the events of one run into records: paces them, picks key and partition, serializes and
 * sends them, and remembers the first send that failed.
 *
 * <p>A user's requests and sessions share a partition, chosen from the user name as Kafka's
 * default partitioner would; a trace request, which has no user, goes by its id. The split only
 * spreads load: nothing downstream depends on which partition an event took.
 */
final class EventSender implements SecondSink {

    /** Carries an interruption of the pacer out through {@link TrafficSource#nextSecond}. */
    static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Interrupted(Throwable cause) {
            super(cause);
        }
    }

    private final Producer<byte[], byte[]> producer;
    private final Pacer pacer;
    private final String requestsTopic;
    private final String controlTopic;
    private final int partitions;
    private final ObjectWriter eventWriter = Json.mapper().writerFor(ChatEvent.class);
    private final Callback requestsCallback;
    private final Callback controlCallback;

    /** Set by the producer's I/O thread; read before every send, so a failure stops the run at once. */
    private volatile PublishFailedException failure;
    private long requests;
    private long sessions;

    EventSender(Producer<byte[], byte[]> producer, Pacer pacer, String requestsTopic, String controlTopic,
            int partitions) {
        this.producer = producer;
        this.pacer = pacer;
        this.requestsTopic = requestsTopic;
        this.controlTopic = controlTopic;
        this.partitions = partitions;
        this.requestsCallback = failureRecorder(requestsTopic);
        this.controlCallback = failureRecorder(controlTopic);
    }

    @Override
    public void session(SessionEvent session) {
        pace(session.timeMs());
        byte[] key = session.user().getBytes(StandardCharsets.UTF_8);
        send(requestsTopic, partitionOfUser(key), key, session, requestsCallback);
        sessions++;
    }

    @Override
    public void request(ChatRequest request) {
        pace(request.timeMs());
        boolean hasUser = request.user() != null;
        byte[] key = hasUser ? request.user().getBytes(StandardCharsets.UTF_8) : idKey(request.id());
        int partition = hasUser ? partitionOfUser(key) : (int) Math.floorMod(request.id(), (long) partitions);
        send(requestsTopic, partition, key, request, requestsCallback);
        requests++;
    }

    /** Promises every partition that no event earlier than {@code timeMs} follows. */
    void watermarks(long timeMs) {
        pace(timeMs);
        for (int partition = 0; partition < partitions; partition++) {
            send(requestsTopic, partition, null, new Watermark(timeMs, partition, partitions), requestsCallback);
        }
    }

    /** Waits for every record sent so far to be acknowledged, or fails naming the topic. */
    void flush() {
        producer.flush();
        checkFailure();
    }

    void runEnded(RunEnded marker) {
        checkFailure();
        try {
            producer.send(new ProducerRecord<>(controlTopic, 0, null, Json.toBytes(marker)), controlCallback);
        } catch (InterruptException e) {
            throw new Interrupted(e);
        } catch (RuntimeException e) {
            throw new PublishFailedException("cannot send to topic " + controlTopic + ": " + e.getMessage(), e);
        }
    }

    long requests() {
        return requests;
    }

    long sessions() {
        return sessions;
    }

    void checkFailure() {
        PublishFailedException failed = failure;
        if (failed != null) {
            throw failed;
        }
    }

    private void send(String topic, int partition, byte[] key, ChatEvent event, Callback callback) {
        checkFailure();
        byte[] value;
        try {
            value = eventWriter.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + event.getClass().getSimpleName() + " as JSON", e);
        }
        try {
            producer.send(new ProducerRecord<>(topic, partition, key, value), callback);
        } catch (InterruptException e) {
            throw new Interrupted(e);
        } catch (RuntimeException e) {
            throw new PublishFailedException("cannot send to topic " + topic + ": " + e.getMessage(), e);
        }
    }

    private void pace(long timeMs) {
        try {
            pacer.awaitEventTime(timeMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Interrupted(e);
        }
    }

    private int partitionOfUser(byte[] userKey) {
        return Utils.toPositive(Utils.murmur2(userKey)) % partitions;
    }

    private static byte[] idKey(long id) {
        return ByteBuffer.allocate(Long.BYTES).putLong(id).array();
    }

    private Callback failureRecorder(String topic) {
        return (metadata, exception) -> {
            if (exception != null && failure == null) {
                failure = new PublishFailedException(
                        "cannot send to topic " + topic + ": " + exception.getMessage(), exception);
            }
        };
    }
}
