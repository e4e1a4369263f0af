package io.autoscale.chat.balancer;

import com.fasterxml.jackson.databind.ObjectReader;
import io.autoscale.chat.model.ChatEvent;
import io.autoscale.chat.model.ChatRequest;
import io.autoscale.chat.model.Completion;
import io.autoscale.chat.model.DeadLetters;
import io.autoscale.chat.model.Json;
import io.autoscale.chat.model.KafkaSettings;
import io.autoscale.chat.model.ScalingDecision;
import io.autoscale.chat.model.Watermark;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The balancer as a running service: reads requests, watermarks and decisions with one consumer,
 * drives a {@link BalancerCore} on its own thread and writes one completion per request.
 *
 * <p>One consumer reads both topics, so that one thread sees every record and the core needs no
 * locking. The decisions partition is read from its beginning on every assignment: decisions are
 * few, and a restarted balancer needs the decisions of the requests it reads again.
 *
 * <p>Offsets of a requests partition are committed only up to its oldest request not yet served,
 * and only after the completions sent so far are acknowledged: a restart serves some requests
 * twice, never none.
 *
 * <p><b>Run one instance per experiment:</b> the simulated servers are one state, and event time
 * advances on the watermarks of every partition, so a second instance in the group would wait
 * for partitions it does not read.
 */
public final class BalancerService implements AutoCloseable {

    /** About 40 MB of buffered requests; a replay at full speed reaches it when decisions lag. */
    public static final int DEFAULT_MAX_BUFFERED = 200_000;

    private static final Logger LOG = LoggerFactory.getLogger(BalancerService.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);
    private static final Duration POSITION_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(30);
    /** Wall time between commits: each waits for the producer's acknowledgements, so not every poll. */
    private static final long COMMIT_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(200);

    private final Consumer<byte[], byte[]> consumer;
    private final Producer<byte[], byte[]> producer;
    private final String requestsTopic;
    private final String decisionsTopic;
    private final BalancerCore core;
    private final BackPressure backPressure;
    private final CompletionRecords completions;
    private final DeadLetters deadLetters;
    private final ObjectReader eventReader = Json.readerFor(ChatEvent.class);
    private final ObjectReader decisionReader = Json.readerFor(ScalingDecision.class);
    private final java.util.function.Consumer<Completion> sender = this::send;
    private final Callback onSent = this::onSent;

    private Map<TopicPartition, OffsetAndMetadata> lastCommitted = Map.of();
    private long lastCommitNs = System.nanoTime();
    private volatile Exception sendFailure;
    private volatile boolean running;
    private volatile long served;
    private volatile long late;
    private Thread thread;

    public BalancerService(KafkaSettings settings, ServerModel model) {
        this(settings, model,
                new KafkaConsumer<>(settings.consumer(settings.topics().groupPrefix() + "-balancer", "balancer")),
                new KafkaProducer<>(settings.producer("balancer")), DEFAULT_MAX_BUFFERED);
    }

    BalancerService(KafkaSettings settings, ServerModel model, Consumer<byte[], byte[]> consumer,
            Producer<byte[], byte[]> producer, int maxBuffered) {
        this.consumer = consumer;
        this.producer = producer;
        this.requestsTopic = settings.topics().requests();
        this.decisionsTopic = settings.topics().decisions();
        this.core = new BalancerCore(model);
        this.backPressure = new BackPressure(maxBuffered, requestsTopic);
        this.completions = new CompletionRecords(settings.topics().completions(), settings.partitions());
        this.deadLetters = new DeadLetters(producer, settings.topics().deadLetters());
    }

    /** Starts the loop on its own thread. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("the balancer is already started");
        }
        running = true;
        thread = new Thread(this::run, "balancer");
        thread.start();
        LOG.info("Balancer started requestsTopic={} decisionsTopic={}", requestsTopic, decisionsTopic);
    }

    public long servedCount() {
        return served;
    }

    public long lateCount() {
        return late;
    }

    public long deadLetterCount() {
        return deadLetters.count();
    }

    /** Stops the loop, commits what has been served, closes the clients and waits for the thread. */
    @Override
    public void close() {
        Thread started;
        synchronized (this) {
            started = thread;
            running = false;
        }
        if (started == null) {
            closeClients();
            return;
        }
        consumer.wakeup();
        try {
            started.join(JOIN_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (started.isAlive()) {
            LOG.warn("Balancer thread did not stop within {} s", JOIN_TIMEOUT.toSeconds());
        }
    }

    private void run() {
        try {
            subscribe();
            while (running) {
                pollOnce(POLL_TIMEOUT);
            }
        } catch (WakeupException e) {
            LOG.debug("Balancer woken up to stop");
        } catch (RuntimeException e) {
            LOG.error("Balancer loop failed served={} buffered={}", core.servedCount(), core.bufferedCount(), e);
        } finally {
            maybeCommitOnExit();
            closeClients();
        }
    }

    void subscribe() {
        consumer.subscribe(List.of(requestsTopic, decisionsTopic), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                maybeCommitOnExit();
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                List<TopicPartition> decisions = new ArrayList<>();
                for (TopicPartition partition : partitions) {
                    if (partition.topic().equals(decisionsTopic)) {
                        decisions.add(partition);
                    }
                }
                consumer.seekToBeginning(decisions);
                LOG.info("Balancer assigned partitions={}", partitions);
            }
        });
    }

    /** One turn of the loop: poll, feed the core, send what is ready, adjust back-pressure, maybe commit. */
    void pollOnce(Duration timeout) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(timeout);
        for (ConsumerRecord<byte[], byte[]> record : records) {
            dispatch(record);
        }
        core.drainReady(sender);
        backPressure.update(consumer, core);
        served = core.servedCount();
        late = core.lateCount();

        if (System.nanoTime() - lastCommitNs >= COMMIT_INTERVAL_NS) {
            commit();
        }
    }

    /**
     * Waits for the completions sent so far, then commits every requests partition up to its
     * oldest request not served yet.
     */
    void commit() {
        lastCommitNs = System.nanoTime();
        producer.flush();
        Exception failure = sendFailure;
        if (failure != null) {
            throw new IllegalStateException("cannot write completions: " + failure.getMessage(), failure);
        }

        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            if (partition.topic().equals(requestsTopic)) {
                long oldest = core.oldestBufferedOffset(partition.partition());
                boolean anyBuffered = oldest != BalancerCore.NO_OFFSET;
                long offset = anyBuffered ? oldest : consumer.position(partition, POSITION_TIMEOUT);
                offsets.put(partition, new OffsetAndMetadata(offset));
            }
        }
        if (!offsets.isEmpty() && !offsets.equals(lastCommitted)) {
            consumer.commitSync(offsets);
            lastCommitted = offsets;
        }
    }

    BalancerCore core() {
        return core;
    }

    private void dispatch(ConsumerRecord<byte[], byte[]> record) {
        String topic = record.topic();
        if (topic.equals(requestsTopic)) {
            onRequestsRecord(record);
        } else if (topic.equals(decisionsTopic)) {
            onDecisionRecord(record);
        }
    }

    private void onRequestsRecord(ConsumerRecord<byte[], byte[]> record) {
        ChatEvent event = read(eventReader, record);
        if (event instanceof ChatRequest request) {
            core.onRequest(record.partition(), record.offset(), request);
        } else if (event instanceof Watermark watermark) {
            try {
                core.onWatermark(watermark);
            } catch (IllegalArgumentException e) {
                skip(record, e.getMessage());
            }
        }
    }

    private void onDecisionRecord(ConsumerRecord<byte[], byte[]> record) {
        ScalingDecision decision = read(decisionReader, record);
        if (decision == null) {
            return;
        }
        try {
            core.onDecision(decision);
        } catch (IllegalArgumentException e) {
            skip(record, e.getMessage());
        }
    }

    /** The record's value, or {@code null} once it has been skipped as malformed. */
    private <T> T read(ObjectReader reader, ConsumerRecord<byte[], byte[]> record) {
        byte[] value = record.value();
        if (value == null) {
            skip(record, "record has no value");
            return null;
        }
        try {
            T parsed = reader.readValue(value);
            if (parsed == null) {
                skip(record, "record value is JSON null");
            }
            return parsed;
        } catch (IOException | RuntimeException e) {
            skip(record, firstLine(e.getMessage()));
            return null;
        }
    }

    private void skip(ConsumerRecord<byte[], byte[]> record, String error) {
        deadLetters.skip(record.topic(), record.partition(), record.offset(), record.key(), record.value(), error);
    }

    private void send(Completion completion) {
        producer.send(completions.toRecord(completion), onSent);
    }

    private void onSent(RecordMetadata metadata, Exception exception) {
        if (exception != null && sendFailure == null) {
            sendFailure = exception;
        }
    }

    private void maybeCommitOnExit() {
        if (sendFailure != null) {
            return;
        }
        try {
            commit();
        } catch (RuntimeException e) {
            LOG.warn("Balancer could not commit its offsets on exit", e);
        }
    }

    private void closeClients() {
        try {
            consumer.close();
        } finally {
            producer.close();
        }
        LOG.info("Balancer stopped served={} late={} deadLetters={} backPressureEngagements={}",
                core.servedCount(), core.lateCount(), deadLetters.count(), backPressure.engagements());
    }

    private static String firstLine(String message) {
        String text = String.valueOf(message);
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
