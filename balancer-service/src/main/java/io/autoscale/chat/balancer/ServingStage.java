package io.autoscale.chat.balancer;

import io.autoscale.chat.model.Completion;
import io.autoscale.chat.model.DeadLetters;
import io.autoscale.chat.model.MalformedRecordException;
import io.autoscale.chat.model.Watermark;
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
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 2 as a running loop: reads the routed topic in the servers consumer group, drives one
 * {@link ServingPartition} per routed partition it owns and writes one completion per request.
 *
 * <p>Commit, every 200 ms of wall time: the completions sent so far are acknowledged first; then a
 * checkpoint of each partition read since the last one is written and acknowledged; only then is
 * each partition committed, up to its oldest pending request. A partition taken over by another
 * instance is served on from its checkpoint, so its servers keep their backlog; completions sent
 * after the last checkpoint are sent again, identical, and the metrics service drops the copies.
 */
final class ServingStage extends StageThread {

    private static final Logger LOG = LoggerFactory.getLogger(ServingStage.class);
    private static final Duration POSITION_TIMEOUT = Duration.ofSeconds(10);
    private static final long COMMIT_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(200);

    private final Consumer<byte[], byte[]> consumer;
    private final Producer<byte[], byte[]> producer;
    private final String routedTopic;
    private final ServerModel model;
    private final CheckpointStore checkpoints;
    private final CompletionRecords completions;
    private final DeadLetters deadLetters;
    private final BackPressure backPressure;
    private final Map<Integer, ServingPartition> partitions = new HashMap<>();
    private final Map<Integer, Long> checkpointedOffsets = new HashMap<>();
    private final Callback onSent = this::onSent;
    private final java.util.function.Consumer<Completion> sender = this::send;

    private long lastCommitNs = System.nanoTime();
    private long servedBefore;
    private long lateBefore;
    private volatile Exception sendFailure;
    private volatile long served;
    private volatile long late;

    ServingStage(String routedTopic, ServerModel model, Consumer<byte[], byte[]> consumer,
            Producer<byte[], byte[]> producer, CheckpointStore checkpoints, CompletionRecords completions,
            DeadLetters deadLetters, int maxBuffered) {
        super("balancer-server");
        this.consumer = consumer;
        this.producer = producer;
        this.routedTopic = routedTopic;
        this.model = model;
        this.checkpoints = checkpoints;
        this.completions = completions;
        this.deadLetters = deadLetters;
        this.backPressure = new BackPressure(maxBuffered, routedTopic);
    }

    /** Requests served since start, partitions given up included; one served again after a takeover counts twice. */
    long servedCount() {
        return served;
    }

    long lateCount() {
        return late;
    }

    ServingPartition partition(int routedPartition) {
        return partitions.get(routedPartition);
    }

    @Override
    void subscribe() {
        consumer.subscribe(List.of(routedTopic), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
                maybeCommitOnExit();
                revoked.forEach(partition -> forget(partition.partition()));
                LOG.info("Servers gave up partitions={}", revoked);
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> lost) {
                lost.forEach(partition -> forget(partition.partition()));
                LOG.warn("Servers lost partitions={}", lost);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
                assign(assigned);
            }
        });
    }

    /** Sets up each newly owned partition from its latest checkpoint, or from nothing when it has none. */
    void assign(Collection<TopicPartition> assigned) {
        List<Integer> fresh = new ArrayList<>();
        for (TopicPartition partition : assigned) {
            if (!partitions.containsKey(partition.partition())) {
                fresh.add(partition.partition());
            }
        }
        Map<Integer, ServingCheckpoint> loaded = checkpoints.load(fresh);
        for (int partition : fresh) {
            ServingCheckpoint checkpoint = loaded.get(partition);
            partitions.put(partition, checkpoint == null
                    ? new ServingPartition(partition, model)
                    : new ServingPartition(checkpoint, model));
        }
        LOG.info("Servers assigned partitions={} fromCheckpoint={}", assigned, loaded.keySet());
    }

    @Override
    void pollOnce(Duration timeout) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(timeout)) {
            dispatch(record);
        }
        backPressure.update(consumer, pendingCount(), this::holdsBack);
        updateCounts();

        if (System.nanoTime() - lastCommitNs >= COMMIT_INTERVAL_NS) {
            commit();
        }
    }

    /** Acknowledged completions, then acknowledged checkpoints, then offsets: never a gap on takeover. */
    @Override
    void commit() {
        lastCommitNs = System.nanoTime();
        flushOrThrow();

        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition topicPartition : consumer.assignment()) {
            ServingPartition partition = partitions.get(topicPartition.partition());
            if (partition == null) {
                continue;
            }
            long position = consumer.position(topicPartition, POSITION_TIMEOUT);
            Long checkpointed = checkpointedOffsets.get(partition.routedPartition());
            if (checkpointed == null || checkpointed != position) {
                checkpoints.write(producer, partition.checkpoint(position), onSent);
                checkpointedOffsets.put(partition.routedPartition(), position);
            }
            long oldest = partition.oldestPendingOffset();
            offsets.put(topicPartition, new OffsetAndMetadata(oldest == ServingPartition.NONE ? position : oldest));
        }
        flushOrThrow();

        commitOffsets(consumer, offsets);
    }

    @Override
    boolean sendFailed() {
        return sendFailure != null;
    }

    @Override
    void wakeup() {
        consumer.wakeup();
    }

    @Override
    void closeClients() {
        try {
            consumer.close();
        } finally {
            producer.close();
        }
        LOG.info("Servers stopped served={} late={} backPressureEngagements={}", served, late,
                backPressure.engagements());
    }

    private void dispatch(ConsumerRecord<byte[], byte[]> record) {
        ServingPartition partition = partitions.get(record.partition());
        if (partition == null) {
            return;
        }
        try {
            Object routed = RoutedRecords.parse(record.value());
            if (routed instanceof RoutedRequest request) {
                partition.onRequest(record.offset(), request, sender);
            } else {
                partition.onWatermark((Watermark) routed, sender);
            }
        } catch (MalformedRecordException | IllegalArgumentException e) {
            deadLetters.skip(record.topic(), record.partition(), record.offset(), record.key(), record.value(),
                    e.getMessage());
        }
    }

    private boolean holdsBack(int routedPartition) {
        ServingPartition partition = partitions.get(routedPartition);
        return partition == null || partition.holdsBack(lowestServedThroughMs());
    }

    private long lowestServedThroughMs() {
        long lowest = Long.MAX_VALUE;
        for (ServingPartition partition : partitions.values()) {
            lowest = Math.min(lowest, partition.servedThroughMs());
        }
        return lowest;
    }

    private int pendingCount() {
        int pending = 0;
        for (ServingPartition partition : partitions.values()) {
            pending += partition.pendingCount();
        }
        return pending;
    }

    private void forget(int routedPartition) {
        ServingPartition removed = partitions.remove(routedPartition);
        checkpointedOffsets.remove(routedPartition);
        if (removed != null) {
            servedBefore += removed.servedCount();
            lateBefore += removed.lateCount();
        }
        updateCounts();
    }

    private void updateCounts() {
        long servedNow = servedBefore;
        long lateNow = lateBefore;
        for (ServingPartition partition : partitions.values()) {
            servedNow += partition.servedCount();
            lateNow += partition.lateCount();
        }
        served = servedNow;
        late = lateNow;
    }

    private void flushOrThrow() {
        producer.flush();
        Exception failure = sendFailure;
        if (failure != null) {
            throw new IllegalStateException("cannot write completions or checkpoints: " + failure.getMessage(),
                    failure);
        }
    }

    private void send(Completion completion) {
        producer.send(completions.toRecord(completion), onSent);
    }

    private void onSent(RecordMetadata metadata, Exception exception) {
        if (exception != null && sendFailure == null) {
            sendFailure = exception;
        }
    }
}
