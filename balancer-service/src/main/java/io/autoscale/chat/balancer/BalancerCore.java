package io.autoscale.chat.balancer;

import io.autoscale.chat.model.ChatRequest;
import io.autoscale.chat.model.Completion;
import io.autoscale.chat.model.ScalingDecision;
import io.autoscale.chat.model.Watermark;
import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The balancer's logic, without Kafka: buffers requests until event time has passed them and the
 * decision of their window is known, then routes them in (time, id) order over the servers in
 * force at their time. Whatever order the partitions' records interleave in, the completions are
 * the same and come out in the same order (DESIGN.md invariant 3).
 *
 * <p>A request stamped before the time already served through is late: serving it in order is no
 * longer possible, so it is served at once and marked. Not thread-safe: one thread drives it.
 */
public final class BalancerCore {

    /** Passed as offset when the caller does not track where a request came from. */
    public static final long NO_OFFSET = -1;
    /** Decisions kept behind the served time for late requests: 10 minutes of 1-second windows. */
    public static final int DEFAULT_RETAINED_DECISIONS = 600;

    private static final Logger LOG = LoggerFactory.getLogger(BalancerCore.class);

    private final ServerModel model;
    private final Watermarks watermarks = new Watermarks();
    private final DecisionTimeline timeline;
    private final PriorityQueue<PendingRequest> buffered = new PriorityQueue<>(1024, PendingRequest.EVENT_ORDER);
    private final BufferedOffsets offsets = new BufferedOffsets();
    private final Queue<Completion> lateCompletions = new ArrayDeque<>();

    private ServerPool pool;
    private long servedThroughMs = Long.MIN_VALUE;
    private long served;
    private long late;

    public BalancerCore(ServerModel model) {
        this(model, DEFAULT_RETAINED_DECISIONS);
    }

    /** @param retainedDecisions decisions kept behind the served time, {@code >= 1} */
    public BalancerCore(ServerModel model, int retainedDecisions) {
        if (retainedDecisions < 1) {
            throw new IllegalArgumentException("retained decisions must be at least 1, got " + retainedDecisions);
        }
        this.model = model;
        this.timeline = new DecisionTimeline(retainedDecisions);
    }

    public void onRequest(int partition, ChatRequest request) {
        onRequest(partition, NO_OFFSET, request);
    }

    /**
     * Takes one request read from {@code partition} at {@code offset}: buffers it, or serves it at
     * once when it is late. A late completion is handed out by the next {@link #drainReady}.
     */
    public void onRequest(int partition, long offset, ChatRequest request) {
        boolean isLate = request.timeMs() < servedThroughMs;
        if (isLate) {
            serveLate(partition, request);
            return;
        }
        buffered.add(new PendingRequest(request, partition, offset));
        if (offset != NO_OFFSET) {
            offsets.add(partition, offset);
        }
    }

    /** @throws IllegalArgumentException when the watermark names a partition outside its partition count */
    public void onWatermark(Watermark watermark) {
        watermarks.update(watermark);
    }

    /** @throws IllegalArgumentException when the decision has no servers or an empty window */
    public void onDecision(ScalingDecision decision) {
        boolean added = timeline.add(decision);
        if (!added) {
            LOG.debug("Ignoring a decision already known window={}", decision.windowStartMs());
        }
    }

    /**
     * Hands out the late completions, then serves, in (time, id) order, every buffered request
     * that event time has passed on all partitions and whose decision is known.
     *
     * @return completions handed out
     */
    public int drainReady(Consumer<Completion> out) {
        int count = lateCompletions.size();
        while (!lateCompletions.isEmpty()) {
            out.accept(lateCompletions.poll());
        }

        long limitMs = readyBeforeMs();
        if (limitMs == Long.MIN_VALUE) {
            return count;
        }
        PendingRequest next = buffered.peek();
        while (next != null && next.timeMs() < limitMs) {
            buffered.poll();
            if (next.offset() != NO_OFFSET) {
                offsets.remove(next.partition(), next.offset());
            }
            out.accept(serveInOrder(next.request()));
            count++;
            next = buffered.peek();
        }

        if (limitMs > servedThroughMs) {
            servedThroughMs = limitMs;
            timeline.prune(servedThroughMs);
        }
        return count;
    }

    /**
     * Whether serving is held back by this partition's watermark: it has not reported yet, or it
     * is the one furthest behind while decisions are ahead. Back-pressure keeps reading such a
     * partition, since pausing it would stop event time for good.
     */
    public boolean waitsOnPartition(int partition) {
        long latestMs = watermarks.latestMs(partition);
        if (latestMs == Watermarks.NONE) {
            return true;
        }
        long minimumMs = watermarks.minimumMs();
        boolean decisionsBehind = timeline.decidedUntilMs() < minimumMs;
        return minimumMs != Watermarks.NONE && !decisionsBehind && latestMs <= minimumMs;
    }

    /** The oldest offset of a request from {@code partition} not served yet, or {@link #NO_OFFSET}. */
    public long oldestBufferedOffset(int partition) {
        return offsets.oldest(partition);
    }

    public long servedCount() {
        return served;
    }

    public long lateCount() {
        return late;
    }

    public int bufferedCount() {
        return buffered.size();
    }

    /** Every request stamped before this has been served; a request arriving below it is late. */
    public long servedThroughMs() {
        return servedThroughMs;
    }

    /** Decisions held, pruned ones excluded. */
    public int retainedDecisions() {
        return timeline.retained();
    }

    /** Requests stamped before this are ready, or {@code Long.MIN_VALUE} while none can be. */
    private long readyBeforeMs() {
        long watermarkMs = watermarks.minimumMs();
        long decidedUntilMs = timeline.decidedUntilMs();
        if (watermarkMs == Watermarks.NONE || decidedUntilMs == DecisionTimeline.NONE) {
            return Long.MIN_VALUE;
        }
        return Math.min(watermarkMs, decidedUntilMs);
    }

    private Completion serveInOrder(ChatRequest request) {
        int servers = timeline.covering(request.timeMs()).serversBefore();
        if (pool == null) {
            pool = new ServerPool(model, servers);
        } else if (pool.size() != servers) {
            pool.resize(servers);
        }
        return serve(request, pool.route(), servers, false);
    }

    private void serveLate(int partition, ChatRequest request) {
        late++;
        ScalingDecision decision = timeline.covering(request.timeMs());
        boolean stillKnown = decision.windowStartMs() <= request.timeMs() && request.timeMs() < decision.windowEndMs();
        int servers = (stillKnown ? decision : timeline.latest()).serversBefore();
        LOG.debug("Late request id={} timeMs={} partition={} servedThroughMs={}", request.id(), request.timeMs(),
                partition, servedThroughMs);
        if (pool == null) {
            pool = new ServerPool(model, servers);
        }
        lateCompletions.add(serve(request, pool.routeOver(servers), servers, true));
    }

    private Completion serve(ChatRequest request, int server, int servers, boolean isLate) {
        served++;
        double waitMs = pool.server(server).acceptMs(request.timeMs());
        return new Completion(request.id(), request.timeMs(), server, servers, waitMs,
                waitMs + model.serviceTimeMs(), isLate);
    }
}
