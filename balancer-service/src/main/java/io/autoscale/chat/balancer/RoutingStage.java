package io.autoscale.chat.balancer;

import io.autoscale.chat.model.ChatEvent;
import io.autoscale.chat.model.ChatEvents;
import io.autoscale.chat.model.ChatRequest;
import io.autoscale.chat.model.DeadLetters;
import io.autoscale.chat.model.Json;
import io.autoscale.chat.model.MalformedRecordException;
import io.autoscale.chat.model.ScalingDecision;
import io.autoscale.chat.model.Watermark;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 1 as a running loop: reads requests in the router consumer group and every decision by
 * manual assignment, drives a {@link Router} and writes what it routes to the routed topic.
 *
 * <p>A requests partition is committed only up to its oldest event still queued, and only after
 * the routed records sent so far are acknowledged. When a partition moves to another instance,
 * this one flushes and commits before giving it up; the new owner reads it again from there, and
 * the serving stage drops the requests it receives twice. Back-pressure pauses every requests
 * partition: routing waits only on decisions, which do not depend on the balancer, so no partition
 * needs to be kept reading.
 */
final class RoutingStage extends StageThread {

    private static final Logger LOG = LoggerFactory.getLogger(RoutingStage.class);
    private static final Duration POSITION_TIMEOUT = Duration.ofSeconds(10);
    /** Wall time between commits: each waits for the producer's acknowledgements, so not every poll. */
    private static final long COMMIT_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(200);

    private final Consumer<byte[], byte[]> requestsConsumer;
    private final Consumer<byte[], byte[]> decisionsConsumer;
    private final Producer<byte[], byte[]> producer;
    private final String requestsTopic;
    private final TopicPartition decisions;
    private final RoutedRecords routedRecords;
    private final DeadLetters deadLetters;
    private final BackPressure backPressure;
    private final Router router = new Router();
    private final Callback onSent = this::onSent;
    private final RoutedSink sink = new RoutedSink() {
        @Override
        public void request(RoutedRequest request) {
            producer.send(routedRecords.request(request), onSent);
        }

        @Override
        public void watermark(Watermark watermark) {
            for (int partition = 0; partition < routedRecords.partitions(); partition++) {
                producer.send(routedRecords.watermark(watermark, partition), onSent);
            }
        }
    };

    private long lastCommitNs = System.nanoTime();
    private volatile Exception sendFailure;
    private volatile long routed;

    RoutingStage(String requestsTopic, String decisionsTopic, Consumer<byte[], byte[]> requestsConsumer,
            Consumer<byte[], byte[]> decisionsConsumer, Producer<byte[], byte[]> producer,
            RoutedRecords routedRecords, DeadLetters deadLetters, int maxBuffered) {
        super("balancer-router");
        this.requestsConsumer = requestsConsumer;
        this.decisionsConsumer = decisionsConsumer;
        this.producer = producer;
        this.requestsTopic = requestsTopic;
        this.decisions = new TopicPartition(decisionsTopic, 0);
        this.routedRecords = routedRecords;
        this.deadLetters = deadLetters;
        this.backPressure = new BackPressure(maxBuffered, requestsTopic);
    }

    long routedCount() {
        return routed;
    }

    Router router() {
        return router;
    }

    @Override
    void subscribe() {
        decisionsConsumer.assign(List.of(decisions));
        decisionsConsumer.seekToBeginning(List.of(decisions));
        requestsConsumer.subscribe(List.of(requestsTopic), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                maybeCommitOnExit();
                partitions.forEach(partition -> router.forget(partition.partition()));
                LOG.info("Router gave up partitions={}", partitions);
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                partitions.forEach(partition -> router.forget(partition.partition()));
                LOG.warn("Router lost partitions={}", partitions);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                LOG.info("Router assigned partitions={}", partitions);
            }
        });
    }

    /** One turn: read decisions, then requests, route what is ready, adjust back-pressure, maybe commit. */
    @Override
    void pollOnce(Duration timeout) {
        for (ConsumerRecord<byte[], byte[]> record : decisionsConsumer.poll(Duration.ZERO)) {
            onDecisionRecord(record);
        }
        for (ConsumerRecord<byte[], byte[]> record : requestsConsumer.poll(timeout)) {
            onRequestsRecord(record);
        }
        router.drain(sink);
        backPressure.update(requestsConsumer, router.pendingCount(), partition -> false);
        routed = router.routedCount();

        if (System.nanoTime() - lastCommitNs >= COMMIT_INTERVAL_NS) {
            commit();
        }
    }

    /** Waits for the routed records sent so far, then commits every partition up to its oldest queued event. */
    @Override
    void commit() {
        lastCommitNs = System.nanoTime();
        producer.flush();
        Exception failure = sendFailure;
        if (failure != null) {
            throw new IllegalStateException("cannot write routed requests: " + failure.getMessage(), failure);
        }

        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : requestsConsumer.assignment()) {
            long oldest = router.oldestPendingOffset(partition.partition());
            boolean anyQueued = oldest != BufferedOffsets.NONE;
            long offset = anyQueued ? oldest : requestsConsumer.position(partition, POSITION_TIMEOUT);
            offsets.put(partition, new OffsetAndMetadata(offset));
        }
        commitOffsets(requestsConsumer, offsets);
    }

    @Override
    boolean sendFailed() {
        return sendFailure != null;
    }

    @Override
    void wakeup() {
        requestsConsumer.wakeup();
    }

    @Override
    void closeClients() {
        try {
            requestsConsumer.close();
            decisionsConsumer.close();
        } finally {
            producer.close();
        }
        LOG.info("Router stopped routed={} pending={} decisions={} backPressureEngagements={}",
                router.routedCount(), router.pendingCount(), router.decisionsKnown(), backPressure.engagements());
    }

    private void onRequestsRecord(ConsumerRecord<byte[], byte[]> record) {
        try {
            ChatEvent event = ChatEvents.parse(record.value());
            if (event instanceof ChatRequest request) {
                router.onRequest(record.partition(), record.offset(), request);
            } else if (event instanceof Watermark watermark) {
                router.onWatermark(record.partition(), record.offset(), watermark);
            }
        } catch (MalformedRecordException | IllegalArgumentException e) {
            skip(record, e.getMessage());
        }
    }

    private void onDecisionRecord(ConsumerRecord<byte[], byte[]> record) {
        try {
            ScalingDecision decision = Json.fromBytes(record.value(), ScalingDecision.class);
            if (decision == null) {
                skip(record, "record value is JSON null");
                return;
            }
            router.onDecision(decision);
        } catch (MalformedRecordException | IllegalArgumentException e) {
            skip(record, e.getMessage());
        }
    }

    private void skip(ConsumerRecord<byte[], byte[]> record, String error) {
        deadLetters.skip(record.topic(), record.partition(), record.offset(), record.key(), record.value(), error);
    }

    private void onSent(RecordMetadata metadata, Exception exception) {
        if (exception != null && sendFailure == null) {
            sendFailure = exception;
        }
    }
}
