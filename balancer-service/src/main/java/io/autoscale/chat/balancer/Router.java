package io.autoscale.chat.balancer;

import io.autoscale.chat.model.ChatEvent;
import io.autoscale.chat.model.ChatRequest;
import io.autoscale.chat.model.ScalingDecision;
import io.autoscale.chat.model.Watermark;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routing stage's logic, without Kafka: a request with id {@code i} stamped in a window with
 * {@code n} servers in force goes to server {@code floorMod(i, n)}. Ids are dense in event-time
 * order, so this is round-robin in arrival order, and it needs no counter shared between routing
 * instances: any instance routes any request the same way.
 *
 * <p>Each requests partition keeps a first-in first-out queue of its requests and watermarks. A
 * request leaves once the decision of its time is known; a watermark leaves only behind every
 * earlier request of its partition, so that it still means "nothing earlier follows" downstream.
 * Not thread-safe: one thread drives it.
 */
final class Router {

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final DecisionTimeline timeline = new DecisionTimeline();
    private final Map<Integer, ArrayDeque<SourceEvent>> queues = new HashMap<>();
    private int pending;
    private long routed;

    /** @throws IllegalArgumentException when the decision has no servers or an empty window */
    void onDecision(ScalingDecision decision) {
        boolean added = timeline.add(decision);
        if (!added) {
            LOG.debug("Ignoring a decision already known window={}", decision.windowStartMs());
        }
    }

    void onRequest(int partition, long offset, ChatRequest request) {
        enqueue(partition, offset, request);
    }

    /** @throws IllegalArgumentException when the watermark names a partition outside its partition count */
    void onWatermark(int partition, long offset, Watermark watermark) {
        int partitions = watermark.partitions();
        if (partitions < 1 || watermark.partition() < 0 || watermark.partition() >= partitions) {
            throw new IllegalArgumentException("watermark partition must be in [0, partitions), got partition="
                    + watermark.partition() + " partitions=" + partitions);
        }
        enqueue(partition, offset, watermark);
    }

    /**
     * Hands out, partition by partition and in arrival order, every event no longer waiting.
     *
     * @return events handed out
     */
    int drain(RoutedSink out) {
        int count = 0;
        for (Map.Entry<Integer, ArrayDeque<SourceEvent>> entry : queues.entrySet()) {
            count += drain(entry.getKey(), entry.getValue(), out);
        }
        pending -= count;
        return count;
    }

    /** The offset of the partition's oldest event still queued, or {@link BufferedOffsets#NONE}. */
    long oldestPendingOffset(int partition) {
        ArrayDeque<SourceEvent> queue = queues.get(partition);
        return queue == null || queue.isEmpty() ? BufferedOffsets.NONE : queue.peek().offset();
    }

    /** Forgets a partition this instance no longer reads; its new reader starts again from its committed offset. */
    void forget(int partition) {
        ArrayDeque<SourceEvent> queue = queues.remove(partition);
        if (queue != null) {
            pending -= queue.size();
        }
    }

    int pendingCount() {
        return pending;
    }

    long routedCount() {
        return routed;
    }

    int decisionsKnown() {
        return timeline.size();
    }

    private void enqueue(int partition, long offset, ChatEvent event) {
        queues.computeIfAbsent(partition, p -> new ArrayDeque<>()).add(new SourceEvent(offset, event));
        pending++;
    }

    private int drain(int partition, ArrayDeque<SourceEvent> queue, RoutedSink out) {
        int count = 0;
        SourceEvent next = queue.peek();
        while (next != null) {
            if (next.event() instanceof ChatRequest request) {
                if (!timeline.covers(request.timeMs())) {
                    break;
                }
                int servers = timeline.serversAt(request.timeMs());
                int server = Math.floorMod(request.id(), servers);
                out.request(new RoutedRequest(request.id(), request.timeMs(), server, servers, partition,
                        next.offset()));
                routed++;
            } else {
                out.watermark((Watermark) next.event());
            }
            queue.poll();
            count++;
            next = queue.peek();
        }
        return count;
    }

    /** A request or watermark waiting in its partition's queue, with its offset for commits. */
    private record SourceEvent(long offset, ChatEvent event) {
    }
}
